export * from "@gatehouse/core/providers/credentials";
export { default } from "@gatehouse/core/providers/credentials";
export type { CredentialsOptions as CredentialsConfig } from "@gatehouse/core/providers/credentials";
