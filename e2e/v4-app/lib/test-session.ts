// How v4 apps' e2e tests sign in without a browser round trip: mint the session cookie with
// next-auth/jwt's encode() and its defaults (no salt), then send it as next-auth.session-token.
import { encode } from "next-auth/jwt";

export async function sessionCookie(secret: string, user: { sub: string; name: string; email: string }) {
  const token = await encode({ token: { ...user, role: "tester" }, secret });
  return `next-auth.session-token=${token}`;
}
