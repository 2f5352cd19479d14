// pages/api/auth/[...nextauth].js — next-auth v3, as its docs and tutorials wrote it.
import NextAuth from "next-auth";
import Providers from "next-auth/providers";

const options = {
  site: process.env.NEXTAUTH_URL,
  providers: [
    Providers.Credentials({
      name: "Credentials",
      credentials: {
        username: { label: "Username", type: "text", placeholder: "jsmith" },
        password: { label: "Password", type: "password" },
      },
      authorize: async (credentials) => {
        if (credentials.username === "jsmith" && credentials.password === "v3-password") {
          const user = { id: 1, name: "J Smith", email: "jsmith@example.com" };
          return Promise.resolve(user);
        }
        return Promise.resolve(null);
      },
    }),
    Providers.Email({
      server: process.env.EMAIL_SERVER,
      from: process.env.EMAIL_FROM,
    }),
    // A custom OAuth provider, the v3 way (docs: configuration/providers, "Using a custom provider").
    {
      id: "localidp",
      name: "Local IdP",
      type: "oauth",
      version: "2.0",
      scope: "openid email profile",
      params: { grant_type: "authorization_code" },
      accessTokenUrl: `${process.env.LOCAL_IDP_ISSUER}/token`,
      requestTokenUrl: `${process.env.LOCAL_IDP_ISSUER}/auth`,
      authorizationUrl: `${process.env.LOCAL_IDP_ISSUER}/auth?response_type=code`,
      profileUrl: `${process.env.LOCAL_IDP_ISSUER}/me`,
      idToken: true,
      profile: (profile) => {
        return {
          id: profile.sub,
          name: profile.name,
          email: profile.email,
          image: null,
        };
      },
      clientId: process.env.LOCAL_IDP_ID,
      clientSecret: process.env.LOCAL_IDP_SECRET,
    },
  ],
  // TypeORM style, as the v3 docs: "sqlite://localhost/:memory:?synchronize=true"
  database: process.env.DATABASE_URL,
  session: {
    jwt: true,
    maxAge: 30 * 24 * 60 * 60, // 30 days
  },
  callbacks: {
    signIn: async (user, account, profile) => {
      return Promise.resolve(true);
    },
    redirect: async (url, baseUrl) => {
      return url.startsWith(baseUrl) ? Promise.resolve(url) : Promise.resolve(baseUrl);
    },
    session: async (session, user) => {
      session.provider = user.provider;
      return Promise.resolve(session);
    },
    jwt: async (token, user, account, profile, isNewUser) => {
      if (account) token.provider = account.provider;
      return Promise.resolve(token);
    },
  },
};

export default (req, res) => NextAuth(req, res, options);
