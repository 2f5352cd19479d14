/**
 * Shared by the built-in provider definitions: the factory shape next-auth v4 uses (the
 * provider's defaults, with the app's options kept aside under `options` and merged over them
 * once, deeply, at configuration), and small helpers for provider quirks.
 */
import type {
  AnyProfile,
  OAuthConfig,
  OAuthFields,
  OAuthUserConfig,
  PartialOAuthUserConfig,
  UserinfoContext,
} from "../../provider-types.js";

/** Builds a provider: `defaults` with the app's `options` kept for the merge. */
export function defineProvider<P extends AnyProfile>(
  defaults: Omit<OAuthFields<P>, "clientId" | "options"> & Record<string, unknown>,
  options: OAuthUserConfig<P> | PartialOAuthUserConfig<P>,
): OAuthConfig<P> {
  // A missing clientId stays missing: resolving the provider then fails only it, naming the option.
  return { ...defaults, clientId: options.clientId as string, options: options as OAuthUserConfig<P> };
}

/** GETs JSON from a provider API with the access token, failing on any non-2xx answer. */
export async function fetchJson<T>(
  context: UserinfoContext,
  url: string,
  init: RequestInit & { scheme?: string } = {},
): Promise<T> {
  const { scheme = "Bearer", ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set("authorization", `${scheme} ${context.tokens.access_token ?? ""}`);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  const response = await context.fetch(url, { ...rest, headers });
  if (!response.ok) throw new Error(`${new URL(url).host} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The userinfo URL a provider was given (or discovered). */
export function userinfoUrl(context: UserinfoContext, fallback: string): string {
  return context.provider.userinfoUrl ?? fallback;
}
