// @auth/pg-adapter, as published, on the schema its documentation gives (authjs.dev, "PostgreSQL
// Adapter" → Schema): SERIAL ids, no unique constraints, TIMESTAMPTZ dates.
import PostgresAdapter from "@auth/pg-adapter";
import { serviceAvailable } from "@gatehouse/adapter-test";
import { createSchema, probe } from "./database.js";
import { describeAdapterLife, published } from "./life.js";

const available = await serviceAvailable("PostgreSQL", probe);

const TABLES = [
  `CREATE TABLE verification_token (identifier TEXT NOT NULL, expires TIMESTAMPTZ NOT NULL, token TEXT NOT NULL,
    PRIMARY KEY (identifier, token))`,
  `CREATE TABLE accounts (id SERIAL, "userId" INTEGER NOT NULL, type VARCHAR(255) NOT NULL,
    provider VARCHAR(255) NOT NULL, "providerAccountId" VARCHAR(255) NOT NULL, refresh_token TEXT, access_token TEXT,
    expires_at BIGINT, id_token TEXT, scope TEXT, session_state TEXT, token_type TEXT, PRIMARY KEY (id))`,
  `CREATE TABLE sessions (id SERIAL, "userId" INTEGER NOT NULL, expires TIMESTAMPTZ NOT NULL,
    "sessionToken" VARCHAR(255) NOT NULL, PRIMARY KEY (id))`,
  `CREATE TABLE users (id SERIAL, name VARCHAR(255), email VARCHAR(255), "emailVerified" TIMESTAMPTZ, image TEXT,
    PRIMARY KEY (id))`,
];

describeAdapterLife(
  "@auth/pg-adapter 1.11.3",
  async () => {
    const schema = await createSchema("auth_pg", TABLES);
    return {
      adapter: published(PostgresAdapter(schema.pool)),
      stored: {
        sessions: async () =>
          (await schema.rows(`SELECT "sessionToken", "userId"::text AS "userId", expires FROM sessions`)) as never,
        accounts: async () =>
          (await schema.rows(
            `SELECT "userId"::text AS "userId", type, provider, "providerAccountId" FROM accounts`,
          )) as never,
        users: async () => (await schema.rows(`SELECT id::text AS id, email, "emailVerified" FROM users`)) as never,
      },
      cleanup: () => schema.drop(),
    };
  },
  available,
);
