import NextAuth, { type DefaultSession } from "gatehouse";
import Credentials from "gatehouse/providers/credentials";
import Email from "gatehouse/providers/email";
import Passkey from "gatehouse/providers/passkey";
import Password from "gatehouse/providers/password";
import { DATABASE_URL, db } from "@/lib/db";
import { oauthProviders } from "@/lib/oauth-providers";
import { checkPassword, roleOf } from "@/lib/users";

declare module "gatehouse" {
  interface Session {
    user: { id: string; role: "admin" | "member" } & DefaultSession["user"];
  }
}

// Browsers offer WebAuthn on a domain name only (localhost included), never on an IP address:
// the demo turns passkeys on when its URL has one (https://localhost in the e2e suite).
export const passkeys = !/^\d+\.\d+\.\d+\.\d+$|^\[/.test(
  new URL(process.env.NEXTAUTH_URL ?? "http://localhost").hostname,
);

export const { handlers, auth, signIn, signOut, sessions } = NextAuth({
  // One line for persistence: users, linked accounts, sessions and sign-in links in SQLite.
  // Sessions are database sessions (the default with a database) — credentials included.
  database: DATABASE_URL,
  // `npm start` serves the demo on loopback with no SMTP server: development mode turns on the
  // mailbox page for sign-in links (/api/auth/dev-mailbox). A real deployment leaves this unset.
  ...(process.env.GATEHOUSE_DEMO === "1" ? { environment: "development" as const } : {}),
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
    Email({
      name: "Email link",
      server: process.env.EMAIL_SERVER,
      from: process.env.EMAIL_FROM ?? "Gatehouse demo <demo@localhost>",
    }),
    // Password accounts, built in: sign-up at /api/auth/signup/password, "forgot password" at
    // /api/auth/password/forgot; their mails go through the same server as sign-in links.
    Password({
      server: process.env.EMAIL_SERVER,
      from: process.env.EMAIL_FROM ?? "Gatehouse demo <demo@localhost>",
    }),
    ...oauthProviders(),
    // Sign in with a passkey, add one on the account page, or create an account with one alone.
    ...(passkeys ? [Passkey({ allowSignUp: true })] : []),
  ],
  // Two-factor authentication (TOTP apps, backup codes), turned on per user from the account page.
  twoFactor: { issuer: "Gatehouse demo" },
  theme: { brandColor: "#4f46e5" },
  callbacks: {
    // With database sessions the session callback gets the stored user. An update() from the
    // client (the account page's rename) is saved to the user row, so it lasts.
    async session({ session, user, trigger, newSession }) {
      let name = user.name ?? null;
      const requested = (newSession as { name?: unknown } | undefined)?.name;
      if (trigger === "update" && typeof requested === "string" && requested.trim() !== "") {
        name = requested.trim().slice(0, 60);
        await db.updateUser({ id: user.id, name });
      }
      return { ...session, user: { ...session.user, id: user.id, name, role: roleOf(user.email) } };
    },
  },
});
