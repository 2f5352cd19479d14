import NextAuth, { type DefaultSession } from "gatehouse";
import Credentials from "gatehouse/providers/credentials";
import { oauthProviders } from "@/lib/oauth-providers";
import { checkPassword } from "@/lib/users";

declare module "gatehouse" {
  interface Session {
    user: { role: "admin" | "member" } & DefaultSession["user"];
  }
  interface JWT {
    role?: "admin" | "member";
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  providers: [
    Credentials({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email", placeholder: "ada@example.com" },
        password: { label: "Password", type: "password" },
      },
      authorize: (credentials) =>
        credentials === undefined ? null : checkPassword(credentials.email, credentials.password),
    }),
    ...oauthProviders(),
  ],
  theme: { brandColor: "#4f46e5" },
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user !== undefined && typeof user.role === "string") token.role = user.role as "admin" | "member";
      if (trigger === "update" && typeof (session as { name?: unknown }).name === "string") {
        token.name = (session as { name: string }).name.slice(0, 60);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub ?? "", role: token.role ?? "member" } };
    },
  },
});
