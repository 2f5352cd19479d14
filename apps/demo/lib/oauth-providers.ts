/**
 * The demo's OAuth providers: the local IdP `npm start` runs (so OAuth works offline), plus any
 * built-in provider whose AUTH_<PROVIDER>_ID and AUTH_<PROVIDER>_SECRET are set. With
 * LOCAL_IDP_FORM_POST=1 the local IdP is offered a second time with `response_mode=form_post`
 * (the IdP posts the callback back cross-site, as Apple does): the HTTPS browser test uses it.
 */
import type { Provider } from "gatehouse";
import Apple from "gatehouse/providers/apple";
import Discord from "gatehouse/providers/discord";
import Facebook from "gatehouse/providers/facebook";
import GitHub from "gatehouse/providers/github";
import GitLab from "gatehouse/providers/gitlab";
import Google from "gatehouse/providers/google";
import LinkedIn from "gatehouse/providers/linkedin";
import MicrosoftEntraID from "gatehouse/providers/microsoft-entra-id";
import OIDC from "gatehouse/providers/oidc";
import Slack from "gatehouse/providers/slack";
import Spotify from "gatehouse/providers/spotify";
import Twitch from "gatehouse/providers/twitch";
import Twitter from "gatehouse/providers/twitter";

type Factory = (options: { clientId: string; clientSecret: string; tenantId?: string; version?: "2.0" }) => Provider;

const BUILT_IN: [string, Factory][] = [
  ["GOOGLE", Google as Factory],
  ["GITHUB", GitHub as Factory],
  ["APPLE", Apple as Factory],
  ["FACEBOOK", Facebook as Factory],
  ["TWITTER", ((options) => Twitter({ ...options, version: "2.0" })) as Factory],
  ["GITLAB", GitLab as Factory],
  ["DISCORD", Discord as Factory],
  [
    "MICROSOFT_ENTRA_ID",
    ((options) =>
      MicrosoftEntraID({ ...options, tenantId: process.env.AUTH_MICROSOFT_ENTRA_ID_TENANT_ID ?? "" })) as Factory,
  ],
  ["LINKEDIN", LinkedIn as Factory],
  ["SLACK", Slack as Factory],
  ["SPOTIFY", Spotify as Factory],
  ["TWITCH", Twitch as Factory],
];

export function oauthProviders(): Provider[] {
  const issuer = process.env.LOCAL_IDP_ISSUER ?? "http://127.0.0.1:3300";
  const local = { issuer, clientId: "gatehouse-demo", clientSecret: "gatehouse-demo-local-secret" };
  const providers: Provider[] = [
    // Built-in refresh and RP-initiated logout, shown off on the local IdP.
    OIDC({ id: "local", name: "Local IdP", ...local, refresh: true, logout: true }),
  ];
  if (process.env.LOCAL_IDP_FORM_POST === "1") {
    providers.push(
      OIDC({
        id: "local-post",
        name: "Local IdP (form_post)",
        ...local,
        authorization: { params: { response_mode: "form_post" } },
      }),
    );
  }
  for (const [name, factory] of BUILT_IN) {
    const clientId = process.env[`AUTH_${name}_ID`];
    const clientSecret = process.env[`AUTH_${name}_SECRET`];
    if (clientId !== undefined && clientId !== "" && clientSecret !== undefined && clientSecret !== "") {
      providers.push(factory({ clientId, clientSecret }));
    }
  }
  return providers;
}
