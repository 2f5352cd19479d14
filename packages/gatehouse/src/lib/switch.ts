/**
 * `npx gatehouse switch`: turns a next-auth v4 app's package.json into one that runs on
 * Gatehouse, in the two changes npm needs:
 *
 * 1. `"next-auth": "npm:gatehouse@^<version>"` — the alias, so every `next-auth/*` import
 *    resolves to Gatehouse;
 * 2. `"overrides": { "next-auth": "$next-auth" }` — so packages that declare a peer
 *    `next-auth@^4` (`@next-auth/prisma-adapter` and the other v4 adapters) accept the alias:
 *    without it a plain `npm install` stops with ERESOLVE (Gatehouse's version is not 4.x).
 *
 * The text is rewritten with the file's own indentation and line endings, keys in their order;
 * running it again changes nothing.
 */

/** One change made to package.json, for the report. */
export interface SwitchChange {
  /** The field, e.g. `dependencies.next-auth`. */
  field: string;
  from: string | null;
  to: string;
}

/** What {@link switchManifest} did. */
export type SwitchResult = { ok: true; text: string; changes: SwitchChange[] } | { ok: false; problem: string };

type Manifest = Record<string, unknown>;

const SECTIONS = ["dependencies", "devDependencies"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The file's indentation (what its first indented line uses), else two spaces. */
function indentOf(text: string): string | number {
  const match = /^[{[][^\S\r\n]*\r?\n([ \t]+)\S/.exec(text);
  return match?.[1] ?? 2;
}

/**
 * Rewrites the text of a package.json for Gatehouse.
 * @param text - the file as read.
 * @param spec - the alias to install, e.g. `npm:gatehouse@^0.1.0`.
 * @returns the new text and what changed, or the problem that stops it (not JSON, no next-auth).
 * @example
 * ```ts
 * const result = switchManifest(readFileSync("package.json", "utf8"), "npm:gatehouse@^0.1.0")
 * ```
 */
export function switchManifest(text: string, spec: string): SwitchResult {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, problem: `package.json is not valid JSON (${(error as Error).message}).` };
  }
  if (!isRecord(manifest)) return { ok: false, problem: "package.json is not a JSON object." };
  const pkg: Manifest = manifest;
  const section = SECTIONS.find((name) => isRecord(pkg[name]) && typeof pkg[name]["next-auth"] === "string");
  if (section === undefined) {
    return {
      ok: false,
      problem:
        'package.json has no "next-auth" dependency to switch. For a new app: npm install gatehouse, and import from "gatehouse".',
    };
  }

  const changes: SwitchChange[] = [];
  const deps = pkg[section] as Record<string, string>;
  const current = deps["next-auth"] as string;
  const [, target] = /^npm:([^@]+|@[^@]+)@/.exec(spec) ?? [];
  // Already an alias of Gatehouse (whatever its version): keep it.
  if (!current.startsWith(`npm:${target ?? spec}@`)) {
    deps["next-auth"] = spec;
    changes.push({ field: `${section}.next-auth`, from: current, to: spec });
  }

  const overrides = isRecord(pkg.overrides) ? pkg.overrides : {};
  const existing = overrides["next-auth"];
  if (isRecord(existing)) {
    // Overrides for next-auth's own dependencies stay; "." is next-auth itself.
    if (existing["."] !== "$next-auth") {
      changes.push({
        field: "overrides.next-auth.",
        from: typeof existing["."] === "string" ? existing["."] : null,
        to: "$next-auth",
      });
      existing["."] = "$next-auth";
    }
  } else if (existing !== "$next-auth") {
    changes.push({
      field: "overrides.next-auth",
      from: typeof existing === "string" ? existing : null,
      to: "$next-auth",
    });
    overrides["next-auth"] = "$next-auth";
  }
  pkg.overrides = overrides;

  if (changes.length === 0) return { ok: true, text, changes };
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const body = JSON.stringify(pkg, null, indentOf(text)).replace(/\n/g, newline);
  return { ok: true, text: `${body}${newline}`, changes };
}
