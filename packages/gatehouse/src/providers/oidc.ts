export * from "@gatehouse/core/providers/oidc";
export { default } from "@gatehouse/core/providers/oidc";
