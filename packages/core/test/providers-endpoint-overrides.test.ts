// next-auth v4 turns a provider's URL-string endpoints into `{ url, params }` before it merges an
// app's options in, so an app can add `token.params` or `userinfo.params` to a built-in provider
// without losing the endpoint's URL; and `userinfo.params` go in the userinfo request's query.
import { describe, expect, it } from "vitest";
import Discord from "../src/providers/discord.js";
import Facebook from "../src/providers/facebook.js";
import { CLIENT, checkSignIn, signInWith } from "./provider-signin.js";

describe("an app's endpoint overrides of a built-in provider", () => {
  it("token: { params } joins the definition's token URL instead of replacing it", async () => {
    const result = await signInWith({
      name: "Discord with token params",
      provider: Discord({ ...CLIENT, token: { params: { audience: "my-api" } } }),
      authorize: "https://discord.com/oauth2/authorize",
      token: "https://discord.com/api/oauth2/token",
      api: {
        "https://discord.com/api/users/@me": {
          id: "8035",
          username: "nelly",
          global_name: "Nelly",
          discriminator: "0",
          avatar: null,
          email: "nelly@discord.example",
        },
      },
      expected: { id: "discord:8035" },
    });
    expect(result.location).toBe("http://localhost:3000/done");
    expect(result.tokenRequest?.url).toBe("https://discord.com/api/oauth2/token");
    const form = new URLSearchParams(await (result.tokenRequest as Request).text());
    expect(form.get("audience")).toBe("my-api");
    expect(form.get("grant_type")).toBe("authorization_code");
  });

  it("userinfo: { params } reach the userinfo request's query, over the definition's own", async () => {
    await checkSignIn({
      name: "Facebook asking for more fields",
      provider: Facebook({ ...CLIENT, userinfo: { params: { fields: "id,name,email,picture,birthday" } } }),
      authorize: "https://www.facebook.com/v19.0/dialog/oauth",
      token: "https://graph.facebook.com/v19.0/oauth/access_token",
      api: {
        "https://graph.facebook.com/me?fields=id%2Cname%2Cemail%2Cpicture%2Cbirthday": {
          id: "10158",
          name: "Ada L",
          email: "ada@fb.example",
          birthday: "12/10/1815",
        },
      },
      expected: { id: "facebook:10158", name: "Ada L" },
    });
  });
});
