// Auth.js v5's name for the email provider.
export * from "@gatehouse/core/providers/email";
export { default } from "@gatehouse/core/providers/email";
