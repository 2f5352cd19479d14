// What a configuration needs of its adapter is checked twice: by the compiler (the
// `@ts-expect-error` lines below must be errors, or `tsc -p packages/core/test` fails) and at
// start-up, for JavaScript and for configurations typed too widely to tell.
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  KEEPS_GATEHOUSE_FIELDS,
  createAuth,
  type Adapter,
  type AuthConfig,
  type SessionAdapter,
  type UserAdapter,
  type VerificationAdapter,
} from "../src/index.js";
import Email from "../src/providers/email.js";
import { SECRET, passwordProvider } from "./helpers.js";

function methods(names: readonly string[]): Record<string, () => null> {
  return Object.fromEntries(names.map((name) => [name, () => null]));
}
const USER_METHODS = ["createUser", "getUser", "getUserByEmail", "getUserByAccount", "updateUser"];
const users = methods([...USER_METHODS, "deleteUser", "linkAccount", "unlinkAccount"]) as unknown as UserAdapter;
const verification = methods(["createVerificationToken", "useVerificationToken"]) as unknown as VerificationAdapter;
const sessions = methods([
  "createSession",
  "getSessionAndUser",
  "updateSession",
  "deleteSession",
]) as unknown as SessionAdapter;
const base = { secret: SECRET, url: "http://localhost:3000" };

/** Never called: the compiler checks it. */
export function compileTimeChecks(): void {
  // @ts-expect-error the Email provider needs an adapter
  createAuth({ ...base, providers: [Email({ server: "smtp://localhost" })] });
  const email = { ...base, providers: [Email({ server: "smtp://localhost" })] };
  // @ts-expect-error …with verification tokens
  createAuth({ ...email, adapter: users, session: { strategy: "jwt" } });
  createAuth({ ...email, adapter: { ...users, ...verification }, session: { strategy: "jwt" } });
  // @ts-expect-error with an adapter, sessions default to the database: the session methods too
  createAuth({ ...email, adapter: { ...users, ...verification } });
  createAuth({ ...email, adapter: { ...users, ...verification, ...sessions } });

  // @ts-expect-error database sessions need the session methods
  createAuth({ ...base, providers: [passwordProvider()], session: { strategy: "database" }, adapter: users });
  createAuth({
    ...base,
    providers: [passwordProvider()],
    session: { strategy: "database" },
    adapter: { ...users, ...sessions },
  });

  // next-auth's `Adapter` type, every method optional (what `@next-auth/*` adapters declare they
  // return), names every group: it compiles, and start-up checks the methods are there.
  const nextAuthTyped: Adapter = { ...users, ...verification, ...sessions };
  createAuth({ ...email, adapter: nextAuthTyped });

  // JWT sessions and no email provider need no adapter at all.
  createAuth({ ...base, providers: [passwordProvider()], session: { strategy: "jwt" } });
  // A configuration typed as plain AuthConfig compiles; start-up checks it.
  const wide: AuthConfig = { ...base, providers: [Email({ server: "smtp://localhost" })] };
  createAuth(wide);
}

describe("adapter requirements at start-up", () => {
  const start = (config: unknown) => () => createAuth(config as AuthConfig);

  it("refuses the Email provider without a database, naming both ways to give one", () => {
    expect(start({ ...base, providers: [Email({ server: "smtp://localhost" })] })).toThrow(
      /Email sign-in needs a database: set `adapter`, or `database`/,
    );
  });

  it("names the methods the adapter lacks and the feature that needs them", () => {
    const email = {
      ...base,
      providers: [Email({ server: "smtp://localhost" })],
      adapter: users,
      session: { strategy: "jwt" },
    };
    expect(start(email)).toThrow(ConfigError);
    expect(start(email)).toThrow(
      "The `adapter` lacks createVerificationToken, useVerificationToken, which email sign-in need.",
    );
    const database = { ...base, providers: [passwordProvider()], session: { strategy: "database" }, adapter: users };
    expect(start(database)).toThrow(
      "The `adapter` lacks createSession, getSessionAndUser, updateSession, deleteSession, which database sessions need.",
    );
  });

  it("accepts an adapter with the groups the configuration needs", () => {
    const email = { ...base, providers: [Email({ server: "smtp://localhost" })] };
    expect(start({ ...email, adapter: { ...users, ...verification }, session: { strategy: "jwt" } })).not.toThrow();
    // With an adapter, sessions default to the database, which needs the session methods too.
    expect(start({ ...email, adapter: { ...users, ...verification } })).toThrow(/lacks createSession/);
    expect(start({ ...email, adapter: { ...users, ...verification, ...sessions } })).not.toThrow();
    // Credentials users with database sessions keep the app's ids: a Gatehouse adapter's promise.
    const gatehouse = { ...users, ...sessions, [KEEPS_GATEHOUSE_FIELDS]: true as const };
    expect(start({ ...base, providers: [passwordProvider()], adapter: gatehouse })).not.toThrow();
    expect(start({ ...base, providers: [passwordProvider()], adapter: { ...users, ...sessions } })).toThrow(
      /Credentials sign-in with database sessions/,
    );
  });
});
