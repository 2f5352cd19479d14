/** `GET dev-mailbox`: development only — the mail that had no server to go to. */
import { fail } from "../../lib/http/fail.js";
import { html } from "../../lib/html.js";
import { DEV_MAILBOX } from "../../lib/mail/dev-mailbox.js";
import type { Route } from "../feature.js";

export const devMailboxRoute: Route = {
  provider: "none",
  GET(state) {
    if (state.config.environment === "production")
      return Promise.resolve(fail(state, { status: 404, code: "NotFound", json: false }));
    const messages = [...state.runtime.slot(DEV_MAILBOX).messages].reverse();
    const body = html`<h1 id="title">Development mailbox</h1>
<p class="lead">Sign-in emails sent without an SMTP server (development only).</p>
${
  messages.length === 0
    ? html`<p>No messages yet. Sign in with your email address and the link appears here.</p>`
    : html`<div class="stack">${messages.map(
        (message) =>
          html`<div class="field"><span><strong>${message.to}</strong> · ${message.at.toISOString()}</span><a href="${message.url}" data-dev-link>Open the ${message.subject.toLowerCase()}</a></div>`,
      )}</div>`
}`;
    return state.runtime.pages.page(state, { title: "Development mailbox", body, status: 200 });
  },
};
