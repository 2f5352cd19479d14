// Every provider module next-auth 4.24.15 ships, each configured the way its docs show — with
// the env vars a deployment sets (absent here: a provider without them fails only its own
// sign-in). Generated from next-auth's providers/ folder once; kept as plain source.
import FortyTwo from "next-auth/providers/42-school";
import Apple from "next-auth/providers/apple";
import Atlassian from "next-auth/providers/atlassian";
import Auth0 from "next-auth/providers/auth0";
import Authentik from "next-auth/providers/authentik";
import AzureADB2C from "next-auth/providers/azure-ad-b2c";
import AzureAD from "next-auth/providers/azure-ad";
import BattleNet from "next-auth/providers/battlenet";
import Box from "next-auth/providers/box";
import SAMLJackson from "next-auth/providers/boxyhq-saml";
import Bungie from "next-auth/providers/bungie";
import Cognito from "next-auth/providers/cognito";
import Coinbase from "next-auth/providers/coinbase";
import Credentials from "next-auth/providers/credentials";
import Discord from "next-auth/providers/discord";
import Dropbox from "next-auth/providers/dropbox";
import DuendeIdentityServer6 from "next-auth/providers/duende-identity-server6";
import Email from "next-auth/providers/email";
import EVEOnline from "next-auth/providers/eveonline";
import Facebook from "next-auth/providers/facebook";
import FACEIT from "next-auth/providers/faceit";
import Foursquare from "next-auth/providers/foursquare";
import Freshbooks from "next-auth/providers/freshbooks";
import FusionAuth from "next-auth/providers/fusionauth";
import Github from "next-auth/providers/github";
import GitLab from "next-auth/providers/gitlab";
import Google from "next-auth/providers/google";
import HubSpot from "next-auth/providers/hubspot";
import IdentityServer4 from "next-auth/providers/identity-server4";
import Instagram from "next-auth/providers/instagram";
import Kakao from "next-auth/providers/kakao";
import Keycloak from "next-auth/providers/keycloak";
import LINE from "next-auth/providers/line";
import LinkedIn from "next-auth/providers/linkedin";
import Mailchimp from "next-auth/providers/mailchimp";
import MailRu from "next-auth/providers/mailru";
import Medium from "next-auth/providers/medium";
import Naver from "next-auth/providers/naver";
import Netlify from "next-auth/providers/netlify";
import Okta from "next-auth/providers/okta";
import OneLogin from "next-auth/providers/onelogin";
import Osso from "next-auth/providers/osso";
import Osu from "next-auth/providers/osu";
import Passage from "next-auth/providers/passage";
import Patreon from "next-auth/providers/patreon";
import PinterestProvider from "next-auth/providers/pinterest";
import Pipedrive from "next-auth/providers/pipedrive";
import Reddit from "next-auth/providers/reddit";
import Salesforce from "next-auth/providers/salesforce";
import Slack from "next-auth/providers/slack";
import Spotify from "next-auth/providers/spotify";
import Strava from "next-auth/providers/strava";
import TodoistProvider from "next-auth/providers/todoist";
import Trakt from "next-auth/providers/trakt";
import Twitch from "next-auth/providers/twitch";
import Twitter from "next-auth/providers/twitter";
import UnitedEffects from "next-auth/providers/united-effects";
import VK from "next-auth/providers/vk";
import Wikimedia from "next-auth/providers/wikimedia";
import WordPress from "next-auth/providers/wordpress";
import WorkOS from "next-auth/providers/workos";
import Yandex from "next-auth/providers/yandex";
import Zitadel from "next-auth/providers/zitadel";
import Zoho from "next-auth/providers/zoho";
import Zoom from "next-auth/providers/zoom";
import type { Provider } from "next-auth/providers";

// Typed as v4 apps type a shared list (`Provider` from next-auth/providers): the Email provider
// without an adapter is then checked at start-up (it is off here without its env vars), not by
// the compiler, which refuses an Email provider it can see in an adapter-less configuration.
export const providers: Provider[] = [
  FortyTwo({ clientId: process.env.FORTY_TWO_ID as string, clientSecret: process.env.FORTY_TWO_SECRET as string }),
  Apple({ clientId: process.env.APPLE_ID as string, clientSecret: process.env.APPLE_SECRET as string }),
  Atlassian({ clientId: process.env.ATLASSIAN_ID as string, clientSecret: process.env.ATLASSIAN_SECRET as string }),
  Auth0({
    clientId: process.env.AUTH0_ID as string,
    clientSecret: process.env.AUTH0_SECRET as string,
    issuer: process.env.AUTH0_ISSUER,
  }),
  Authentik({
    clientId: process.env.AUTHENTIK_ID as string,
    clientSecret: process.env.AUTHENTIK_SECRET as string,
    issuer: process.env.AUTHENTIK_ISSUER,
  }),
  AzureADB2C({
    clientId: process.env.AZURE_AD_B2C_CLIENT_ID as string,
    clientSecret: process.env.AZURE_AD_B2C_CLIENT_SECRET as string,
    tenantId: process.env.AZURE_AD_B2C_TENANT_NAME,
    primaryUserFlow: process.env.AZURE_AD_B2C_PRIMARY_USER_FLOW,
  }),
  AzureAD({
    clientId: process.env.AZURE_AD_CLIENT_ID as string,
    clientSecret: process.env.AZURE_AD_CLIENT_SECRET as string,
    tenantId: process.env.AZURE_AD_TENANT_ID,
  }),
  BattleNet({
    clientId: process.env.BATTLENET_CLIENT_ID as string,
    clientSecret: process.env.BATTLENET_CLIENT_SECRET as string,
    issuer: "https://eu.battle.net/oauth",
  }),
  Box({ clientId: process.env.BOX_CLIENT_ID, clientSecret: process.env.BOX_CLIENT_SECRET }),
  SAMLJackson({
    clientId: process.env.BOXYHQ_SAML_ID as string,
    clientSecret: process.env.BOXYHQ_SAML_SECRET as string,
  }),
  Bungie({ clientId: process.env.BUNGIE_CLIENT_ID, clientSecret: process.env.BUNGIE_CLIENT_SECRET }),
  Cognito({
    clientId: process.env.COGNITO_ID as string,
    clientSecret: process.env.COGNITO_SECRET as string,
    issuer: process.env.COGNITO_ISSUER,
  }),
  Coinbase({ clientId: process.env.COINBASE_CLIENT_ID, clientSecret: process.env.COINBASE_CLIENT_SECRET }),
  Credentials({
    name: "Password",
    credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
    async authorize(credentials) {
      if (credentials?.username === "ada" && credentials.password === "correct horse")
        return { id: "1", name: "Ada Lovelace", email: "ada@example.com" };
      return null;
    },
  }),
  Discord({ clientId: process.env.DISCORD_ID as string, clientSecret: process.env.DISCORD_SECRET as string }),
  Dropbox({ clientId: process.env.DROPBOX_CLIENT_ID, clientSecret: process.env.DROPBOX_CLIENT_SECRET }),
  DuendeIdentityServer6({
    clientId: process.env.DUENDE_IDENTITY_SERVER6_ID as string,
    clientSecret: process.env.DUENDE_IDENTITY_SERVER6_SECRET as string,
  }),
  Email({ server: process.env.EMAIL_SERVER, from: process.env.EMAIL_FROM }),
  EVEOnline({ clientId: process.env.EVEONLINE_ID as string, clientSecret: process.env.EVEONLINE_SECRET as string }),
  Facebook({ clientId: process.env.FACEBOOK_ID as string, clientSecret: process.env.FACEBOOK_SECRET as string }),
  FACEIT({ clientId: process.env.FACEIT_CLIENT_ID, clientSecret: process.env.FACEIT_CLIENT_SECRET }),
  Foursquare({ clientId: process.env.FOURSQUARE_CLIENT_ID, clientSecret: process.env.FOURSQUARE_CLIENT_SECRET }),
  Freshbooks({ clientId: process.env.FRESHBOOKS_CLIENT_ID, clientSecret: process.env.FRESHBOOKS_CLIENT_SECRET }),
  FusionAuth({
    clientId: process.env.FUSIONAUTH_ID as string,
    clientSecret: process.env.FUSIONAUTH_SECRET as string,
    issuer: process.env.FUSIONAUTH_ISSUER,
  }),
  Github({ clientId: process.env.GITHUB_ID as string, clientSecret: process.env.GITHUB_SECRET as string }),
  GitLab({ clientId: process.env.GITLAB_ID as string, clientSecret: process.env.GITLAB_SECRET as string }),
  Google({ clientId: process.env.GOOGLE_ID as string, clientSecret: process.env.GOOGLE_SECRET as string }),
  HubSpot({ clientId: process.env.HUBSPOT_ID as string, clientSecret: process.env.HUBSPOT_SECRET as string }),
  IdentityServer4({
    clientId: process.env.IDENTITY_SERVER4_CLIENT_ID,
    clientSecret: process.env.IDENTITY_SERVER4_CLIENT_SECRET,
  }),
  Instagram({ clientId: process.env.INSTAGRAM_CLIENT_ID, clientSecret: process.env.INSTAGRAM_CLIENT_SECRET }),
  Kakao({ clientId: process.env.KAKAO_ID as string, clientSecret: process.env.KAKAO_SECRET as string }),
  Keycloak({
    clientId: process.env.KEYCLOAK_ID as string,
    clientSecret: process.env.KEYCLOAK_SECRET as string,
    issuer: process.env.KEYCLOAK_ISSUER,
  }),
  LINE({ clientId: process.env.LINE_ID as string, clientSecret: process.env.LINE_SECRET as string }),
  LinkedIn({ clientId: process.env.LINKEDIN_ID as string, clientSecret: process.env.LINKEDIN_SECRET as string }),
  Mailchimp({ clientId: process.env.MAILCHIMP_CLIENT_ID, clientSecret: process.env.MAILCHIMP_CLIENT_SECRET }),
  MailRu({ clientId: process.env.MAILRU_CLIENT_ID, clientSecret: process.env.MAILRU_CLIENT_SECRET }),
  Medium({ clientId: process.env.MEDIUM_CLIENT_ID, clientSecret: process.env.MEDIUM_CLIENT_SECRET }),
  Naver({ clientId: process.env.NAVER_ID as string, clientSecret: process.env.NAVER_SECRET as string }),
  Netlify({ clientId: process.env.NETLIFY_CLIENT_ID, clientSecret: process.env.NETLIFY_CLIENT_SECRET }),
  Okta({
    clientId: process.env.OKTA_ID as string,
    clientSecret: process.env.OKTA_SECRET as string,
    issuer: process.env.OKTA_ISSUER,
  }),
  OneLogin({ clientId: process.env.ONELOGIN_CLIENT_ID, clientSecret: process.env.ONELOGIN_CLIENT_SECRET }),
  Osso({ clientId: process.env.OSSO_CLIENT_ID, clientSecret: process.env.OSSO_CLIENT_SECRET }),
  Osu({ clientId: process.env.OSU_ID as string, clientSecret: process.env.OSU_SECRET as string }),
  Passage({ clientId: process.env.PASSAGE_ID as string, clientSecret: process.env.PASSAGE_SECRET as string }),
  Patreon({ clientId: process.env.PATREON_ID as string, clientSecret: process.env.PATREON_SECRET as string }),
  PinterestProvider({
    clientId: process.env.PINTEREST_ID as string,
    clientSecret: process.env.PINTEREST_SECRET as string,
  }),
  Pipedrive({ clientId: process.env.PIPEDRIVE_ID as string, clientSecret: process.env.PIPEDRIVE_SECRET as string }),
  Reddit({ clientId: process.env.REDDIT_CLIENT_ID, clientSecret: process.env.REDDIT_CLIENT_SECRET }),
  Salesforce({ clientId: process.env.SALESFORCE_ID as string, clientSecret: process.env.SALESFORCE_SECRET as string }),
  Slack({ clientId: process.env.SLACK_ID as string, clientSecret: process.env.SLACK_SECRET as string }),
  Spotify({ clientId: process.env.SPOTIFY_ID as string, clientSecret: process.env.SPOTIFY_SECRET as string }),
  Strava({ clientId: process.env.STRAVA_ID as string, clientSecret: process.env.STRAVA_SECRET as string }),
  TodoistProvider({ clientId: process.env.TODOIST_ID as string, clientSecret: process.env.TODOIST_SECRET as string }),
  Trakt({ clientId: process.env.TRAKT_ID as string, clientSecret: process.env.TRAKT_SECRET as string }),
  Twitch({ clientId: process.env.TWITCH_ID as string, clientSecret: process.env.TWITCH_SECRET as string }),
  Twitter({ clientId: process.env.TWITTER_ID as string, clientSecret: process.env.TWITTER_SECRET as string }),
  UnitedEffects({
    clientId: process.env.UNITED_EFFECTS_CLIENT_ID as string,
    clientSecret: process.env.UNITED_EFFECTS_CLIENT_SECRET as string,
    issuer: process.env.UNITED_EFFECTS_ISSUER as string,
  }),
  VK({ clientId: process.env.VK_ID as string, clientSecret: process.env.VK_SECRET as string }),
  Wikimedia({ clientId: process.env.WIKIMEDIA_ID as string, clientSecret: process.env.WIKIMEDIA_SECRET as string }),
  WordPress({ clientId: process.env.WORDPRESS_CLIENT_ID, clientSecret: process.env.WORDPRESS_CLIENT_SECRET }),
  WorkOS({ clientId: process.env.WORKOS_ID as string, clientSecret: process.env.WORKOS_SECRET as string }),
  Yandex({ clientId: process.env.YANDEX_ID as string, clientSecret: process.env.YANDEX_SECRET as string }),
  Zitadel({
    clientId: process.env.ZITADEL_ID as string,
    clientSecret: process.env.ZITADEL_SECRET as string,
    issuer: process.env.ZITADEL_ISSUER,
  }),
  Zoho({ clientId: process.env.ZOHO_CLIENT_ID, clientSecret: process.env.ZOHO_CLIENT_SECRET }),
  Zoom({ clientId: process.env.ZOOM_ID as string, clientSecret: process.env.ZOOM_SECRET as string }),
];
