// @auth/drizzle-adapter, as published, with the PostgreSQL schema its documentation gives
// (authjs.dev, "Drizzle ORM Adapter" → Postgres), over node-postgres.
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { serviceAvailable } from "@gatehouse/adapter-test";
import { drizzle } from "drizzle-orm/node-postgres";
import { createSchema, probe } from "./database.js";
import { accounts, sessions, users, verificationTokens } from "./drizzle-schema.js";
import { describeAdapterLife, published } from "./life.js";

const available = await serviceAvailable("PostgreSQL", probe);

/** What `drizzle-kit push` makes of drizzle-schema.ts (it cannot run here). */
const TABLES = [
  `CREATE TABLE "user" ("id" text PRIMARY KEY NOT NULL, "name" text, "email" text, "emailVerified" timestamp,
    "image" text, CONSTRAINT "user_email_unique" UNIQUE("email"))`,
  `CREATE TABLE "account" ("userId" text NOT NULL, "type" text NOT NULL, "provider" text NOT NULL,
    "providerAccountId" text NOT NULL, "refresh_token" text, "access_token" text, "expires_at" integer,
    "token_type" text, "scope" text, "id_token" text, "session_state" text,
    CONSTRAINT "account_provider_providerAccountId_pk" PRIMARY KEY("provider","providerAccountId"))`,
  `CREATE TABLE "session" ("sessionToken" text PRIMARY KEY NOT NULL, "userId" text NOT NULL,
    "expires" timestamp NOT NULL)`,
  `CREATE TABLE "verificationToken" ("identifier" text NOT NULL, "token" text NOT NULL, "expires" timestamp NOT NULL,
    CONSTRAINT "verificationToken_identifier_token_pk" PRIMARY KEY("identifier","token"))`,
  `ALTER TABLE "account" ADD CONSTRAINT "account_userId_user_id_fk" FOREIGN KEY ("userId") REFERENCES "user"("id")
    ON DELETE cascade`,
  `ALTER TABLE "session" ADD CONSTRAINT "session_userId_user_id_fk" FOREIGN KEY ("userId") REFERENCES "user"("id")
    ON DELETE cascade`,
];

describeAdapterLife(
  "@auth/drizzle-adapter 1.11.3 (PostgreSQL)",
  async () => {
    const schema = await createSchema("auth_drizzle", TABLES);
    const db = drizzle(schema.pool);
    return {
      adapter: published(
        DrizzleAdapter(db, {
          usersTable: users,
          accountsTable: accounts,
          sessionsTable: sessions,
          verificationTokensTable: verificationTokens,
        }),
      ),
      stored: {
        sessions: async () => (await schema.rows(`SELECT "sessionToken", "userId", expires FROM "session"`)) as never,
        accounts: async () =>
          (await schema.rows(`SELECT "userId", type, provider, "providerAccountId" FROM "account"`)) as never,
        users: async () => (await schema.rows(`SELECT id, email, "emailVerified" FROM "user"`)) as never,
      },
      cleanup: () => schema.drop(),
    };
  },
  available,
);
