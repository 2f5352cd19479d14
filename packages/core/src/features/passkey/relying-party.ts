/**
 * Who the relying party is: its id (a host name), its name, and the one origin a ceremony may
 * come from — all from the configured URL (`url`, NEXTAUTH_URL / AUTH_URL), never from the
 * request's `Host`, so a forged Host header cannot make a passkey for another site verify here
 * (WebAuthn §7.1 steps 9 and 13, §7.2 steps 13 and 15).
 */
import { ConfigError } from "../../errors.js";
import type { ResolvedConfig } from "../../lib/config/resolved-config.js";
import type { ResolvedPasskeyProvider } from "../../provider-types.js";

/** The relying party of one provider. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

/**
 * Works out the relying party.
 * @throws {ConfigError} `MissingUrl` without a configured URL; `InvalidProvider` when
 *   `relyingPartyId` is not the URL's host name or a suffix of it.
 */
export function relyingParty(config: ResolvedConfig, provider: ResolvedPasskeyProvider): RelyingParty {
  const { url } = config;
  if (url === null) {
    throw new ConfigError(
      "MissingUrl",
      `Passkeys take the relying party id and origin from the site's URL, never from the Host header: set \`url\` (NEXTAUTH_URL or AUTH_URL in Next.js) for provider "${provider.id}".`,
    );
  }
  const host = url.hostname;
  if (/^\[|^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    throw new ConfigError(
      "InvalidOption",
      `Passkeys need a domain name, and the configured URL's host is an IP address (${host}); browsers refuse WebAuthn there. Use \`url: "http://localhost:…"\` in development.`,
    );
  }
  const id = provider.relyingPartyId ?? host;
  if (id !== host && !host.endsWith(`.${id}`)) {
    throw new ConfigError(
      "InvalidProvider",
      `Provider "${provider.id}": \`relyingPartyId\` "${id}" must be the configured URL's host name (${host}) or a domain it belongs to.`,
    );
  }
  return { id, name: provider.relyingPartyName ?? url.host, origin: url.origin };
}
