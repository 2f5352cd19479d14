import nodemailer from "nodemailer";

export async function sendEmail({ to, from, subject, html, text }) {
  const transporter = nodemailer.createTransport(process.env.EMAIL_SERVER);
  await transporter.sendMail({ to, from, subject, html, text });
}
