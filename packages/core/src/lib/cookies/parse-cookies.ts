/**
 * Reads a `Cookie` request header (RFC 6265 §5.4) into a map. The first occurrence of a name
 * wins, as browsers send the most specific cookie first. Malformed pairs are skipped; values are
 * unquoted and percent-decoded when they decode.
 *
 * @param header - The `Cookie` header, or `null` when the request has none.
 * @returns Cookie name to value (empty for no header).
 *
 * @example
 * ```ts
 * parseCookies(request.headers.get("cookie")).get("next-auth.session-token");
 * ```
 */
export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (header === null || header.length === 0) return cookies;
  let start = 0;
  while (start < header.length) {
    let end = header.indexOf(";", start);
    if (end === -1) end = header.length;
    const eq = header.indexOf("=", start);
    if (eq !== -1 && eq < end) {
      const name = header.slice(start, eq).trim();
      if (name.length > 0 && !cookies.has(name)) cookies.set(name, decodeValue(header.slice(eq + 1, end).trim()));
    }
    start = end + 1;
  }
  return cookies;
}

function decodeValue(raw: string): string {
  const value = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
