import CredentialsProvider from "next-auth/providers/credentials";

const USERS = {
  "ada@example.com": {
    id: "1",
    name: "Ada Lovelace",
    email: "ada@example.com",
    role: "admin",
    password: "gatehouse-demo",
  },
  "grace@example.com": {
    id: "2",
    name: "Grace Hopper",
    email: "grace@example.com",
    role: "member",
    password: "gatehouse-demo",
  },
};

// Seed 003's options: JWT strategy, role in the token and the session.
export const authOptions = {
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const user = USERS[credentials?.email];
        if (!user || user.password !== credentials.password) return null;
        return { id: user.id, name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role || "user";
      }
      return token;
    },
    async session({ session, token }) {
      session.user.id = token.id;
      session.user.role = token.role;
      return session;
    },
  },
};
