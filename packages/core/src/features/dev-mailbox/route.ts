/**
 * `GET dev-mailbox`: the mail that had no server to go to — live sign-in links, so only in an
 * explicit development environment, and only for a browser on this machine. Everywhere else
 * (production, test, another machine) the route does not exist: a 404.
 */
import { fail } from "../../lib/http/fail.js";
import { isLoopbackAddress, parseIpAddress } from "../../lib/http/ip-address.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { html } from "../../lib/html.js";
import { DEV_MAILBOX } from "../../lib/mail/dev-mailbox.js";
import type { Route } from "../feature.js";

export const devMailboxRoute: Route = {
  provider: "none",
  GET(state) {
    if (state.config.environment !== "development" || !fromThisMachine(state))
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

function loopback(raw: string): boolean {
  const address = parseIpAddress(raw);
  return address !== null && isLoopbackAddress(address);
}

/**
 * Whether the request comes from this machine: the connection's address when the integration
 * gives one. Without it (Next.js App Router route handlers get none) the request must be
 * addressed to a loopback host, and every X-Forwarded-For / Forwarded entry — Next.js's server
 * adds the socket's address there — must be loopback too.
 */
function fromThisMachine(state: RequestState): boolean {
  const peer = state.context.clientAddress;
  if (peer !== undefined) return loopback(peer);
  const host = state.url.hostname.replace(/^\[|\]$/g, "");
  if (host !== "localhost" && !loopback(host)) return false;
  const forwarded = (state.request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const named = [...(state.request.headers.get("forwarded") ?? "").matchAll(/for="?([^";,]+)"?/gi)].map(
    (match) => match[1] as string,
  );
  return [...forwarded, ...named].every(loopback);
}
