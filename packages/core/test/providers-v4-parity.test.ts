// Every provider module against next-auth 4.24.15 itself (the pinned devDependency, unmodified):
// the same module names, and for each the same id, name and type — from the factories, from
// `GET /api/auth/providers` and from the built-in sign-in page, next-auth's own handler answering
// beside ours in one process.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runInThisContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { Provider } from "../src/index.js";
import { memoryDatabase } from "./database.js";
import { AUTH, BASE, get, makeAuth } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const CORE_PROVIDERS = join(here, "../src/providers");
const require = createRequire(import.meta.url);
const V4_PROVIDERS = dirname(require.resolve("next-auth/providers/google"));

type Factory = (options: Record<string, unknown>) => Record<string, unknown>;

/** next-auth's module names under `next-auth/providers/` (`index` is `next-auth/providers` itself). */
const V4_MODULES = readdirSync(V4_PROVIDERS)
  .filter((file) => file.endsWith(".js") && file !== "index.js")
  .map((file) => basename(file, ".js"))
  .sort();
const CORE_MODULES = readdirSync(CORE_PROVIDERS)
  .filter((file) => file.endsWith(".ts"))
  .map((file) => basename(file, ".ts"))
  .sort();

/**
 * next-auth's factory for a module. `providers/email` requires nodemailer, an optional peer of
 * next-auth that is not installed beside it here: the unmodified file is evaluated with its
 * `require("nodemailer")` answered by the nodemailer @gatehouse/core depends on.
 */
function v4Factory(module: string): Factory | undefined {
  const file = require.resolve(`next-auth/providers/${module}`);
  if (module !== "email") return (require(file) as { default?: Factory }).default;
  const coreRequire = createRequire(join(here, "../package.json"));
  const wrapper = runInThisContext(`(function (exports, require, module) {${readFileSync(file, "utf8")}\n})`) as (
    exports: object,
    require: (id: string) => unknown,
    module: { exports: object },
  ) => void;
  const cjs = { exports: {} as { default?: Factory } };
  wrapper(cjs.exports, (id) => (id === "nodemailer" ? coreRequire("nodemailer") : require(id)), cjs);
  return cjs.exports.default;
}

async function coreFactory(module: string): Promise<Factory | undefined> {
  return ((await import(`../src/providers/${module}.ts`)) as { default?: Factory }).default;
}

/** What an app passes: credentials plus each provider's required options (fresh per call). */
function optionsFor(module: string): Record<string, unknown> {
  const common = { clientId: "client-id", clientSecret: "client-secret" };
  switch (module) {
    case "credentials":
      return { credentials: {}, authorize: () => null };
    case "email":
      return { server: "smtp://127.0.0.1:2525", from: "auth@example.com" };
    case "battlenet":
      return { ...common, issuer: "https://oauth.battle.net" };
    case "azure-ad":
      return { ...common, tenantId: "contoso.onmicrosoft.com" };
    case "azure-ad-b2c":
      return { ...common, tenantId: "contoso", primaryUserFlow: "B2C_1_signin" };
    default:
      return { ...common, issuer: "https://idp.example.com" };
  }
}

const FACTORY_MODULES = V4_MODULES.filter((module) => v4Factory(module) !== undefined);

/** One app's providers, built with next-auth's factories or ours (Twitter twice: both versions). */
async function appProviders(make: (module: string) => Promise<Factory | undefined>): Promise<unknown[]> {
  const providers: unknown[] = [];
  for (const module of FACTORY_MODULES) {
    const factory = (await make(module)) as Factory;
    providers.push(factory(optionsFor(module)));
    if (module === "twitter") providers.push(factory({ ...optionsFor(module), version: "2.0", id: "twitter-v2" }));
  }
  // An app's own id and name win over the provider's.
  const google = (await make("google")) as Factory;
  providers.push(google({ ...optionsFor("google"), id: "google-work", name: "Work account" }));
  return providers;
}

interface NextApiResult {
  status: number;
  body: unknown;
}

/** next-auth 4.24.15's API route, called in-process as the pages router calls it. */
async function nextAuthV4(path: string, providers: unknown[]): Promise<NextApiResult> {
  const NextAuth = (require("next-auth") as { default: (...args: unknown[]) => unknown }).default;
  // next-auth checks that email sign-in has an adapter with these methods; none is called here.
  const method = () => Promise.reject(new Error("not called"));
  const adapter = Object.fromEntries(
    ["createVerificationToken", "useVerificationToken", "getUserByEmail"].map((name) => [name, method]),
  );
  const previous = process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_URL = BASE;
  try {
    return await new Promise<NextApiResult>((resolve, reject) => {
      const headers = new Map<string, unknown>();
      const res = {
        statusCode: 200,
        setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
        getHeader: (name: string) => headers.get(name.toLowerCase()),
        status(code: number) {
          this.statusCode = code;
          return this;
        },
        json(body: unknown) {
          resolve({ status: this.statusCode, body });
        },
        send(body: unknown) {
          resolve({ status: this.statusCode, body });
        },
        end(body: unknown) {
          resolve({ status: this.statusCode, body });
        },
      };
      const req = {
        method: "GET",
        url: `/api/auth/${path}`,
        query: { nextauth: path.split("/") },
        headers: { host: "localhost:3000" },
        cookies: {},
        body: {},
      };
      Promise.resolve(NextAuth(req, res, { secret: "next-auth-v4-secret-0123456789abcdef", providers, adapter })).catch(
        reject,
      );
    });
  } finally {
    if (previous === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = previous;
  }
}

async function gatehouse(providers: unknown[]) {
  const db = await memoryDatabase();
  return makeAuth({ providers: providers as Provider[], adapter: db.adapter });
}

describe("provider modules, against next-auth 4.24.15", () => {
  it("has a module for every provider module next-auth ships", () => {
    expect(V4_MODULES.length).toBeGreaterThan(60);
    expect(V4_MODULES.filter((module) => !CORE_MODULES.includes(module))).toEqual([]);
  });

  it.each(FACTORY_MODULES)("%s: the factory gives next-auth's id, name and type", async (module) => {
    const theirs = (v4Factory(module) as Factory)(optionsFor(module));
    const ours = ((await coreFactory(module)) as Factory)(optionsFor(module));
    expect({ id: ours.id, name: ours.name, type: ours.type }).toEqual({
      id: theirs.id,
      name: theirs.name,
      type: theirs.type,
    });
  });

  it("twitter with version 2.0: next-auth's name for the OAuth 2.0 flow", async () => {
    const options = { ...optionsFor("twitter"), version: "2.0" };
    const theirs = (v4Factory("twitter") as Factory)(options);
    const ours = ((await coreFactory("twitter")) as Factory)(options);
    expect([ours.name, ours.type, ours.version]).toEqual([theirs.name, theirs.type, theirs.version]);
  });

  it("GET /providers answers exactly what next-auth answers, for every provider at once", async () => {
    const theirs = await nextAuthV4("providers", await appProviders((module) => Promise.resolve(v4Factory(module))));
    expect(theirs.status).toBe(200);
    const auth = await gatehouse(await appProviders(coreFactory));
    const response = await get(auth, "/providers");
    expect(response.status).toBe(200);
    const ours = (await response.json()) as Record<string, unknown>;
    expect(ours).toEqual(theirs.body);
    // Same order too: clients list the providers as they come.
    expect(Object.keys(ours)).toEqual(Object.keys(theirs.body as object));
    expect(Object.keys(ours)).toHaveLength(FACTORY_MODULES.length + 2);
    expect((ours["google-work"] as { name: string }).name).toBe("Work account");
    expect((ours.twitter as { signinUrl: string }).signinUrl).toBe(`${AUTH}/signin/twitter`);
  });

  it("the built-in sign-in page offers next-auth's buttons, in next-auth's order", async () => {
    const theirs = await nextAuthV4("signin", await appProviders((module) => Promise.resolve(v4Factory(module))));
    expect(theirs.status).toBe(200);
    const auth = await gatehouse(await appProviders(coreFactory));
    const response = await get(auth, "/signin");
    expect(response.status).toBe(200);
    const labels = (page: string) => [...page.matchAll(/Sign in with ([^<]+)</g)].map((match) => match[1]?.trim());
    const expected = labels(String(theirs.body));
    expect(expected.length).toBe(FACTORY_MODULES.length + 2);
    expect(labels(await response.text())).toEqual(expected);
  });
});
