// Type-checked by `npm run typecheck` (tsc -p packages/gatehouse/test), never run: every provider
// module next-auth 4.24.15 ships, imported from the built package the way a v4 app imports it —
// a default import, called with `clientId`/`clientSecret` from the environment plus what that
// provider's v4 typings require — and passed to `AuthOptions`. The vitest suite checks that this
// file names every module next-auth ships.
import type { AuthOptions } from "gatehouse";
import type { Provider } from "gatehouse/providers";
import type { OAuthConfig } from "gatehouse/providers/oauth";
import FortyTwoSchoolProvider from "gatehouse/providers/42-school";
import AppleProvider from "gatehouse/providers/apple";
import AtlassianProvider from "gatehouse/providers/atlassian";
import Auth0Provider from "gatehouse/providers/auth0";
import AuthentikProvider from "gatehouse/providers/authentik";
import AzureAdB2cProvider from "gatehouse/providers/azure-ad-b2c";
import AzureAdProvider from "gatehouse/providers/azure-ad";
import BattlenetProvider from "gatehouse/providers/battlenet";
import BoxProvider from "gatehouse/providers/box";
import BoxyhqSamlProvider from "gatehouse/providers/boxyhq-saml";
import BungieProvider from "gatehouse/providers/bungie";
import CognitoProvider from "gatehouse/providers/cognito";
import CoinbaseProvider from "gatehouse/providers/coinbase";
import CredentialsProvider from "gatehouse/providers/credentials";
import DiscordProvider from "gatehouse/providers/discord";
import DropboxProvider from "gatehouse/providers/dropbox";
import DuendeIdentityServer6Provider from "gatehouse/providers/duende-identity-server6";
import EmailProvider from "gatehouse/providers/email";
import EveonlineProvider from "gatehouse/providers/eveonline";
import FacebookProvider from "gatehouse/providers/facebook";
import FaceitProvider from "gatehouse/providers/faceit";
import FoursquareProvider from "gatehouse/providers/foursquare";
import FreshbooksProvider from "gatehouse/providers/freshbooks";
import FusionauthProvider from "gatehouse/providers/fusionauth";
import GithubProvider from "gatehouse/providers/github";
import GitlabProvider from "gatehouse/providers/gitlab";
import GoogleProvider from "gatehouse/providers/google";
import HubspotProvider from "gatehouse/providers/hubspot";
import IdentityServer4Provider from "gatehouse/providers/identity-server4";
import InstagramProvider from "gatehouse/providers/instagram";
import KakaoProvider from "gatehouse/providers/kakao";
import KeycloakProvider from "gatehouse/providers/keycloak";
import LineProvider from "gatehouse/providers/line";
import LinkedinProvider from "gatehouse/providers/linkedin";
import MailchimpProvider from "gatehouse/providers/mailchimp";
import MailruProvider from "gatehouse/providers/mailru";
import MediumProvider from "gatehouse/providers/medium";
import NaverProvider from "gatehouse/providers/naver";
import NetlifyProvider from "gatehouse/providers/netlify";
import OktaProvider from "gatehouse/providers/okta";
import OneloginProvider from "gatehouse/providers/onelogin";
import OssoProvider from "gatehouse/providers/osso";
import OsuProvider from "gatehouse/providers/osu";
import PassageProvider from "gatehouse/providers/passage";
import PatreonProvider from "gatehouse/providers/patreon";
import PinterestProvider from "gatehouse/providers/pinterest";
import PipedriveProvider from "gatehouse/providers/pipedrive";
import RedditProvider from "gatehouse/providers/reddit";
import SalesforceProvider from "gatehouse/providers/salesforce";
import SlackProvider from "gatehouse/providers/slack";
import SpotifyProvider from "gatehouse/providers/spotify";
import StravaProvider from "gatehouse/providers/strava";
import TodoistProvider from "gatehouse/providers/todoist";
import TraktProvider from "gatehouse/providers/trakt";
import TwitchProvider from "gatehouse/providers/twitch";
import TwitterProvider from "gatehouse/providers/twitter";
import UnitedEffectsProvider from "gatehouse/providers/united-effects";
import VkProvider from "gatehouse/providers/vk";
import WikimediaProvider from "gatehouse/providers/wikimedia";
import WordpressProvider from "gatehouse/providers/wordpress";
import WorkosProvider from "gatehouse/providers/workos";
import YandexProvider from "gatehouse/providers/yandex";
import ZitadelProvider from "gatehouse/providers/zitadel";
import ZohoProvider from "gatehouse/providers/zoho";
import ZoomProvider from "gatehouse/providers/zoom";

const env = process.env;

/** A custom provider written against v4's `OAuthConfig`, as its docs show. */
const custom: OAuthConfig<{ sub: string; name: string; email: string }> = {
  id: "corp",
  name: "Corp SSO",
  type: "oauth",
  wellKnown: "https://sso.corp.example/.well-known/openid-configuration",
  authorization: { params: { scope: "openid email profile" } },
  idToken: true,
  checks: ["pkce", "state"],
  clientId: env.CORP_CLIENT_ID!,
  clientSecret: env.CORP_CLIENT_SECRET!,
  profile: (profile) => ({ id: profile.sub, name: profile.name, email: profile.email }),
};
const extra: Provider[] = [custom];

export const options: AuthOptions = {
  providers: [
    FortyTwoSchoolProvider({ clientId: env.FORTY_TWO_CLIENT_ID!, clientSecret: env.FORTY_TWO_CLIENT_SECRET! }),
    AppleProvider({ clientId: env.APPLE_CLIENT_ID!, clientSecret: env.APPLE_CLIENT_SECRET! }),
    AtlassianProvider({ clientId: env.ATLASSIAN_CLIENT_ID!, clientSecret: env.ATLASSIAN_CLIENT_SECRET! }),
    Auth0Provider({ clientId: env.AUTH0_CLIENT_ID!, clientSecret: env.AUTH0_CLIENT_SECRET!, issuer: env.AUTH0_ISSUER }),
    AuthentikProvider({
      clientId: env.AUTHENTIK_CLIENT_ID!,
      clientSecret: env.AUTHENTIK_CLIENT_SECRET!,
      issuer: env.AUTHENTIK_ISSUER,
    }),
    AzureAdB2cProvider({
      clientId: env.AZURE_AD_B2C_CLIENT_ID!,
      clientSecret: env.AZURE_AD_B2C_CLIENT_SECRET!,
      tenantId: env.AZURE_AD_B2C_TENANT_NAME,
      primaryUserFlow: env.AZURE_AD_B2C_PRIMARY_USER_FLOW,
      authorization: { params: { scope: "offline_access openid" } },
    }),
    AzureAdProvider({
      clientId: env.AZURE_AD_CLIENT_ID!,
      clientSecret: env.AZURE_AD_CLIENT_SECRET!,
      tenantId: env.AZURE_AD_TENANT_ID,
    }),
    BattlenetProvider({
      clientId: env.BATTLENET_CLIENT_ID!,
      clientSecret: env.BATTLENET_CLIENT_SECRET!,
      issuer: "https://eu.battle.net/oauth",
    }),
    BoxProvider({ clientId: env.BOX_CLIENT_ID!, clientSecret: env.BOX_CLIENT_SECRET! }),
    BoxyhqSamlProvider({
      clientId: env.BOXYHQ_SAML_CLIENT_ID!,
      clientSecret: env.BOXYHQ_SAML_CLIENT_SECRET!,
      issuer: env.BOXYHQ_SAML_ISSUER,
    }),
    BungieProvider({ clientId: env.BUNGIE_CLIENT_ID!, clientSecret: env.BUNGIE_CLIENT_SECRET! }),
    CognitoProvider({
      clientId: env.COGNITO_CLIENT_ID!,
      clientSecret: env.COGNITO_CLIENT_SECRET!,
      issuer: env.COGNITO_ISSUER,
    }),
    CoinbaseProvider({ clientId: env.COINBASE_CLIENT_ID!, clientSecret: env.COINBASE_CLIENT_SECRET! }),
    CredentialsProvider({
      name: "Credentials",
      credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
      authorize: (credentials) => (credentials?.username === "admin" ? { id: "1", name: "Admin" } : null),
    }),
    DiscordProvider({ clientId: env.DISCORD_CLIENT_ID!, clientSecret: env.DISCORD_CLIENT_SECRET! }),
    DropboxProvider({ clientId: env.DROPBOX_CLIENT_ID!, clientSecret: env.DROPBOX_CLIENT_SECRET! }),
    DuendeIdentityServer6Provider({
      clientId: env.DUENDE_IDENTITY_SERVER6_CLIENT_ID!,
      clientSecret: env.DUENDE_IDENTITY_SERVER6_CLIENT_SECRET!,
      issuer: env.DUENDE_IDENTITY_SERVER6_ISSUER,
    }),
    EmailProvider({ server: env.EMAIL_SERVER, from: env.EMAIL_FROM }),
    EveonlineProvider({ clientId: env.EVEONLINE_CLIENT_ID!, clientSecret: env.EVEONLINE_CLIENT_SECRET! }),
    FacebookProvider({ clientId: env.FACEBOOK_CLIENT_ID!, clientSecret: env.FACEBOOK_CLIENT_SECRET! }),
    FaceitProvider({ clientId: env.FACEIT_CLIENT_ID!, clientSecret: env.FACEIT_CLIENT_SECRET! }),
    FoursquareProvider({ clientId: env.FOURSQUARE_CLIENT_ID!, clientSecret: env.FOURSQUARE_CLIENT_SECRET! }),
    FreshbooksProvider({ clientId: env.FRESHBOOKS_CLIENT_ID!, clientSecret: env.FRESHBOOKS_CLIENT_SECRET! }),
    FusionauthProvider({
      clientId: env.FUSIONAUTH_CLIENT_ID!,
      clientSecret: env.FUSIONAUTH_CLIENT_SECRET!,
      issuer: env.FUSIONAUTH_ISSUER,
    }),
    GithubProvider({ clientId: env.GITHUB_CLIENT_ID!, clientSecret: env.GITHUB_CLIENT_SECRET! }),
    GitlabProvider({ clientId: env.GITLAB_CLIENT_ID!, clientSecret: env.GITLAB_CLIENT_SECRET! }),
    GoogleProvider({
      clientId: env.GOOGLE_CLIENT_ID!,
      clientSecret: env.GOOGLE_CLIENT_SECRET!,
      authorization: { params: { prompt: "consent", access_type: "offline" } },
      allowDangerousEmailAccountLinking: true,
    }),
    HubspotProvider({ clientId: env.HUBSPOT_CLIENT_ID!, clientSecret: env.HUBSPOT_CLIENT_SECRET! }),
    IdentityServer4Provider({
      clientId: env.IDENTITY_SERVER4_CLIENT_ID!,
      clientSecret: env.IDENTITY_SERVER4_CLIENT_SECRET!,
      issuer: env.IDENTITY_SERVER4_ISSUER,
    }),
    InstagramProvider({ clientId: env.INSTAGRAM_CLIENT_ID!, clientSecret: env.INSTAGRAM_CLIENT_SECRET! }),
    KakaoProvider({ clientId: env.KAKAO_CLIENT_ID!, clientSecret: env.KAKAO_CLIENT_SECRET! }),
    KeycloakProvider({
      clientId: env.KEYCLOAK_CLIENT_ID!,
      clientSecret: env.KEYCLOAK_CLIENT_SECRET!,
      issuer: env.KEYCLOAK_ISSUER,
    }),
    LineProvider({ clientId: env.LINE_CLIENT_ID!, clientSecret: env.LINE_CLIENT_SECRET! }),
    LinkedinProvider({ clientId: env.LINKEDIN_CLIENT_ID!, clientSecret: env.LINKEDIN_CLIENT_SECRET! }),
    MailchimpProvider({ clientId: env.MAILCHIMP_CLIENT_ID!, clientSecret: env.MAILCHIMP_CLIENT_SECRET! }),
    MailruProvider({ clientId: env.MAILRU_CLIENT_ID!, clientSecret: env.MAILRU_CLIENT_SECRET! }),
    MediumProvider({ clientId: env.MEDIUM_CLIENT_ID!, clientSecret: env.MEDIUM_CLIENT_SECRET! }),
    NaverProvider({ clientId: env.NAVER_CLIENT_ID!, clientSecret: env.NAVER_CLIENT_SECRET! }),
    NetlifyProvider({ clientId: env.NETLIFY_CLIENT_ID!, clientSecret: env.NETLIFY_CLIENT_SECRET! }),
    OktaProvider({ clientId: env.OKTA_CLIENT_ID!, clientSecret: env.OKTA_CLIENT_SECRET!, issuer: env.OKTA_ISSUER }),
    OneloginProvider({
      clientId: env.ONELOGIN_CLIENT_ID!,
      clientSecret: env.ONELOGIN_CLIENT_SECRET!,
      issuer: env.ONELOGIN_ISSUER,
    }),
    OssoProvider({ clientId: env.OSSO_CLIENT_ID!, clientSecret: env.OSSO_CLIENT_SECRET!, issuer: env.OSSO_ISSUER }),
    OsuProvider({ clientId: env.OSU_CLIENT_ID!, clientSecret: env.OSU_CLIENT_SECRET! }),
    PassageProvider({
      clientId: env.PASSAGE_CLIENT_ID!,
      clientSecret: env.PASSAGE_CLIENT_SECRET!,
      issuer: env.PASSAGE_ISSUER,
    }),
    PatreonProvider({ clientId: env.PATREON_CLIENT_ID!, clientSecret: env.PATREON_CLIENT_SECRET! }),
    PinterestProvider({ clientId: env.PINTEREST_CLIENT_ID!, clientSecret: env.PINTEREST_CLIENT_SECRET! }),
    PipedriveProvider({ clientId: env.PIPEDRIVE_CLIENT_ID!, clientSecret: env.PIPEDRIVE_CLIENT_SECRET! }),
    RedditProvider({ clientId: env.REDDIT_CLIENT_ID!, clientSecret: env.REDDIT_CLIENT_SECRET! }),
    SalesforceProvider({ clientId: env.SALESFORCE_CLIENT_ID!, clientSecret: env.SALESFORCE_CLIENT_SECRET! }),
    SlackProvider({ clientId: env.SLACK_CLIENT_ID!, clientSecret: env.SLACK_CLIENT_SECRET! }),
    SpotifyProvider({ clientId: env.SPOTIFY_CLIENT_ID!, clientSecret: env.SPOTIFY_CLIENT_SECRET! }),
    StravaProvider({ clientId: env.STRAVA_CLIENT_ID!, clientSecret: env.STRAVA_CLIENT_SECRET! }),
    TodoistProvider({ clientId: env.TODOIST_CLIENT_ID!, clientSecret: env.TODOIST_CLIENT_SECRET! }),
    TraktProvider({ clientId: env.TRAKT_CLIENT_ID!, clientSecret: env.TRAKT_CLIENT_SECRET! }),
    TwitchProvider({ clientId: env.TWITCH_CLIENT_ID!, clientSecret: env.TWITCH_CLIENT_SECRET! }),
    TwitterProvider({ clientId: env.TWITTER_CLIENT_ID!, clientSecret: env.TWITTER_CLIENT_SECRET! }),
    TwitterProvider({
      clientId: env.TWITTER_CLIENT_ID!,
      clientSecret: env.TWITTER_CLIENT_SECRET!,
      version: "2.0",
      id: "twitter-v2",
    }),
    UnitedEffectsProvider({
      clientId: env.UNITED_EFFECTS_CLIENT_ID!,
      clientSecret: env.UNITED_EFFECTS_CLIENT_SECRET!,
      issuer: env.UNITED_EFFECTS_ISSUER!,
    }),
    VkProvider({ clientId: env.VK_CLIENT_ID!, clientSecret: env.VK_CLIENT_SECRET! }),
    WikimediaProvider({ clientId: env.WIKIMEDIA_CLIENT_ID!, clientSecret: env.WIKIMEDIA_CLIENT_SECRET! }),
    WordpressProvider({ clientId: env.WORDPRESS_CLIENT_ID!, clientSecret: env.WORDPRESS_CLIENT_SECRET! }),
    WorkosProvider({ clientId: env.WORKOS_CLIENT_ID!, clientSecret: env.WORKOS_CLIENT_SECRET! }),
    YandexProvider({ clientId: env.YANDEX_CLIENT_ID!, clientSecret: env.YANDEX_CLIENT_SECRET! }),
    ZitadelProvider({
      clientId: env.ZITADEL_CLIENT_ID!,
      clientSecret: env.ZITADEL_CLIENT_SECRET!,
      issuer: env.ZITADEL_ISSUER,
    }),
    ZohoProvider({ clientId: env.ZOHO_CLIENT_ID!, clientSecret: env.ZOHO_CLIENT_SECRET! }),
    ZoomProvider({ clientId: env.ZOOM_CLIENT_ID!, clientSecret: env.ZOOM_CLIENT_SECRET! }),
    ...extra,
  ],
};
