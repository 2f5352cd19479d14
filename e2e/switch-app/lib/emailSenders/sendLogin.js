import { sendEmail } from "../emailService";

export default async function sendLoginEmail(params) {
  const { identifier, url, provider } = params;
  const { host } = new URL(url);

  const htmlContent = `
    <p>Click the button below to login to ${host}:</p>
    <a href="${url}">Login to MyApp</a>
    <p>If you didn't request to login, please ignore this email.</p>
  `;

  await sendEmail({
    to: identifier,
    from: provider.from,
    subject: "Login to MyApp",
    html: htmlContent,
    text: `Login to MyApp: ${url}`,
  });
}
