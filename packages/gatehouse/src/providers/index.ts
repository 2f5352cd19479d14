/**
 * `gatehouse/providers`: next-auth v3's namespace, `Providers.Google({ … })` (seeds 000, 002
 * and 003 use it). Each provider is also its own import, `gatehouse/providers/<id>`.
 */
import Apple from "@gatehouse/core/providers/apple";
import Atlassian from "@gatehouse/core/providers/atlassian";
import Auth0 from "@gatehouse/core/providers/auth0";
import Authentik from "@gatehouse/core/providers/authentik";
import Bitbucket from "@gatehouse/core/providers/bitbucket";
import Box from "@gatehouse/core/providers/box";
import Cognito from "@gatehouse/core/providers/cognito";
import Credentials from "@gatehouse/core/providers/credentials";
import Discord from "@gatehouse/core/providers/discord";
import Dropbox from "@gatehouse/core/providers/dropbox";
import Email from "@gatehouse/core/providers/email";
import Facebook from "@gatehouse/core/providers/facebook";
import FusionAuth from "@gatehouse/core/providers/fusionauth";
import GitHub from "@gatehouse/core/providers/github";
import GitLab from "@gatehouse/core/providers/gitlab";
import Google from "@gatehouse/core/providers/google";
import Kakao from "@gatehouse/core/providers/kakao";
import Keycloak from "@gatehouse/core/providers/keycloak";
import Line from "@gatehouse/core/providers/line";
import LinkedIn from "@gatehouse/core/providers/linkedin";
import MicrosoftEntraID from "@gatehouse/core/providers/microsoft-entra-id";
import Naver from "@gatehouse/core/providers/naver";
import Notion from "@gatehouse/core/providers/notion";
import OIDC from "@gatehouse/core/providers/oidc";
import Okta from "@gatehouse/core/providers/okta";
import Reddit from "@gatehouse/core/providers/reddit";
import Salesforce from "@gatehouse/core/providers/salesforce";
import Slack from "@gatehouse/core/providers/slack";
import Spotify from "@gatehouse/core/providers/spotify";
import Strava from "@gatehouse/core/providers/strava";
import Twitch from "@gatehouse/core/providers/twitch";
import Twitter from "@gatehouse/core/providers/twitter";
import VK from "@gatehouse/core/providers/vk";
import WorkOS from "@gatehouse/core/providers/workos";
import Yahoo from "@gatehouse/core/providers/yahoo";
import Yandex from "@gatehouse/core/providers/yandex";
import Zitadel from "@gatehouse/core/providers/zitadel";
import Zoom from "@gatehouse/core/providers/zoom";

const Providers = {
  Apple,
  Atlassian,
  Auth0,
  Authentik,
  Bitbucket,
  Box,
  Cognito,
  Credentials,
  Discord,
  Dropbox,
  Email,
  Facebook,
  FusionAuth,
  GitHub,
  GitLab,
  Google,
  Kakao,
  Keycloak,
  Line,
  LinkedIn,
  MicrosoftEntraID,
  Naver,
  Notion,
  OIDC,
  Okta,
  Reddit,
  Salesforce,
  Slack,
  Spotify,
  Strava,
  Twitch,
  Twitter,
  VK,
  WorkOS,
  Yahoo,
  Yandex,
  Zitadel,
  Zoom,
  /** v3 spelling of Microsoft Entra ID. */
  AzureAD: MicrosoftEntraID,
};

export default Providers;
export {
  Apple,
  Atlassian,
  Auth0,
  Authentik,
  Bitbucket,
  Box,
  Cognito,
  Credentials,
  Discord,
  Dropbox,
  Facebook,
  FusionAuth,
  GitHub,
  GitLab,
  Google,
  Kakao,
  Keycloak,
  Line,
  LinkedIn,
  MicrosoftEntraID,
  Naver,
  Notion,
  OIDC,
  Okta,
  Reddit,
  Salesforce,
  Slack,
  Spotify,
  Strava,
  Twitch,
  Twitter,
  VK,
  WorkOS,
  Yahoo,
  Yandex,
  Zitadel,
  Zoom,
};
