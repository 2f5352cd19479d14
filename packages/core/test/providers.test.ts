// Every built-in provider, through a whole sign-in, with the provider's real response shapes
// served at the network edge (the injected fetch): endpoints, scopes, client authentication,
// extra API calls (GitHub's emails, Bitbucket's emails, Dropbox's POST) and profile mapping.
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "../src/index.js";
import { AUTH, Jar, csrf, makeAuth, postForm, session } from "./helpers.js";

import Apple from "../src/providers/apple.js";
import Atlassian from "../src/providers/atlassian.js";
import Auth0 from "../src/providers/auth0.js";
import Authentik from "../src/providers/authentik.js";
import Bitbucket from "../src/providers/bitbucket.js";
import Box from "../src/providers/box.js";
import Cognito from "../src/providers/cognito.js";
import Discord from "../src/providers/discord.js";
import Dropbox from "../src/providers/dropbox.js";
import Facebook from "../src/providers/facebook.js";
import FusionAuth from "../src/providers/fusionauth.js";
import GitHub from "../src/providers/github.js";
import GitLab from "../src/providers/gitlab.js";
import Google from "../src/providers/google.js";
import Kakao from "../src/providers/kakao.js";
import Keycloak from "../src/providers/keycloak.js";
import Line from "../src/providers/line.js";
import LinkedIn from "../src/providers/linkedin.js";
import MicrosoftEntraID from "../src/providers/microsoft-entra-id.js";
import Naver from "../src/providers/naver.js";
import Notion from "../src/providers/notion.js";
import OIDC from "../src/providers/oidc.js";
import Okta from "../src/providers/okta.js";
import Reddit from "../src/providers/reddit.js";
import Salesforce from "../src/providers/salesforce.js";
import Slack from "../src/providers/slack.js";
import Spotify from "../src/providers/spotify.js";
import Strava from "../src/providers/strava.js";
import Twitch from "../src/providers/twitch.js";
import Twitter from "../src/providers/twitter.js";
import VK from "../src/providers/vk.js";
import WorkOS from "../src/providers/workos.js";
import Yahoo from "../src/providers/yahoo.js";
import Yandex from "../src/providers/yandex.js";
import Zitadel from "../src/providers/zitadel.js";
import Zoom from "../src/providers/zoom.js";

const CLIENT = { clientId: "client-id", clientSecret: "client-secret" };
let signingKey: CryptoKey;
let jwk: Record<string, unknown>;
beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  signingKey = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
});

interface Case {
  name: string;
  provider: Provider;
  /** The authorization endpoint (origin + path) the browser is sent to, and params to expect. */
  authorize: string;
  params?: Record<string, string>;
  /** OIDC: the issuer to serve discovery for, and the ID token's claims. */
  issuer?: string;
  claims?: Record<string, unknown>;
  /** OAuth: the token endpoint and what it answers besides access_token/token_type. */
  token?: string;
  tokenFields?: Record<string, unknown>;
  /** How the client must authenticate at the token endpoint. */
  auth?: "basic" | "post";
  /** API answers by URL (exact, or prefix ending in *). */
  api?: Record<string, unknown>;
  /** Extra callback fields (Apple's form_post `user`). */
  callbackFields?: Record<string, string>;
  expected: Record<string, unknown>;
}

const oidcClaims = (extra: Record<string, unknown>) => ({
  sub: "sub-1",
  email: "ada@example.com",
  name: "Ada Lovelace",
  picture: "https://img.example/ada.png",
  ...extra,
});

const CASES: Case[] = [
  {
    name: "Google",
    provider: Google(CLIENT),
    authorize: "https://accounts.google.com/o/oauth2/v2/auth",
    params: { scope: "openid email profile" },
    issuer: "https://accounts.google.com",
    claims: {
      sub: "1098",
      email: "ada@gmail.com",
      email_verified: true,
      name: "Ada",
      picture: "https://lh3.googleusercontent.com/a/x",
      hd: "example.com",
    },
    expected: {
      id: "google:1098",
      name: "Ada",
      email: "ada@gmail.com",
      image: "https://lh3.googleusercontent.com/a/x",
    },
  },
  {
    name: "GitHub, with a private email read from /user/emails",
    provider: GitHub(CLIENT),
    authorize: "https://github.com/login/oauth/authorize",
    params: { scope: "read:user user:email" },
    token: "https://github.com/login/oauth/access_token",
    tokenFields: { scope: "read:user,user:email" },
    api: {
      "https://api.github.com/user": {
        id: 583231,
        login: "octocat",
        name: null,
        email: null,
        avatar_url: "https://avatars.githubusercontent.com/u/583231",
      },
      "https://api.github.com/user/emails": [
        { email: "octo@old.example", primary: false, verified: true, visibility: null },
        { email: "octocat@github.example", primary: true, verified: true, visibility: "private" },
      ],
    },
    expected: {
      id: "github:583231",
      name: "octocat",
      email: "octocat@github.example",
      image: "https://avatars.githubusercontent.com/u/583231",
    },
  },
  {
    name: "GitHub Enterprise Server",
    provider: GitHub({ ...CLIENT, enterprise: { baseUrl: "https://git.corp.example" } }),
    authorize: "https://git.corp.example/login/oauth/authorize",
    token: "https://git.corp.example/login/oauth/access_token",
    api: {
      "https://git.corp.example/api/v3/user": {
        id: 7,
        login: "ada",
        name: "Ada",
        email: "ada@corp.example",
        avatar_url: "https://git.corp.example/a.png",
      },
    },
    expected: { id: "github:7", name: "Ada", email: "ada@corp.example" },
  },
  {
    name: "Apple, form_post with the name on first sign-in",
    provider: Apple(CLIENT),
    authorize: "https://appleid.apple.com/auth/authorize",
    params: { scope: "name email", response_mode: "form_post" },
    issuer: "https://appleid.apple.com",
    claims: {
      sub: "001234.abcd.5678",
      email: "x1y2@privaterelay.appleid.com",
      email_verified: "true",
      is_private_email: "true",
    },
    auth: "post",
    callbackFields: {
      user: JSON.stringify({
        name: { firstName: "Ada", lastName: "Lovelace" },
        email: "x1y2@privaterelay.appleid.com",
      }),
    },
    expected: { id: "apple:001234.abcd.5678", name: "Ada Lovelace", email: "x1y2@privaterelay.appleid.com" },
  },
  {
    name: "Facebook",
    provider: Facebook(CLIENT),
    authorize: "https://www.facebook.com/v19.0/dialog/oauth",
    params: { scope: "email public_profile" },
    token: "https://graph.facebook.com/v19.0/oauth/access_token",
    api: {
      "https://graph.facebook.com/me?fields=id,name,email,picture": {
        id: "10158",
        name: "Ada L",
        email: "ada@fb.example",
        picture: {
          data: { height: 50, is_silhouette: false, url: "https://platform-lookaside.fbsbx.com/p.jpg", width: 50 },
        },
      },
    },
    expected: {
      id: "facebook:10158",
      name: "Ada L",
      email: "ada@fb.example",
      image: "https://platform-lookaside.fbsbx.com/p.jpg",
    },
  },
  {
    name: "X (OAuth 2.0)",
    provider: Twitter({ ...CLIENT, version: "2.0" }),
    authorize: "https://x.com/i/oauth2/authorize",
    params: { scope: "users.read tweet.read offline.access", code_challenge_method: "S256" },
    token: "https://api.x.com/2/oauth2/token",
    api: {
      "https://api.x.com/2/users/me?user.fields=profile_image_url": {
        data: {
          id: "2244994945",
          name: "X Dev",
          username: "XDevelopers",
          profile_image_url: "https://pbs.twimg.com/p_normal.jpg",
        },
      },
    },
    expected: { id: "twitter:2244994945", name: "X Dev", email: null, image: "https://pbs.twimg.com/p_normal.jpg" },
  },
  {
    name: "GitLab, self-managed",
    provider: GitLab({ ...CLIENT, baseUrl: "https://gitlab.corp.example" }),
    authorize: "https://gitlab.corp.example/oauth/authorize",
    params: { scope: "read_user" },
    token: "https://gitlab.corp.example/oauth/token",
    api: {
      "https://gitlab.corp.example/api/v4/user": {
        id: 1,
        username: "john_smith",
        name: "John Smith",
        email: "john@example.com",
        avatar_url: "https://gitlab.corp.example/a.png",
        state: "active",
      },
    },
    expected: { id: "gitlab:1", name: "John Smith", email: "john@example.com" },
  },
  {
    name: "Discord, default avatar for a new-style username",
    provider: Discord(CLIENT),
    authorize: "https://discord.com/oauth2/authorize",
    params: { scope: "identify email" },
    token: "https://discord.com/api/oauth2/token",
    api: {
      "https://discord.com/api/users/@me": {
        id: "80351110224678912",
        username: "nelly",
        global_name: "Nelly",
        discriminator: "0",
        avatar: null,
        email: "nelly@discord.example",
        verified: true,
      },
    },
    expected: {
      id: "discord:80351110224678912",
      name: "Nelly",
      email: "nelly@discord.example",
      image: `https://cdn.discordapp.com/embed/avatars/${Number((80351110224678912n >> 22n) % 6n)}.png`,
    },
  },
  {
    name: "Microsoft Entra ID (tenant issuer)",
    provider: MicrosoftEntraID({ ...CLIENT, tenantId: "contoso.onmicrosoft.com" }),
    authorize: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize",
    issuer: "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0",
    claims: {
      sub: "AAAA",
      oid: "0000-1111",
      tid: "t",
      name: "Megan Bowen",
      preferred_username: "meganb@contoso.example",
    },
    expected: { id: "microsoft-entra-id:AAAA", name: "Megan Bowen", email: "meganb@contoso.example", image: null },
  },
  ...(
    [
      ["Auth0", Auth0, "https://dev-tenant.us.auth0.com", { nickname: "ada", name: undefined }, "ada"],
      ["Okta", Okta, "https://dev-1.okta.com/oauth2/default", {}, "Ada Lovelace"],
      [
        "Keycloak",
        Keycloak,
        "https://kc.example/realms/main",
        { name: undefined, preferred_username: "ada.l" },
        "ada.l",
      ],
      ["Cognito", Cognito, "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc", {}, "Ada Lovelace"],
      ["ZITADEL", Zitadel, "https://acme.zitadel.cloud", {}, "Ada Lovelace"],
      ["authentik", Authentik, "https://auth.example/application/o/app", {}, "Ada Lovelace"],
      ["FusionAuth", FusionAuth, "https://fa.example", {}, "Ada Lovelace"],
    ] as const
  ).map(([name, factory, issuer, extra, expectedName]): Case => ({
    name,
    provider: (factory as (options: typeof CLIENT & { issuer: string }) => Provider)({ ...CLIENT, issuer }),
    authorize: `${issuer}/authorize`,
    params: { scope: "openid profile email" },
    issuer,
    claims: oidcClaims(extra),
    expected: { email: "ada@example.com", name: expectedName },
  })),
  {
    name: "generic OIDC by issuer alone",
    provider: OIDC({ ...CLIENT, id: "corp", name: "Corp SSO", issuer: "https://sso.corp.example" }),
    authorize: "https://sso.corp.example/authorize",
    issuer: "https://sso.corp.example",
    claims: oidcClaims({}),
    expected: { id: "corp:sub-1", name: "Ada Lovelace" },
  },
  ...(
    [
      ["LinkedIn", LinkedIn, "https://www.linkedin.com/oauth", "post"],
      ["Slack", Slack, "https://slack.com", "post"],
      ["Salesforce", Salesforce, "https://login.salesforce.com", "basic"],
      ["Yahoo", Yahoo, "https://api.login.yahoo.com", "basic"],
      ["Twitch", Twitch, "https://id.twitch.tv/oauth2", "post"],
      ["LINE", Line, "https://access.line.me", "post"],
    ] as const
  ).map(([name, factory, issuer, method]): Case => ({
    name,
    provider: (factory as (options: typeof CLIENT) => Provider)(CLIENT),
    authorize: `${issuer}/authorize`,
    issuer,
    claims: oidcClaims({}),
    auth: method,
    expected: { email: "ada@example.com", name: "Ada Lovelace", image: "https://img.example/ada.png" },
  })),
  {
    name: "Spotify",
    provider: Spotify(CLIENT),
    authorize: "https://accounts.spotify.com/authorize",
    token: "https://accounts.spotify.com/api/token",
    api: {
      "https://api.spotify.com/v1/me": {
        id: "wizzler",
        display_name: "JM Wizzler",
        email: "email@example.com",
        images: [{ url: "https://i.scdn.co/image/large", height: 300, width: 300 }],
      },
    },
    expected: { id: "spotify:wizzler", name: "JM Wizzler", image: "https://i.scdn.co/image/large" },
  },
  {
    name: "Reddit (User-Agent, escaped icon)",
    provider: Reddit(CLIENT),
    authorize: "https://www.reddit.com/api/v1/authorize",
    params: { duration: "permanent" },
    token: "https://www.reddit.com/api/v1/access_token",
    api: {
      "https://oauth.reddit.com/api/v1/me": {
        id: "abc12",
        name: "spez",
        icon_img: "https://styles.redditmedia.com/i.png?width=256&amp;s=x",
      },
    },
    expected: { id: "reddit:abc12", name: "spez", email: null, image: "https://styles.redditmedia.com/i.png" },
  },
  {
    name: "Zoom",
    provider: Zoom(CLIENT),
    authorize: "https://zoom.us/oauth/authorize",
    token: "https://zoom.us/oauth/token",
    api: {
      "https://api.zoom.us/v2/users/me": {
        id: "KDcuGIm1QgePTO8WbOqwIQ",
        first_name: "Jill",
        last_name: "Chill",
        email: "jchill@example.com",
        pic_url: "https://zoom.example/p.jpg",
      },
    },
    expected: { id: "zoom:KDcuGIm1QgePTO8WbOqwIQ", name: "Jill Chill", email: "jchill@example.com" },
  },
  {
    name: "Atlassian",
    provider: Atlassian(CLIENT),
    authorize: "https://auth.atlassian.com/authorize",
    params: { audience: "api.atlassian.com", prompt: "consent" },
    token: "https://auth.atlassian.com/oauth/token",
    auth: "post",
    api: {
      "https://api.atlassian.com/me": {
        account_id: "557058:abc",
        name: "Mia Krystof",
        email: "mia@example.com",
        picture: "https://avatar.atl.example/m.png",
      },
    },
    expected: { id: "atlassian:557058:abc", name: "Mia Krystof", email: "mia@example.com" },
  },
  {
    name: "Bitbucket, email from /user/emails",
    provider: Bitbucket(CLIENT),
    authorize: "https://bitbucket.org/site/oauth2/authorize",
    token: "https://bitbucket.org/site/oauth2/access_token",
    api: {
      "https://api.bitbucket.org/2.0/user": {
        uuid: "{a1b2}",
        display_name: "Evan",
        links: { avatar: { href: "https://bitbucket.example/a.png" } },
      },
      "https://api.bitbucket.org/2.0/user/emails": {
        values: [
          { email: "old@example.com", is_primary: false, is_confirmed: true },
          { email: "evan@example.com", is_primary: true, is_confirmed: true },
        ],
      },
    },
    expected: { id: "bitbucket:{a1b2}", name: "Evan", email: "evan@example.com" },
  },
  {
    name: "Dropbox (account read with a bodiless POST)",
    provider: Dropbox(CLIENT),
    authorize: "https://www.dropbox.com/oauth2/authorize",
    params: { token_access_type: "offline" },
    token: "https://api.dropboxapi.com/oauth2/token",
    api: {
      "POST https://api.dropboxapi.com/2/users/get_current_account": {
        account_id: "dbid:AAH4f99",
        name: { display_name: "Franz Ferdinand" },
        email: "franz@example.com",
        profile_photo_url: "https://dl-web.dropbox.com/p.jpg",
      },
    },
    expected: { id: "dropbox:dbid:AAH4f99", name: "Franz Ferdinand", email: "franz@example.com" },
  },
  {
    name: "Notion (the user in the token response)",
    provider: Notion(CLIENT),
    authorize: "https://api.notion.com/v1/oauth/authorize",
    params: { owner: "user" },
    token: "https://api.notion.com/v1/oauth/token",
    tokenFields: {
      bot_id: "b",
      workspace_id: "w",
      owner: {
        type: "user",
        user: {
          object: "user",
          id: "e79a0b74",
          name: "Ada",
          avatar_url: null,
          type: "person",
          person: { email: "ada@notion.example" },
        },
      },
    },
    expected: { id: "notion:e79a0b74", name: "Ada", email: "ada@notion.example" },
  },
  {
    name: "Strava (the athlete in the token response)",
    provider: Strava(CLIENT),
    authorize: "https://www.strava.com/oauth/authorize",
    token: "https://www.strava.com/api/v3/oauth/token",
    auth: "post",
    tokenFields: {
      expires_at: 1568775134,
      refresh_token: "r",
      athlete: {
        id: 134815,
        username: "marianne_t",
        firstname: "Marianne",
        lastname: "Teutenberg",
        profile: "https://dgalywyr863hv.cloudfront.net/p.jpg",
      },
    },
    expected: { id: "strava:134815", name: "Marianne Teutenberg", email: null },
  },
  {
    name: "Yandex (Authorization: OAuth)",
    provider: Yandex(CLIENT),
    authorize: "https://oauth.yandex.ru/authorize",
    token: "https://oauth.yandex.ru/token",
    api: {
      "https://login.yandex.ru/info?format=json": {
        id: "1000034426",
        login: "ivan",
        display_name: "Ivan",
        default_email: "ivan@yandex.example",
        default_avatar_id: "131652443",
        is_avatar_empty: false,
      },
    },
    expected: {
      id: "yandex:1000034426",
      name: "Ivan",
      email: "ivan@yandex.example",
      image: "https://avatars.yandex.net/get-yapic/131652443/islands-200",
    },
  },
  {
    name: "VK (no token_type; email in the token response)",
    provider: VK(CLIENT),
    authorize: "https://oauth.vk.com/authorize",
    token: "https://oauth.vk.com/access_token",
    tokenFields: { token_type: undefined, user_id: 1, email: "pavel@vk.example", expires_in: 86400 },
    api: {
      "https://api.vk.com/method/users.get?fields=photo_100&v=5.199": {
        response: [{ id: 1, first_name: "Pavel", last_name: "D", photo_100: "https://vk.example/p.jpg" }],
      },
    },
    expected: { id: "vk:1", name: "Pavel D", email: "pavel@vk.example" },
  },
  {
    name: "Kakao",
    provider: Kakao(CLIENT),
    authorize: "https://kauth.kakao.com/oauth/authorize",
    token: "https://kauth.kakao.com/oauth/token",
    auth: "post",
    api: {
      "https://kapi.kakao.com/v2/user/me": {
        id: 123456789,
        kakao_account: {
          email: "k@kakao.example",
          profile: { nickname: "홍길동", profile_image_url: "https://k.kakaocdn.net/p.jpg" },
        },
      },
    },
    expected: { id: "kakao:123456789", name: "홍길동", email: "k@kakao.example" },
  },
  {
    name: "Naver",
    provider: Naver(CLIENT),
    authorize: "https://nid.naver.com/oauth2.0/authorize",
    token: "https://nid.naver.com/oauth2.0/token",
    api: {
      "https://openapi.naver.com/v1/nid/me": {
        resultcode: "00",
        message: "success",
        response: {
          id: "32742776",
          nickname: "OpenAPI",
          email: "openapi@naver.example",
          profile_image: "https://ssl.pstatic.net/p.png",
        },
      },
    },
    expected: { id: "naver:32742776", name: "OpenAPI", email: "openapi@naver.example" },
  },
  {
    name: "Box",
    provider: Box(CLIENT),
    authorize: "https://account.box.com/api/oauth2/authorize",
    token: "https://api.box.com/oauth2/token",
    auth: "post",
    api: {
      "https://api.box.com/2.0/users/me": {
        id: "11446498",
        type: "user",
        name: "Aaron Levie",
        login: "ceo@example.com",
        avatar_url: "https://www.box.com/api/avatar/large/181216415",
      },
    },
    expected: { id: "box:11446498", name: "Aaron Levie", email: "ceo@example.com" },
  },
  {
    name: "WorkOS (the profile in the token response)",
    provider: WorkOS(CLIENT),
    authorize: "https://api.workos.com/sso/authorize",
    token: "https://api.workos.com/sso/token",
    auth: "post",
    tokenFields: {
      profile: {
        object: "profile",
        id: "prof_01DMC79VCBZ0NY2099737PSVF1",
        connection_id: "conn_1",
        organization_id: "org_1",
        email: "todd@foo-corp.com",
        first_name: "Todd",
        last_name: "Rundgren",
        raw_attributes: {},
      },
    },
    expected: { id: "workos:prof_01DMC79VCBZ0NY2099737PSVF1", name: "Todd Rundgren", email: "todd@foo-corp.com" },
  },
];

/** The provider's side of the network, as one fetch. */
function network(test: Case, seen: { token?: Request; api: string[]; nonce?: string | undefined }): typeof fetch {
  const issuer = test.issuer;
  return async (input, init) => {
    const request = new Request(input, init);
    const url = request.url;
    if (issuer !== undefined && url === `${issuer}/.well-known/openid-configuration`) {
      return Response.json({
        issuer,
        authorization_endpoint: test.authorize,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (issuer !== undefined && url === `${issuer}/jwks`) return Response.json({ keys: [jwk] });
    if (url === (test.token ?? `${issuer}/token`)) {
      seen.token = request.clone();
      const body: Record<string, unknown> = {
        access_token: "provider-access-token",
        token_type: "bearer",
        expires_in: 3600,
        ...test.tokenFields,
      };
      if (issuer !== undefined) {
        body.id_token = await new SignJWT({ ...test.claims, nonce: seen.nonce })
          .setProtectedHeader({ alg: "RS256", kid: "k1" })
          .setIssuer(issuer)
          .setAudience(CLIENT.clientId)
          .setIssuedAt()
          .setExpirationTime("5m")
          .sign(signingKey);
      }
      return Response.json(Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)));
    }
    const key = Object.keys(test.api ?? {}).find(
      (candidate) => candidate === url || candidate === `${request.method} ${url}`,
    );
    if (key !== undefined) {
      seen.api.push(key);
      expect(request.headers.get("authorization"), key).toMatch(/^(Bearer|OAuth) provider-access-token$/);
      return Response.json((test.api ?? {})[key]);
    }
    return new Response(`unexpected request ${request.method} ${url}`, { status: 599 });
  };
}

describe("built-in providers", () => {
  it.each(CASES)("$name", async (test) => {
    const seen: { token?: Request; api: string[]; nonce?: string | undefined } = { api: [] };
    const auth = makeAuth({ providers: [test.provider], fetch: network(test, seen) });
    const id = auth.config.providers[0]?.id as string;
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const start = await postForm(auth, `/signin/${id}`, { csrfToken, callbackUrl: "/done" }, jar);
    expect(start.status, await start.clone().text()).toBe(302);
    const authorize = new URL(start.headers.get("location") ?? "");
    expect(`${authorize.origin}${authorize.pathname}`).toBe(test.authorize);
    expect(authorize.searchParams.get("client_id")).toBe(CLIENT.clientId);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${AUTH}/callback/${id}`);
    for (const [param, value] of Object.entries(test.params ?? {}))
      expect(authorize.searchParams.get(param), param).toBe(value);
    seen.nonce = authorize.searchParams.get("nonce") ?? undefined;

    const fields = { code: "the-code", state: authorize.searchParams.get("state") ?? "", ...test.callbackFields };
    const callback =
      test.callbackFields === undefined
        ? new Request(`${AUTH}/callback/${id}?${new URLSearchParams(fields).toString()}`, {
            headers: { cookie: jar.header() },
          })
        : new Request(`${AUTH}/callback/${id}`, {
            method: "POST",
            headers: {
              cookie: jar.header(),
              "content-type": "application/x-www-form-urlencoded",
              origin: "https://appleid.apple.com",
              "sec-fetch-site": "cross-site",
            },
            body: new URLSearchParams(fields),
          });
    const done = await auth(callback);
    jar.take(done);
    expect(done.headers.get("location"), "the sign-in should succeed").toBe("http://localhost:3000/done");

    const tokenRequest = seen.token as Request;
    const form = new URLSearchParams(await tokenRequest.text());
    expect(form.get("code")).toBe("the-code");
    expect(form.get("grant_type")).toBe("authorization_code");
    if (authorize.searchParams.has("code_challenge")) expect(form.get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    if ((test.auth ?? "basic") === "post") {
      expect(form.get("client_secret")).toBe(CLIENT.clientSecret);
    } else {
      // RFC 6749 §2.3.1: id and secret form-urlencoded, then Basic.
      const basic = atob((tokenRequest.headers.get("authorization") ?? "").replace(/^Basic /, ""));
      expect(basic.split(":").map(decodeURIComponent)).toEqual([CLIENT.clientId, CLIENT.clientSecret]);
    }
    expect(seen.api.sort()).toEqual(Object.keys(test.api ?? {}).sort());

    const user = (await session(auth, jar)).user as Record<string, unknown>;
    const expected = { ...test.expected };
    if (expected.id === undefined) expect(user.id).toMatch(new RegExp(`^${id}:`));
    for (const [key, value] of Object.entries(expected)) {
      expect(user[key] ?? null, key).toBe(value);
    }
  });
});
