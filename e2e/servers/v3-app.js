// The next-auth v3 app (e2e/v3-app), built inside the install servers/pages-app.js made just
// before, so it costs one small Next build and no npm install: next, react and the packed
// gatehouse (as next-auth) come from that folder's node_modules. Its v3 custom OAuth provider
// signs in at a local OpenID provider of its own (v3 sent the client secret in the token
// request's body: client_secret_post).
import { cpSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startIdp } from "@gatehouse/local-idp";
import { E2E_SECRET, root, run, serve } from "./common.js";

const port = Number(process.env.V3_PORT ?? 3215);
const idpPort = Number(process.env.E2E_V3_IDP_PORT ?? 3312);
const pagesApp = join(tmpdir(), "gatehouse-e2e", "pages-app");
if (!existsSync(join(pagesApp, "node_modules", "next-auth", "package.json"))) {
  throw new Error(
    "[e2e] the v3 app builds inside the pages-app install: run servers/pages-app.js first (the suite does).",
  );
}
const app = join(pagesApp, "v3-app");
rmSync(app, { recursive: true, force: true });
cpSync(join(root, "e2e/v3-app"), app, { recursive: true });

const idp = await startIdp({
  port: idpPort,
  clients: [
    {
      client_id: "v3-app",
      client_secret: "v3-app-local-secret",
      token_endpoint_auth_method: "client_secret_post",
      redirect_uris: [`http://127.0.0.1:${port}/api/auth/callback/localidp`],
      grant_types: ["authorization_code"],
    },
  ],
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void idp.close());

const env = {
  NEXTAUTH_SECRET: E2E_SECRET,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  // The v3 docs' TypeORM-style string.
  DATABASE_URL: "sqlite://localhost/:memory:?synchronize=true",
  EMAIL_SERVER: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 3325}`,
  EMAIL_FROM: "V3 App <noreply@v3-app.test>",
  LOCAL_IDP_ISSUER: idp.issuer,
  LOCAL_IDP_ID: "v3-app",
  LOCAL_IDP_SECRET: "v3-app-local-secret",
};
const nextBin = join(pagesApp, "node_modules/next/dist/bin/next");
run("building the next-auth v3 example", process.execPath, [nextBin, "build"], { cwd: app, env });
serve(app, nextBin, port, env);
