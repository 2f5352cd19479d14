// The provider modules next-auth v4 ships that Gatehouse added, each through a whole sign-in with
// the provider's documented token and API answers served at the network edge: endpoints, scopes,
// client authentication, where the access token goes, and the mapped user — with each one's
// quirks (nested profiles, numeric ids, tokens in URLs, extra headers, token responses that bend
// the standard, SAML behind OAuth, discovery documents naming another issuer).
import { describe, expect, it } from "vitest";
import FortyTwo from "../src/providers/42-school.js";
import AzureAD from "../src/providers/azure-ad.js";
import AzureADB2C from "../src/providers/azure-ad-b2c.js";
import BattleNet from "../src/providers/battlenet.js";
import BoxyHQSAML from "../src/providers/boxyhq-saml.js";
import Bungie from "../src/providers/bungie.js";
import Coinbase from "../src/providers/coinbase.js";
import DuendeIdentityServer6 from "../src/providers/duende-identity-server6.js";
import EVEOnline from "../src/providers/eveonline.js";
import FACEIT from "../src/providers/faceit.js";
import Foursquare from "../src/providers/foursquare.js";
import Freshbooks from "../src/providers/freshbooks.js";
import FusionAuth from "../src/providers/fusionauth.js";
import HubSpot from "../src/providers/hubspot.js";
import IdentityServer4 from "../src/providers/identity-server4.js";
import Instagram from "../src/providers/instagram.js";
import Mailchimp from "../src/providers/mailchimp.js";
import MailRu from "../src/providers/mailru.js";
import Medium from "../src/providers/medium.js";
import Netlify from "../src/providers/netlify.js";
import OneLogin from "../src/providers/onelogin.js";
import Osso from "../src/providers/osso.js";
import Osu from "../src/providers/osu.js";
import Passage from "../src/providers/passage.js";
import Patreon from "../src/providers/patreon.js";
import Pinterest from "../src/providers/pinterest.js";
import Pipedrive from "../src/providers/pipedrive.js";
import Todoist from "../src/providers/todoist.js";
import Trakt from "../src/providers/trakt.js";
import UnitedEffects from "../src/providers/united-effects.js";
import Wikimedia from "../src/providers/wikimedia.js";
import WordPress from "../src/providers/wordpress.js";
import WorkOS from "../src/providers/workos.js";
import Zoho from "../src/providers/zoho.js";
import { ACCESS_TOKEN, CLIENT, checkSignIn, signInWith, type SignInCase } from "./provider-signin.js";

const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const TENANT_GUID = "9188040d-6c67-4c5b-b112-36a304b66dad";

const CASES: SignInCase[] = [
  {
    name: "42 School (numeric id, picture in image.link)",
    provider: FortyTwo(CLIENT),
    authorize: "https://api.intra.42.fr/oauth/authorize",
    params: { scope: "public" },
    token: "https://api.intra.42.fr/oauth/token",
    api: {
      "https://api.intra.42.fr/v2/me": {
        id: 128042,
        login: "alovelac",
        email: "alovelac@student.42.example",
        displayname: "Ada Lovelace",
        usual_full_name: null,
        image: { link: "https://cdn.intra.42.fr/users/alovelac.jpg", versions: { small: null } },
      },
    },
    expected: {
      id: "42-school:128042",
      name: "Ada Lovelace",
      email: "alovelac@student.42.example",
      image: "https://cdn.intra.42.fr/users/alovelac.jpg",
    },
  },
  {
    name: "Azure AD (discovery with appid, issuer from the document, photo from Graph)",
    provider: AzureAD({ ...CLIENT, tenantId: "contoso.onmicrosoft.com", profilePhotoSize: 96 }),
    authorize: `https://login.microsoftonline.com/${TENANT_GUID}/oauth2/v2.0/authorize`,
    params: { scope: "openid profile email", code_challenge_method: "S256" },
    oidc: {
      discovery:
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration?appid=client-id",
      issuer: `https://login.microsoftonline.com/${TENANT_GUID}/v2.0`,
      claims: {
        sub: "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
        tid: TENANT_GUID,
        name: "Megan Bowen",
        email: "meganb@contoso.example",
      },
    },
    api: {
      "https://graph.microsoft.com/v1.0/me/photos/96x96/$value": {
        body: new Response(PHOTO, { headers: { "content-type": "image/jpeg" } }),
      },
    },
    expected: {
      id: "azure-ad:AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
      name: "Megan Bowen",
      email: "meganb@contoso.example",
      image: `data:image/jpeg;base64,${Buffer.from(PHOTO).toString("base64")}`,
    },
  },
  {
    name: "Azure AD, a user without a photo",
    provider: AzureAD({ ...CLIENT, tenantId: TENANT_GUID }),
    authorize: `https://login.microsoftonline.com/${TENANT_GUID}/oauth2/v2.0/authorize`,
    oidc: {
      discovery: `https://login.microsoftonline.com/${TENANT_GUID}/v2.0/.well-known/openid-configuration?appid=client-id`,
      issuer: `https://login.microsoftonline.com/${TENANT_GUID}/v2.0`,
      claims: { sub: "sub-2", name: "Alex Wilber" },
    },
    api: {
      "https://graph.microsoft.com/v1.0/me/photos/48x48/$value": {
        body: Response.json({ error: { code: "ImageNotFound" } }, { status: 404 }),
      },
    },
    expected: { id: "azure-ad:sub-2", name: "Alex Wilber", email: null, image: null },
  },
  {
    name: "Azure AD B2C (user flow metadata naming the tenant GUID issuer, emails array, client id scope)",
    provider: AzureADB2C({ ...CLIENT, tenantId: "contoso", primaryUserFlow: "B2C_1_signin" }),
    authorize: "https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/oauth2/v2.0/authorize",
    params: { scope: "openid offline_access client-id" },
    oidc: {
      discovery:
        "https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin/v2.0/.well-known/openid-configuration",
      issuer: `https://contoso.b2clogin.com/${TENANT_GUID}/v2.0/`,
      claims: {
        sub: "b2c-object-id",
        name: "Ada",
        emails: ["ada@b2c.example", "ada@old.example"],
        tfp: "B2C_1_signin",
      },
    },
    expected: { id: "azure-ad-b2c:b2c-object-id", name: "Ada", email: "ada@b2c.example", image: null },
  },
  {
    name: "Azure AD B2C with v4's issuer option (where the metadata lives, not the issuer it names)",
    provider: AzureADB2C({
      ...CLIENT,
      issuer: "https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin/v2.0",
    }),
    authorize: "https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/oauth2/v2.0/authorize",
    oidc: {
      discovery:
        "https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin/v2.0/.well-known/openid-configuration",
      issuer: `https://contoso.b2clogin.com/${TENANT_GUID}/v2.0/`,
      claims: { sub: "b2c-2", emails: ["grace@b2c.example"] },
    },
    expected: { id: "azure-ad-b2c:b2c-2", email: "grace@b2c.example" },
  },
  {
    name: "Battle.net (the BattleTag claim)",
    provider: BattleNet({ ...CLIENT, issuer: "https://oauth.battle.net" }),
    authorize: "https://oauth.battle.net/authorize",
    params: { scope: "openid" },
    oidc: {
      discovery: "https://oauth.battle.net/.well-known/openid-configuration",
      issuer: "https://oauth.battle.net",
      claims: { sub: "100000001", battle_tag: "Ada#1815" },
    },
    expected: { id: "battlenet:100000001", name: "Ada#1815", email: null },
  },
  {
    name: "BoxyHQ SAML (SAML via OAuth: tenant and product from signIn, attributes from userinfo)",
    provider: BoxyHQSAML({
      clientId: CLIENT.clientId,
      clientSecret: CLIENT.clientSecret,
      issuer: "https://jackson.example.com/",
    }),
    signInQuery: { tenant: "example.com", product: "gatehouse" },
    authorize: "https://jackson.example.com/api/oauth/authorize",
    params: { provider: "saml", tenant: "example.com", product: "gatehouse", code_challenge_method: "S256" },
    token: "https://jackson.example.com/api/oauth/token",
    auth: "post",
    api: {
      "https://jackson.example.com/api/oauth/userinfo": {
        id: "ada@example.com",
        email: "ada@example.com",
        firstName: "Ada",
        lastName: "Lovelace",
        requested: { tenant: "example.com", product: "gatehouse", client_id: CLIENT.clientId },
      },
    },
    expected: { id: "boxyhq-saml:ada@example.com", name: "Ada Lovelace", email: "ada@example.com", image: null },
  },
  {
    name: "Bungie (X-API-Key on the API, the user in Response.bungieNetUser, relative picture)",
    provider: Bungie({ ...CLIENT, apiKey: "bungie-api-key" }),
    authorize: "https://www.bungie.net/en/OAuth/Authorize",
    params: { reauth: "true" },
    token: "https://www.bungie.net/platform/app/oauth/token/",
    tokenResponse: {
      access_token: ACCESS_TOKEN,
      token_type: "Bearer",
      expires_in: 3600,
      membership_id: "4611686018467260757",
    },
    api: {
      "https://www.bungie.net/Platform/User/GetMembershipsForCurrentUser/": {
        headers: { "x-api-key": "bungie-api-key" },
        body: {
          Response: {
            destinyMemberships: [],
            bungieNetUser: {
              membershipId: "4611686018467260757",
              uniqueName: "Ada#1815",
              displayName: "Ada",
              profilePicturePath: "/img/profile/avatars/default_avatar.gif",
            },
          },
          ErrorCode: 1,
          ErrorStatus: "Success",
        },
      },
    },
    expected: {
      id: "bungie:4611686018467260757",
      name: "Ada",
      email: null,
      image: "https://www.bungie.net/img/profile/avatars/default_avatar.gif",
    },
  },
  {
    name: "Bungie with next-auth v4's httpOptions.headers for the API key",
    provider: Bungie({ ...CLIENT, httpOptions: { headers: { "X-API-Key": "v4-style-key" } } }),
    authorize: "https://www.bungie.net/en/OAuth/Authorize",
    token: "https://www.bungie.net/platform/app/oauth/token/",
    api: {
      "https://www.bungie.net/Platform/User/GetMembershipsForCurrentUser/": {
        headers: { "x-api-key": "v4-style-key" },
        body: {
          Response: { bungieNetUser: { membershipId: "46", displayName: "Grace", profilePicturePath: "img/g.png" } },
        },
      },
    },
    expected: { id: "bungie:46", name: "Grace", image: "https://www.bungie.net/img/g.png" },
  },
  {
    name: "Coinbase (the user in data)",
    provider: Coinbase(CLIENT),
    authorize: "https://www.coinbase.com/oauth/authorize",
    params: { scope: "wallet:user:email wallet:user:read" },
    token: "https://api.coinbase.com/oauth/token",
    api: {
      "https://api.coinbase.com/v2/user": {
        data: {
          id: "9da7a204-544e-5fd1-9a12-61176c5d4cd8",
          name: "User One",
          username: "user1",
          avatar_url: "https://images.coinbase.com/avatar?s=128",
          email: "user1@example.com",
        },
      },
    },
    expected: {
      id: "coinbase:9da7a204-544e-5fd1-9a12-61176c5d4cd8",
      name: "User One",
      email: "user1@example.com",
      image: "https://images.coinbase.com/avatar?s=128",
    },
  },
  {
    name: "Duende IdentityServer 6 (v4's id duende-identityserver6)",
    provider: DuendeIdentityServer6({ ...CLIENT, issuer: "https://demo.duendesoftware.com" }),
    authorize: "https://demo.duendesoftware.com/connect/authorize",
    params: { scope: "openid profile email" },
    oidc: {
      discovery: "https://demo.duendesoftware.com/.well-known/openid-configuration",
      issuer: "https://demo.duendesoftware.com",
      claims: { sub: "818727", name: "Alice Smith", email: "AliceSmith@email.com" },
    },
    expected: { id: "duende-identityserver6:818727", name: "Alice Smith", email: "AliceSmith@email.com", image: null },
  },
  {
    name: "EVE Online (a character, numeric CharacterID, portrait from the image server)",
    provider: EVEOnline(CLIENT),
    authorize: "https://login.eveonline.com/v2/oauth/authorize",
    params: { scope: "publicData" },
    token: "https://login.eveonline.com/v2/oauth/token",
    api: {
      "https://login.eveonline.com/oauth/verify": {
        CharacterID: 95465499,
        CharacterName: "CCP Bartender",
        ExpiresOn: "2017-07-05T14:34:16.5857101",
        Scopes: "publicData",
        TokenType: "Character",
        CharacterOwnerHash: "lots_of_letters_and_numbers",
        IntellectualProperty: "EVE",
      },
    },
    expected: {
      id: "eveonline:95465499",
      name: "CCP Bartender",
      email: null,
      image: "https://images.evetech.net/characters/95465499/portrait?size=128",
    },
  },
  {
    name: "FACEIT (guid and nickname)",
    provider: FACEIT(CLIENT),
    authorize: "https://accounts.faceit.com/accounts",
    params: { redirect_popup: "true" },
    token: "https://api.faceit.com/auth/v1/oauth/token",
    api: {
      "https://api.faceit.com/auth/v1/resources/userinfo": {
        guid: "b9a7fb6a-6b4f-4d1e-8a37-4f1d2a1f5c11",
        nickname: "ada",
        email: "ada@faceit.example",
        picture: "https://assets.faceit-cdn.net/avatars/ada.jpg",
      },
    },
    expected: {
      id: "faceit:b9a7fb6a-6b4f-4d1e-8a37-4f1d2a1f5c11",
      name: "ada",
      email: "ada@faceit.example",
      image: "https://assets.faceit-cdn.net/avatars/ada.jpg",
    },
  },
  {
    name: "Foursquare (no token_type; the token as oauth_token in the URL; response.user, contact.email)",
    provider: Foursquare(CLIENT),
    authorize: "https://foursquare.com/oauth2/authenticate",
    token: "https://foursquare.com/oauth2/access_token",
    tokenResponse: { access_token: ACCESS_TOKEN },
    api: {
      [`https://api.foursquare.com/v2/users/self?v=20230131&oauth_token=${ACCESS_TOKEN}`]: {
        auth: "none",
        body: {
          meta: { code: 200 },
          response: {
            user: {
              id: "1234567",
              firstName: "Ada",
              lastName: "Lovelace",
              contact: { email: "ada@4sq.example" },
              photo: { prefix: "https://fastly.4sqi.net/img/user/", suffix: "/ada.jpg" },
            },
          },
        },
      },
    },
    expected: {
      id: "foursquare:1234567",
      name: "Ada Lovelace",
      email: "ada@4sq.example",
      image: "https://fastly.4sqi.net/img/user/original/ada.jpg",
    },
  },
  {
    name: "Foursquare with another API version",
    provider: Foursquare({ ...CLIENT, apiVersion: "20240101" }),
    authorize: "https://foursquare.com/oauth2/authenticate",
    token: "https://foursquare.com/oauth2/access_token",
    tokenResponse: { access_token: ACCESS_TOKEN },
    api: {
      [`https://api.foursquare.com/v2/users/self?v=20240101&oauth_token=${ACCESS_TOKEN}`]: {
        auth: "none",
        body: { response: { user: { id: "7", firstName: "Grace" } } },
      },
    },
    expected: { id: "foursquare:7", name: "Grace", email: null, image: null },
  },
  {
    name: "FreshBooks (the identity in response, numeric id, secret in the body)",
    provider: Freshbooks(CLIENT),
    authorize: "https://auth.freshbooks.com/oauth/authorize",
    token: "https://api.freshbooks.com/auth/oauth/token",
    auth: "post",
    api: {
      "https://api.freshbooks.com/auth/api/v1/users/me": {
        response: {
          id: 2192788,
          identity_id: 712052,
          first_name: "Ada",
          last_name: "Lovelace",
          email: "ada@fb.example",
        },
      },
    },
    expected: { id: "freshbooks:2192788", name: "Ada Lovelace", email: "ada@fb.example" },
  },
  {
    name: "FusionAuth with v4's tenantId (the tenant's metadata names its own issuer)",
    provider: FusionAuth({ ...CLIENT, issuer: "https://auth.example.com", tenantId: "tenant-1" }),
    authorize: "https://auth.example.com/oauth2/authorize",
    oidc: {
      discovery: "https://auth.example.com/.well-known/openid-configuration?tenantId=tenant-1",
      issuer: "https://tenant-1.auth.example.com",
      claims: { sub: "fa-user", email: "ada@fa.example", name: "Ada" },
    },
    expected: { id: "fusionauth:fa-user", email: "ada@fa.example", name: "Ada" },
  },
  {
    name: "HubSpot (no userinfo: the token's own metadata, the token in the path, numeric user_id)",
    provider: HubSpot(CLIENT),
    authorize: "https://app.hubspot.com/oauth/authorize",
    params: { scope: "oauth" },
    token: "https://api.hubapi.com/oauth/v1/token",
    auth: "post",
    api: {
      [`https://api.hubapi.com/oauth/v1/access-tokens/${ACCESS_TOKEN}`]: {
        auth: "none",
        body: {
          token: ACCESS_TOKEN,
          user: "ada@hubspot.example",
          hub_domain: "demo.hubapi.com",
          scopes: ["oauth"],
          hub_id: 62515,
          app_id: 456789,
          expires_in: 1800,
          user_id: 123456,
          token_type: "access",
        },
      },
    },
    expected: { id: "hubspot:123456", name: "ada@hubspot.example", email: "ada@hubspot.example", image: null },
  },
  {
    name: "IdentityServer4",
    provider: IdentityServer4({ ...CLIENT, issuer: "https://ids.example.com" }),
    authorize: "https://ids.example.com/connect/authorize",
    params: { scope: "openid profile email" },
    oidc: {
      discovery: "https://ids.example.com/.well-known/openid-configuration",
      issuer: "https://ids.example.com",
      claims: { sub: "88421113", name: "Bob Smith", email: "BobSmith@email.com" },
    },
    expected: { id: "identity-server4:88421113", name: "Bob Smith", email: "BobSmith@email.com", image: null },
  },
  {
    name: "Instagram (no token_type in { access_token, user_id }; secret in the body)",
    provider: Instagram(CLIENT),
    authorize: "https://api.instagram.com/oauth/authorize",
    params: { scope: "instagram_business_basic" },
    token: "https://api.instagram.com/oauth/access_token",
    tokenResponse: { access_token: ACCESS_TOKEN, user_id: 17841405793187218 },
    auth: "post",
    api: {
      "https://graph.instagram.com/me?fields=id,username,account_type,name": {
        id: "17841405793187218",
        username: "ada.codes",
        account_type: "BUSINESS",
      },
    },
    expected: { id: "instagram:17841405793187218", name: "ada.codes", email: null, image: null },
  },
  {
    name: "Instagram Business Login (the token wrapped in a data array)",
    provider: Instagram(CLIENT),
    authorize: "https://api.instagram.com/oauth/authorize",
    token: "https://api.instagram.com/oauth/access_token",
    tokenResponse: {
      data: [{ access_token: ACCESS_TOKEN, user_id: "8231", permissions: "instagram_business_basic" }],
    },
    auth: "post",
    api: { "https://graph.instagram.com/me?fields=id,username,account_type,name": { id: "8231", username: "grace" } },
    expected: { id: "instagram:8231", name: "grace" },
  },
  {
    name: "Mailchimp (scope null, expires_in 0, no token_type; metadata with the OAuth scheme)",
    provider: Mailchimp(CLIENT),
    authorize: "https://login.mailchimp.com/oauth2/authorize",
    token: "https://login.mailchimp.com/oauth2/token",
    tokenResponse: { access_token: ACCESS_TOKEN, expires_in: 0, scope: null },
    api: {
      "https://login.mailchimp.com/oauth2/metadata": {
        auth: "OAuth",
        body: {
          dc: "us1",
          role: "owner",
          accountname: "Ada's Shop",
          user_id: 42,
          login: { email: "ada@mailchimp.example", avatar: null, login_id: 5551212, login_name: "ada" },
          login_url: "https://login.mailchimp.com",
          api_endpoint: "https://us1.api.mailchimp.com",
        },
      },
    },
    expected: { id: "mailchimp:5551212", name: "Ada's Shop", email: "ada@mailchimp.example", image: null },
  },
  {
    name: "Mail.ru (the token as access_token in the URL)",
    provider: MailRu(CLIENT),
    authorize: "https://oauth.mail.ru/login",
    params: { scope: "userinfo" },
    token: "https://oauth.mail.ru/token",
    tokenResponse: { access_token: ACCESS_TOKEN, refresh_token: "r", expires_in: 3600 },
    api: {
      [`https://oauth.mail.ru/userinfo?access_token=${ACCESS_TOKEN}`]: {
        auth: "none",
        body: {
          id: "123456789",
          name: "Ада Лавлейс",
          email: "ada@mail.ru",
          image: "https://filin.mail.ru/pic?d=ada",
        },
      },
    },
    expected: {
      id: "mailru:123456789",
      name: "Ада Лавлейс",
      email: "ada@mail.ru",
      image: "https://filin.mail.ru/pic?d=ada",
    },
  },
  {
    name: "Medium (scope as an array, expires_at in ms; the user in data)",
    provider: Medium(CLIENT),
    authorize: "https://medium.com/m/oauth/authorize",
    params: { scope: "basicProfile" },
    token: "https://api.medium.com/v1/tokens",
    tokenResponse: {
      token_type: "Bearer",
      access_token: ACCESS_TOKEN,
      refresh_token: "r",
      scope: ["basicProfile"],
      expires_at: 1426196166000,
    },
    auth: "post",
    api: {
      "https://api.medium.com/v1/me": {
        data: {
          id: "5303d74c64f66366f00cb9b2a94f3251bf5",
          username: "majelbstoat",
          name: "Jamie Talbot",
          url: "https://medium.com/@majelbstoat",
          imageUrl: "https://images.medium.com/0*fkfQiTzT7TlUGGyI.png",
        },
      },
    },
    expected: {
      id: "medium:5303d74c64f66366f00cb9b2a94f3251bf5",
      name: "Jamie Talbot",
      email: null,
      image: "https://images.medium.com/0*fkfQiTzT7TlUGGyI.png",
    },
  },
  {
    name: "Netlify",
    provider: Netlify(CLIENT),
    authorize: "https://app.netlify.com/authorize",
    token: "https://api.netlify.com/oauth/token",
    api: {
      "https://api.netlify.com/api/v1/user": {
        id: "5b4f9c4a8e4e2c2e1f6b4a1d",
        full_name: "Ada Lovelace",
        email: "ada@netlify.example",
        avatar_url: "https://avatars.netlify.example/ada.png",
      },
    },
    expected: { id: "netlify:5b4f9c4a8e4e2c2e1f6b4a1d", name: "Ada Lovelace", email: "ada@netlify.example" },
  },
  {
    name: "OneLogin (v4's issuer is the domain; OpenID Connect lives under /oidc/2)",
    provider: OneLogin({ ...CLIENT, issuer: "https://acme.onelogin.com" }),
    authorize: "https://acme.onelogin.com/oidc/2/auth",
    params: { scope: "openid profile email" },
    oidc: {
      discovery: "https://acme.onelogin.com/oidc/2/.well-known/openid-configuration",
      issuer: "https://acme.onelogin.com/oidc/2",
      claims: {
        sub: "12345",
        nickname: "ada",
        name: "Ada Lovelace",
        email: "ada@acme.example",
        picture: "https://acme.example/a.png",
      },
    },
    expected: { id: "onelogin:12345", name: "ada", email: "ada@acme.example", image: "https://acme.example/a.png" },
  },
  {
    name: "Osso (SAML via OAuth: the domain from signIn; v4's trailing-slash issuer)",
    provider: Osso({ ...CLIENT, issuer: "https://demo.ossoapp.com/" }),
    signInQuery: { domain: "example.com" },
    authorize: "https://demo.ossoapp.com/oauth/authorize",
    params: { domain: "example.com" },
    token: "https://demo.ossoapp.com/oauth/token",
    api: {
      "https://demo.ossoapp.com/oauth/me": {
        id: "c5b6b1a2-1c8e-4a5e-8c40-1f5f4f7b4d11",
        email: "ada@example.com",
        idp: "Okta",
        requested: { domain: "example.com" },
      },
    },
    expected: { id: "osso:c5b6b1a2-1c8e-4a5e-8c40-1f5f4f7b4d11", name: null, email: "ada@example.com" },
  },
  {
    name: "osu! (numeric id)",
    provider: Osu(CLIENT),
    authorize: "https://osu.ppy.sh/oauth/authorize",
    params: { scope: "identify" },
    token: "https://osu.ppy.sh/oauth/token",
    api: {
      "https://osu.ppy.sh/api/v2/me": {
        id: 2,
        username: "peppy",
        avatar_url: "https://a.ppy.sh/2?1519081077.png",
        country_code: "AU",
        is_bot: false,
      },
    },
    expected: { id: "osu:2", name: "peppy", email: null, image: "https://a.ppy.sh/2?1519081077.png" },
  },
  {
    name: "Passage (trailing slash dropped; email, no name)",
    provider: Passage({ ...CLIENT, issuer: "https://auth.passage.id/v1/apps/app123/" }),
    authorize: "https://auth.passage.id/v1/apps/app123/authorize",
    params: { scope: "openid email" },
    oidc: {
      discovery: "https://auth.passage.id/v1/apps/app123/.well-known/openid-configuration",
      issuer: "https://auth.passage.id/v1/apps/app123",
      claims: { sub: "passage-user", email: "ada@passage.example", email_verified: true },
    },
    expected: { id: "passage:passage-user", name: null, email: "ada@passage.example", image: null },
  },
  {
    name: "Patreon (JSON:API: data.attributes, fields asked for; secret in the body)",
    provider: Patreon(CLIENT),
    authorize: "https://www.patreon.com/oauth2/authorize",
    params: { scope: "identity identity[email]" },
    token: "https://www.patreon.com/api/oauth2/token",
    auth: "post",
    api: {
      "https://www.patreon.com/api/oauth2/v2/identity?fields%5Buser%5D=full_name,email,image_url,vanity": {
        data: {
          id: "32187",
          type: "user",
          attributes: {
            full_name: "Ada Lovelace",
            email: "ada@patreon.example",
            image_url: "https://c8.patreon.com/ada.png",
          },
        },
        links: { self: "https://www.patreon.com/api/oauth2/v2/user/32187" },
      },
    },
    expected: {
      id: "patreon:32187",
      name: "Ada Lovelace",
      email: "ada@patreon.example",
      image: "https://c8.patreon.com/ada.png",
    },
  },
  {
    name: "Pinterest (the username is the id, as in v4; state only, no PKCE)",
    provider: Pinterest(CLIENT),
    authorize: "https://www.pinterest.com/oauth",
    params: { scope: "user_accounts:read", code_challenge: null },
    token: "https://api.pinterest.com/v5/oauth/token",
    api: {
      "https://api.pinterest.com/v5/user_account": {
        account_type: "PINNER",
        profile_image: "https://i.pinimg.com/ada.jpg",
        website_url: "https://ada.example",
        username: "adalovelace",
      },
    },
    expected: { id: "pinterest:adalovelace", name: "adalovelace", email: null, image: "https://i.pinimg.com/ada.jpg" },
  },
  {
    name: "Pipedrive (the user on the company's api_domain, numeric id, in data)",
    provider: Pipedrive(CLIENT),
    authorize: "https://oauth.pipedrive.com/oauth/authorize",
    token: "https://oauth.pipedrive.com/oauth/token",
    tokenResponse: {
      access_token: ACCESS_TOKEN,
      token_type: "Bearer",
      expires_in: 3599,
      refresh_token: "r",
      scope: "base",
      api_domain: "https://acme.pipedrive.com",
    },
    api: {
      "https://acme.pipedrive.com/api/v1/users/me": {
        success: true,
        data: {
          id: 777,
          name: "James Bond",
          email: "james@acme.example",
          icon_url: "https://cdn.pipedrive.example/777.png",
        },
      },
    },
    expected: { id: "pipedrive:777", name: "James Bond", email: "james@acme.example" },
  },
  {
    name: "Todoist (API v1 user; secret in the body)",
    provider: Todoist(CLIENT),
    authorize: "https://todoist.com/oauth/authorize",
    params: { scope: "data:read" },
    token: "https://todoist.com/oauth/access_token",
    auth: "post",
    api: {
      "https://api.todoist.com/api/v1/user": {
        id: "2671355",
        email: "ada@todoist.example",
        full_name: "Ada Lovelace",
        avatar_big: "https://dcff1xvirvpfp.cloudfront.net/ada_big.jpg",
      },
    },
    expected: { id: "todoist:2671355", name: "Ada Lovelace", email: "ada@todoist.example" },
  },
  {
    name: "Trakt (trakt-api-version and trakt-api-key headers; the slug is the id)",
    provider: Trakt(CLIENT),
    authorize: "https://trakt.tv/oauth/authorize",
    token: "https://api.trakt.tv/oauth/token",
    api: {
      "https://api.trakt.tv/users/me?extended=full": {
        headers: { "trakt-api-version": "2", "trakt-api-key": CLIENT.clientId },
        body: {
          username: "sean",
          private: false,
          name: "Sean Rudford",
          vip: true,
          ids: { slug: "sean" },
          images: { avatar: { full: "https://walter.trakt.tv/images/users/sean.jpg" } },
        },
      },
    },
    expected: {
      id: "trakt:sean",
      name: "Sean Rudford",
      email: null,
      image: "https://walter.trakt.tv/images/users/sean.jpg",
    },
  },
  {
    name: "United Effects (the issuer as the resource parameter)",
    provider: UnitedEffects({ ...CLIENT, issuer: "https://auth.unitedeffects.com/group1" }),
    authorize: "https://auth.unitedeffects.com/group1/auth",
    params: { scope: "openid email profile", resource: "https://auth.unitedeffects.com/group1" },
    oidc: {
      discovery: "https://auth.unitedeffects.com/group1/.well-known/openid-configuration",
      issuer: "https://auth.unitedeffects.com/group1",
      claims: { sub: "ue-user", email: "ada@ue.example" },
    },
    expected: { id: "united-effects:ue-user", name: null, email: "ada@ue.example" },
  },
  {
    name: "Wikimedia (no scope parameter; a numeric sub)",
    provider: Wikimedia(CLIENT),
    authorize: "https://meta.wikimedia.org/w/rest.php/oauth2/authorize",
    params: { scope: null },
    token: "https://meta.wikimedia.org/w/rest.php/oauth2/access_token",
    api: {
      "https://meta.wikimedia.org/w/rest.php/oauth2/resource/profile": {
        sub: 53924384,
        username: "Ada Lovelace",
        editcount: 1815,
        confirmed_email: true,
        blocked: false,
        registered: "20100101000000",
        groups: ["*", "user", "autoconfirmed"],
        rights: ["read", "edit"],
        grants: ["mwoauth-authonlyprivate"],
        realname: "Ada",
        email: "ada@wiki.example",
      },
    },
    expected: { id: "wikimedia:53924384", name: "Ada Lovelace", email: "ada@wiki.example" },
  },
  {
    name: "WordPress.com (numeric ID, avatar_URL; secret in the body)",
    provider: WordPress(CLIENT),
    authorize: "https://public-api.wordpress.com/oauth2/authorize",
    params: { scope: "auth" },
    token: "https://public-api.wordpress.com/oauth2/token",
    tokenResponse: { access_token: ACCESS_TOKEN, token_type: "bearer", blog_id: "0", blog_url: null, scope: "auth" },
    auth: "post",
    api: {
      "https://public-api.wordpress.com/rest/v1/me": {
        ID: 30190014,
        display_name: "Ada Lovelace",
        username: "adalovelace",
        email: "ada@wp.example",
        avatar_URL: "https://0.gravatar.com/avatar/ada",
      },
    },
    expected: {
      id: "wordpress:30190014",
      name: "Ada Lovelace",
      email: "ada@wp.example",
      image: "https://0.gravatar.com/avatar/ada",
    },
  },
  {
    name: "Zoho (numeric ZUID; secret in the body)",
    provider: Zoho(CLIENT),
    authorize: "https://accounts.zoho.com/oauth/v2/auth",
    params: { scope: "AaaServer.profile.Read" },
    token: "https://accounts.zoho.com/oauth/v2/token",
    tokenResponse: {
      access_token: ACCESS_TOKEN,
      token_type: "Bearer",
      expires_in: 3600,
      api_domain: "https://www.zohoapis.com",
    },
    auth: "post",
    api: {
      "https://accounts.zoho.com/oauth/user/info": {
        First_Name: "Ada",
        Email: "ada@zoho.example",
        Last_Name: "Lovelace",
        Display_Name: "ada",
        ZUID: 700000001,
      },
    },
    expected: { id: "zoho:700000001", name: "Ada Lovelace", email: "ada@zoho.example", image: null },
  },
];

describe("next-auth v4's other providers", () => {
  it.each(CASES)("$name", async (test) => {
    await checkSignIn(test);
  });

  it("every new provider module has a sign-in case", () => {
    const covered = new Set(CASES.map((test) => String(test.expected.id).split(":")[0]));
    for (const id of [
      "42-school",
      "azure-ad",
      "azure-ad-b2c",
      "battlenet",
      "boxyhq-saml",
      "bungie",
      "coinbase",
      "duende-identityserver6",
      "eveonline",
      "faceit",
      "foursquare",
      "freshbooks",
      "hubspot",
      "identity-server4",
      "instagram",
      "mailchimp",
      "mailru",
      "medium",
      "netlify",
      "onelogin",
      "osso",
      "osu",
      "passage",
      "patreon",
      "pinterest",
      "pipedrive",
      "todoist",
      "trakt",
      "united-effects",
      "wikimedia",
      "wordpress",
      "zoho",
    ]) {
      expect(covered.has(id), id).toBe(true);
    }
  });

  it("Pipedrive: a token response naming a foreign api_domain does not get the access token sent there", async () => {
    const result = await signInWith({
      name: "pipedrive, foreign api_domain",
      provider: Pipedrive(CLIENT),
      authorize: "https://oauth.pipedrive.com/oauth/authorize",
      token: "https://oauth.pipedrive.com/oauth/token",
      tokenResponse: {
        access_token: ACCESS_TOKEN,
        token_type: "Bearer",
        expires_in: 3599,
        api_domain: "https://attacker.example",
      },
      api: {
        "https://api.pipedrive.com/v1/users/me": {
          success: true,
          data: { id: 5, name: "Eve", email: "eve@example.com" },
        },
      },
      expected: { id: "pipedrive:5" },
    });
    expect(result.requests.some((url) => new URL(url).hostname === "attacker.example")).toBe(false);
    expect(result.api).toEqual(["https://api.pipedrive.com/v1/users/me"]);
    expect(result.user?.id).toBe("pipedrive:5");
  });

  // next-auth v4 turns a provider's URL-only endpoint into { url, params } before merging the
  // app's options, so `authorization: { params }` adds parameters instead of dropping the URL.
  it("an app's authorization.params merge into a provider whose authorization is a bare URL (WorkOS connection)", async () => {
    const result = await checkSignIn({
      name: "workos with a connection",
      provider: WorkOS({ ...CLIENT, authorization: { params: { connection: "conn_01E4ZCR3C56J083X43JQXF3JK5" } } }),
      authorize: "https://api.workos.com/sso/authorize",
      params: { connection: "conn_01E4ZCR3C56J083X43JQXF3JK5" },
      token: "https://api.workos.com/sso/token",
      tokenResponse: {
        access_token: ACCESS_TOKEN,
        token_type: "bearer",
        profile: {
          object: "profile",
          id: "prof_01DMC79VCBZ0NY2099737PSVF1",
          email: "todd@foo-corp.com",
          first_name: "Todd",
        },
      },
      auth: "post",
      expected: { id: "workos:prof_01DMC79VCBZ0NY2099737PSVF1", email: "todd@foo-corp.com" },
    });
    expect(result.authorize.searchParams.get("response_type")).toBe("code");
  });

  // Microsoft's multi-tenant metadata names an issuer template; each ID token's issuer is the
  // template filled with its own tenant id.
  const common = (claims: Record<string, unknown>, tokenIssuer: string): SignInCase => ({
    name: "azure-ad common",
    provider: AzureAD(CLIENT),
    authorize: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
    oidc: {
      discovery: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration?appid=client-id",
      issuer: "https://login.microsoftonline.com/{tenantid}/v2.0",
      tokenIssuer,
      claims,
    },
    api: { "https://graph.microsoft.com/v1.0/me/photos/48x48/$value": { body: new Response(null, { status: 404 }) } },
    expected: { id: "azure-ad:x" },
  });

  it("Azure AD with v4's default tenant (common) signs in: the issuer template is matched against the token's tid", async () => {
    const result = await signInWith(
      common({ sub: "x", tid: TENANT_GUID, name: "Megan" }, `https://login.microsoftonline.com/${TENANT_GUID}/v2.0`),
    );
    expect(result.location).toBe("http://localhost:3000/done");
    expect(result.user).toMatchObject({ id: "azure-ad:x", name: "Megan" });
  });

  it("Azure AD common refuses an ID token whose issuer is not its own tenant's", async () => {
    const other = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    for (const [claims, issuer] of [
      [{ sub: "x", tid: TENANT_GUID }, `https://login.microsoftonline.com/${other}/v2.0`],
      [{ sub: "x" }, "https://login.microsoftonline.com/{tenantid}/v2.0"],
      [{ sub: "x", tid: "../evil" }, "https://login.microsoftonline.com/../evil/v2.0"],
    ] as const) {
      const result = await signInWith(common(claims, issuer));
      expect(result.location, issuer).toBe("http://localhost:3000/api/auth/signin?error=OAuthCallback");
      expect(result.user).toBeUndefined();
    }
  });
});
