// Lists the public exports (every `exports` entry of every published package) that have no TSDoc,
// the functions whose TSDoc lacks an @example, a @param for a named parameter, or a @returns
// when they return something, and the undocumented members of option interfaces (`…Options`):
// `node scripts/check-docs.js` prints them (and exits 1); the test
// packages/core/test/docs.test.ts fails when there is any. Sources are read, never dist/: the
// packages' own names (`@gatehouse/core/...`) resolve to their src/ files, so the result does
// not depend on a build.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Every package under `<root>/packages/` that is published (not `"private": true`). */
function publishedPackages(root) {
  return readdirSync(join(root, "packages"))
    .map((name) => join(root, "packages", name))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ pkg }) => pkg.private !== true);
}

/** `./dist/x.d.ts` → `src/x.ts` (or `src/x.tsx`); undefined for anything that is not types. */
function sourceOf(pkgDir, target) {
  if (typeof target !== "string" || !target.startsWith("./dist/") || !target.endsWith(".d.ts")) return undefined;
  const base = target.replace("./dist/", "src/").replace(/\.d\.ts$/, "");
  if (base.includes("*")) return join(pkgDir, `${base}.ts`);
  return existsSync(join(pkgDir, `${base}.tsx`)) ? join(pkgDir, `${base}.tsx`) : join(pkgDir, `${base}.ts`);
}

/** The `types` target of every entry of a package's `exports` map, as `[subpath, source]`. */
function entryPoints({ dir, pkg }) {
  const out = [];
  const exportsMap = typeof pkg.exports === "string" ? { ".": pkg.exports } : (pkg.exports ?? {});
  for (const [subpath, target] of Object.entries(exportsMap)) {
    const types = typeof target === "string" ? target : (target?.types ?? target?.import?.types);
    const source = sourceOf(dir, types);
    if (source !== undefined) out.push([subpath, source]);
  }
  return out;
}

/** The files behind every entry point, wildcards (`./providers/*`) expanded. */
function entryFiles(entries) {
  const out = new Set();
  for (const [, source] of entries) {
    if (!source.includes("*")) {
      if (!existsSync(source)) throw new Error(`check-docs: ${source} (named in an "exports" map) does not exist`);
      out.add(source);
      continue;
    }
    const [prefix, suffix] = source.split("*");
    const dir = dirname(`${prefix}x`);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (path.startsWith(prefix) && path.endsWith(suffix) && !entry.endsWith(".d.ts")) out.add(path);
    }
  }
  return [...out];
}

/** The `@param` names a TSDoc block documents (`opts.x` and `[x]` count for `opts` and `x`). */
function paramNames(tags) {
  return new Set(
    tags
      .filter((tag) => tag.name === "param")
      .map(
        (tag) =>
          ts
            .displayPartsToString(tag.text)
            .split(/\s/)[0]
            ?.replace(/^\[|\]$/g, "")
            .split(/[.=]/)[0],
      ),
  );
}

/** The function a declaration is, if it is one (`function f`, `const f = () =>`, `const f = function`). */
function functionOf(declaration) {
  if (ts.isFunctionDeclaration(declaration)) return declaration;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined) {
    const init = declaration.initializer;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

/**
 * Whether an export is settings an app writes (`…Options`, `…Config`, `…Params`, `…Props`,
 * `…Input`, but not the `Resolved…` shapes core makes): each of its members needs TSDoc too,
 * with its `@default` where it has one.
 */
function isSettings(symbol) {
  if (!(symbol.flags & ts.SymbolFlags.Interface)) return false;
  const name = symbol.getName();
  return /(Options|Config|Params|Props|Input)$/.test(name) && !name.startsWith("Resolved");
}

/**
 * `[{ file, name, problem }]` for every undocumented public export of the packages under
 * `<root>/packages/` (this repository by default); `file` is relative to `root`.
 */
export function undocumented(root = ROOT) {
  const packages = publishedPackages(root);
  const paths = {};
  const files = [];
  for (const entry of packages) {
    const entries = entryPoints(entry);
    files.push(...entryFiles(entries));
    for (const [subpath, source] of entries) paths[entry.pkg.name + subpath.slice(1)] = [source];
  }
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.ReactJSX,
    paths,
    allowJs: false,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const problems = [];
  const seen = new Set();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source === undefined) continue;
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (declaration === undefined) continue;
      const where = declaration.getSourceFile().fileName;
      if (where.includes("/node_modules/")) continue;
      if (where.includes("/dist/"))
        throw new Error(`check-docs: ${where} was read instead of its source; map its package in "paths"`);
      const key = `${where}#${symbol.getName()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rel = relative(root, where);
      const name = symbol.getName() === "default" ? `${exported.getName()} (default)` : exported.getName();
      const report = (problem) => problems.push({ file: rel, name, problem });
      const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      if (docs === "") {
        report("no TSDoc summary");
        continue;
      }
      if (isSettings(symbol)) {
        for (const member of symbol.members?.values() ?? []) {
          if (!(member.flags & (ts.SymbolFlags.Property | ts.SymbolFlags.Method))) continue;
          const text = ts.displayPartsToString(member.getDocumentationComment(checker)).trim();
          if (text === "" && member.getJsDocTags(checker).length === 0)
            report(`no TSDoc on member ${member.getName()}`);
        }
      }
      const fn = functionOf(declaration);
      if (fn === undefined) continue;
      const tags = symbol.getJsDocTags(checker);
      const has = (tag) => tags.some((t) => t.name === tag);
      if (!has("example")) report("no @example");
      const documented = paramNames(tags);
      for (const parameter of fn.parameters) {
        const param = parameter.name.getText();
        // Destructured and `_`-prefixed parameters have no name to document; a feature client
        // function's `kit: ClientKit` is bound away by gatehouse/react (ClientKit documents it).
        if (!ts.isIdentifier(parameter.name) || param.startsWith("_")) continue;
        if (parameter.type?.getText() === "ClientKit") continue;
        if (!documented.has(param)) report(`no @param ${param}`);
      }
      const signature = checker.getSignatureFromDeclaration(fn);
      const returns =
        signature === undefined ? "void" : checker.typeToString(checker.getReturnTypeOfSignature(signature));
      if (!/^(void|Promise<void>|never)$/.test(returns) && !has("returns")) report("no @returns");
    }
  }
  return problems;
}

// `node scripts/check-docs.js [--json] [root]`: one line per problem and a count, or (--json) the
// list as JSON; exits 1 when there is any problem.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const problems = undocumented(args.find((arg) => !arg.startsWith("--")) ?? ROOT);
  if (args.includes("--json")) console.log(JSON.stringify(problems));
  else {
    for (const { file, name, problem } of problems) console.log(`${file}: ${name}: ${problem}`);
    console.log(`${problems.length} undocumented export(s)`);
  }
  if (problems.length > 0) process.exitCode = 1;
}
