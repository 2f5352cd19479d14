/**
 * `gatehouse`: the Next.js package. Its next-auth-compatible surface (`NextAuth`, `/react`,
 * `/next`, `/jwt`, `/middleware`, providers) is built on @gatehouse/core; for now it re-exports
 * the core types so the package layout is final.
 */
export type { AuthConfig as AuthOptions, AuthConfig as NextAuthOptions, JWT, Session, User } from "@gatehouse/core";
