/**
 * A real OpenID provider (oidc-provider, via @gatehouse/local-idp) on a free loopback port, and a
 * scripted user agent that signs in at it: follows its redirects, fills its login form, and
 * stops at the redirect back to the app, which the test then hands to our handler.
 */
import { createServer } from "node:net";
import { startIdp } from "@gatehouse/local-idp";
import type { AuthHandler } from "../../src/index.js";
import { AUTH, BASE, Jar, csrf, postForm } from "../helpers.js";

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface TestIdp {
  issuer: string;
  close: () => Promise<void>;
  events: string[];
}

/** Starts the IdP with clients for this suite's app (`BASE`). */
export async function startTestIdp(
  options: {
    accessTokenTtl?: number;
    clients?: Record<string, unknown>[];
    /** A fixed port (to restart the same issuer, with other keys say). */
    port?: number;
    /** The IdP's private signing keys; the first of an algorithm signs. */
    jwks?: { keys: Record<string, unknown>[] };
    /** Extra claims every account has (released with the `profile` scope). */
    profileClaims?: Record<string, unknown>;
    /** The `email_verified` claim, for every account or per login name. @default true */
    emailVerified?: boolean | ((login: string) => boolean);
  } = {},
): Promise<TestIdp> {
  const events: string[] = [];
  const client = (id: string, extra: Record<string, unknown> = {}) => ({
    client_id: id,
    client_secret: `${id}-secret`,
    redirect_uris: [`${AUTH}/callback/${id}`],
    post_logout_redirect_uris: [`${BASE}/`, `${BASE}/bye`],
    grant_types: ["authorization_code", "refresh_token"],
    ...extra,
  });
  const idp = await startIdp({
    port: options.port ?? (await freePort()),
    accessTokenTtl: options.accessTokenTtl ?? 3600,
    ...(options.jwks === undefined ? {} : { jwks: options.jwks }),
    ...(options.profileClaims === undefined ? {} : { profileClaims: options.profileClaims }),
    ...(options.emailVerified === undefined ? {} : { emailVerified: options.emailVerified }),
    clients: [
      client("local"),
      client("other"),
      client("posted", { client_secret: "posted-secret", token_endpoint_auth_method: "client_secret_post" }),
      client("public", { token_endpoint_auth_method: "none", client_secret: undefined }),
      ...(options.clients ?? []),
    ],
    onEvent: (event) => events.push(event),
  });
  return { issuer: idp.issuer, close: () => idp.close(), events };
}

/** The app's side: POST signin/:provider; returns the authorization URL. */
export async function beginSignIn(auth: AuthHandler, provider: string, jar: Jar, callbackUrl = "/after"): Promise<URL> {
  const csrfToken = await csrf(auth, jar);
  const response = await postForm(auth, `/signin/${provider}`, { csrfToken, callbackUrl }, jar);
  if (response.status !== 302) throw new Error(`sign-in start answered ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get("location") ?? "");
}

/** Where the IdP sends the browser back: a redirect, or an auto-submitting form (form_post). */
export type Return =
  { method: "GET"; url: URL } | { method: "POST"; url: URL; fields: Record<string, string>; from: string };

/** The user agent at the IdP: signs in as `login`, returns the way back to the app (at `appOrigin`). */
export async function loginAtIdp(authorizeUrl: URL, login: string, appOrigin: string = BASE): Promise<Return> {
  const cookies = new Map<string, string>();
  let url = authorizeUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    init = {};
    const location = response.headers.get("location");
    if (location !== null) {
      url = new URL(location, url);
      if (url.origin === appOrigin) return { method: "GET", url };
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (action === undefined)
      throw new Error(`the IdP answered ${response.status} without a way on: ${html.slice(0, 300)}`);
    const target = new URL(action.replace(/&amp;/g, "&"), url);
    const fields = Object.fromEntries(
      [...html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [
        m[1] as string,
        (m[2] as string).replace(/&amp;/g, "&"),
      ]),
    );
    if (target.origin === appOrigin) return { method: "POST", url: target, fields, from: url.origin };
    url = target;
    init = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, prompt: "login", login, password: "any" }),
    };
  }
  throw new Error("too many redirects at the IdP");
}

/** Hands the way back to our handler, as the browser would (with the app's cookies). */
export async function finish(auth: AuthHandler, back: Return, jar: Jar): Promise<Response> {
  const headers: Record<string, string> = { cookie: jar.header() };
  const request =
    back.method === "GET"
      ? new Request(back.url, { headers })
      : new Request(back.url, {
          method: "POST",
          // A form_post arrives cross-site from the IdP, as a browser would send it.
          headers: {
            ...headers,
            "content-type": "application/x-www-form-urlencoded",
            origin: back.from,
            "sec-fetch-site": "cross-site",
          },
          body: new URLSearchParams(back.fields),
        });
  const response = await auth(request);
  jar.take(response);
  return response;
}

/** The whole flow for `login` at `provider`. */
export async function oauthSignIn(
  auth: AuthHandler,
  provider: string,
  login: string,
  jar = new Jar(),
): Promise<{ jar: Jar; response: Response }> {
  const back = await loginAtIdp(await beginSignIn(auth, provider, jar), login);
  return { jar, response: await finish(auth, back, jar) };
}
