// The auth configuration the way next-auth v4's own example app writes it: one `config`, and an
// `auth()` helper that forwards whatever router arguments it gets to getServerSession.
import type { GetServerSidePropsContext, NextApiRequest, NextApiResponse } from "next";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import { providers } from "./lib/providers";

export const config = {
  providers,
  pages: { signIn: "/login" },
  callbacks: {
    // As v4 apps do: the default session has no user id, the callbacks add it.
    async jwt({ token, user }) {
      if (user) token.role = user.email === "ada@example.com" ? "admin" : "user";
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub as string;
        session.user.role = token.role;
      }
      return session;
    },
  },
} satisfies NextAuthOptions;

// Use it in server contexts
export function auth(
  ...args: [GetServerSidePropsContext["req"], GetServerSidePropsContext["res"]] | [NextApiRequest, NextApiResponse] | []
) {
  return getServerSession(...args, config);
}
