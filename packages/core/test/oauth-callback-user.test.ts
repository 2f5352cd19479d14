// Sign in with Apple posts the user's name once, as a JSON `user` field beside the code: text
// from the browser, not from the IdP. Only Apple's definition takes it into the profile; added to
// any other provider's callback, it must not reach the profile the app's callbacks see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Profile, Provider } from "../src/index.js";
import Apple from "../src/providers/apple.js";
import { AUTH, BASE, Jar, makeAuth } from "./helpers.js";
import { beginSignIn, finish, loginAtIdp, startTestIdp, type TestIdp } from "./oauth/harness.js";

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp({
    clients: [
      {
        client_id: "apple",
        client_secret: "apple-secret",
        token_endpoint_auth_method: "client_secret_post",
        redirect_uris: [`${AUTH}/callback/apple`],
        grant_types: ["authorization_code"],
      },
    ],
  });
});
afterAll(async () => {
  await idp.close();
});

const NAME = JSON.stringify({ name: { firstName: "Mallory", lastName: "Injected" }, email: "mallory@example.com" });

/** A form_post sign-in with a `user` field added to the IdP's post; returns the profile the app saw. */
async function signInWithUserField(
  provider: Provider,
): Promise<{ location: string | null; profile?: Profile; name?: unknown }> {
  let profile: Profile | undefined;
  let name: unknown;
  const auth = makeAuth({
    providers: [provider],
    callbacks: {
      signIn: (params) => {
        profile = params.profile;
        name = params.user.name;
        return true;
      },
    },
  });
  const jar = new Jar();
  const back = await loginAtIdp(await beginSignIn(auth, provider.id, jar), "grace");
  if (back.method !== "POST") throw new Error("expected a form_post");
  back.fields.user = NAME;
  const response = await finish(auth, back, jar);
  return { location: response.headers.get("location"), name, ...(profile === undefined ? {} : { profile }) };
}

describe("the callback's user field", () => {
  it("does not reach the profile of a provider other than Apple", async () => {
    const { location, profile, name } = await signInWithUserField({
      id: "local",
      name: "Local",
      type: "oidc",
      issuer: idp.issuer,
      clientId: "local",
      clientSecret: "local-secret",
      authorization: { params: { response_mode: "form_post" } },
    });
    expect(location).toBe(`${BASE}/after`);
    expect(profile).toMatchObject({ sub: "grace" });
    expect(profile?.user).toBeUndefined();
    expect(name).toBe("grace");
  });

  it("reaches Apple's profile (and its mapped name), as Apple sends it on the first sign-in", async () => {
    const { location, profile, name } = await signInWithUserField(
      Apple({
        clientId: "apple",
        clientSecret: "apple-secret",
        issuer: idp.issuer,
        authorization: { params: { scope: "openid email" } },
      }),
    );
    expect(location).toBe(`${BASE}/after`);
    expect(profile?.user).toEqual(JSON.parse(NAME));
    expect(name).toBe("Mallory Injected");
  });
});
