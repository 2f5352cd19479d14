/**
 * Every request to an identity provider goes through here: the configured `fetch`, a timeout,
 * and a cap on the response size, so an IdP that is slow or sends too much costs a bounded
 * amount and ends in a clean error.
 */
import { AuthError } from "../../errors.js";
import { DEFAULTS } from "../../lib/config/defaults.js";

/** Responses larger than this are refused. */
export const MAX_IDP_RESPONSE_BYTES = DEFAULTS.oauth.maxResponseBytes;

/** An IdP request that failed for a reason worth logging (never shown to users). */
function requestFailed(message: string, options?: { cause?: unknown }): AuthError {
  return new AuthError("IdpRequestFailed", message, options);
}

/** A `fetch` bound to one provider's limits. */
export function idpFetch(base: typeof fetch, timeoutMs: number, maxBytes = MAX_IDP_RESPONSE_BYTES): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    let response: Response;
    try {
      response = await base(input, { ...init, signal });
    } catch (error) {
      throw requestFailed(
        timeout.aborted ? `${url} did not answer within ${timeoutMs} ms` : `${url} could not be reached`,
        { cause: error },
      );
    }
    const length = Number(response.headers.get("content-length") ?? 0);
    if (length > maxBytes) throw requestFailed(`${url} answered with ${length} bytes, over the ${maxBytes}-byte cap`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body !== null) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw requestFailed(`${url} sent more than ${maxBytes} bytes`);
          }
          chunks.push(value);
        }
      } catch (error) {
        if (error instanceof AuthError) throw error;
        throw requestFailed(
          timeout.aborted ? `${url} did not finish within ${timeoutMs} ms` : `${url} broke off its response`,
          { cause: error },
        );
      }
    }
    const body = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const nullBody = response.status === 204 || response.status === 304;
    return new Response(nullBody ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
