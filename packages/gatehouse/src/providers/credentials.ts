/** `gatehouse/providers/credentials`: sign-in with a form you check yourself. */
export { default } from "@gatehouse/core/providers/credentials";
export type { CredentialsOptions as CredentialsConfig } from "@gatehouse/core/providers/credentials";
