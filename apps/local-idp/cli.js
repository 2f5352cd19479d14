#!/usr/bin/env node
// `gatehouse-local-idp`: the demo's local OpenID provider on 127.0.0.1:3300, with one client
// for the demo app (LOCAL_IDP_APP_URL, default http://127.0.0.1:3000).
import { startIdp } from "./index.js";

const app = (process.env.LOCAL_IDP_APP_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
// The demo answers on 127.0.0.1 and on localhost; register both spellings.
const apps = [app, app.replace("//127.0.0.1:", "//localhost:")];
const port = Number(process.env.LOCAL_IDP_PORT ?? 3300);
const idp = await startIdp({
  port,
  clients: [
    {
      client_id: "gatehouse-demo",
      client_secret: "gatehouse-demo-local-secret",
      redirect_uris: apps.map((base) => `${base}/api/auth/callback/local`),
      post_logout_redirect_uris: apps.map((base) => `${base}/`),
      grant_types: ["authorization_code", "refresh_token"],
    },
  ],
});
console.log(`Local IdP: ${idp.issuer} (any login name signs in)`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void idp.close().then(() => process.exit(0)));
