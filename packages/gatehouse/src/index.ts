/**
 * `gatehouse`: authentication for Next.js with next-auth v4's API.
 *
 * ```ts
 * import NextAuth from "gatehouse"
 * import Credentials from "gatehouse/providers/credentials"
 * export const { handlers, auth, signIn, signOut } = NextAuth({ providers: [Credentials({ … })] })
 * ```
 */
export { default } from "./next-auth.js";
export type {
  AuthFunction,
  NextAuthRequest,
  NextAuthResult,
  RouteHandler,
  ServerSessions,
  ServerSignIn,
  ServerSignOut,
  SignInData,
} from "./next-auth.js";
export { getServerSession, getSessions, revokeSessions, unstable_getServerSession } from "./next.js";
export { AuthError, CredentialsSignin } from "@gatehouse/core";
export { databaseAdapter } from "./lib/database.js";
export type * from "./types.js";
