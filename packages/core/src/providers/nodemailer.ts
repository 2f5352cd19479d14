/**
 * `providers/nodemailer`: Auth.js v5's name for the email (magic link) provider — the same
 * module as `providers/email`.
 */
export * from "./email.js";
export { default } from "./email.js";
