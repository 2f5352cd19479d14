// The whole life of a password account in Chromium again, on the HTTPS demo, whose database is
// PostgreSQL (e2e/servers/demo-https.js; SQLite only where there is no PostgreSQL, never under CI).
import { test } from "@playwright/test";
import { passwordLife } from "./password-life.js";
import { startMailSink, type MailSink } from "./mail-sink.js";

const APP = "https://localhost:3212";
test.use({ ignoreHTTPSErrors: true });

let sink: MailSink;
test.beforeAll(async () => {
  sink = await startMailSink();
});
test.afterAll(async () => {
  await sink.close();
});

test("the whole life of a password account in Chromium, on PostgreSQL over HTTPS", async ({
  page,
  context,
  browser,
}) => {
  await passwordLife({ page, context, browser }, APP, sink);
});
