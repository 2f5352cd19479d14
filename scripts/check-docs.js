// Lists the public exports (every `exports` entry of every published package) that have no TSDoc,
// and functions without an @example: `node scripts/check-docs.js` prints them; the test
// packages/core/test/docs.test.ts fails when there is any.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGES = [
  "core",
  "gatehouse",
  "adapter-sql",
  "adapter-sqlite",
  "adapter-postgres",
  "adapter-mysql",
  "adapter-redis",
  "adapter-prisma",
];

function entryFiles(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  const out = new Set();
  const visit = (value) => {
    if (typeof value === "string") {
      if (!value.startsWith("./dist/") || !value.endsWith(".d.ts")) return;
      const source = value.replace("./dist/", "src/").replace(/\.d\.ts$/, ".ts");
      if (!source.includes("*")) {
        out.add(join(pkgDir, source));
        return;
      }
      const [prefix, suffix] = source.split("*");
      const dir = join(pkgDir, dirname(prefix + "x"));
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir)) if (entry.endsWith(suffix)) out.add(join(dir, entry));
    } else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(pkg.exports ?? {});
  return [...out];
}

/** `[{ file, name, problem }]` for every undocumented public export. */
export function undocumented() {
  const files = PACKAGES.flatMap((name) => entryFiles(join(ROOT, "packages", name)));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
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
      if (where.includes("node_modules")) continue;
      const key = `${where}#${symbol.getName()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rel = where.slice(ROOT.length + 1);
      const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      if (docs === "") {
        problems.push({ file: rel, name: exported.getName(), problem: "no TSDoc summary" });
        continue;
      }
      const isFunction =
        ts.isFunctionDeclaration(declaration) ||
        (ts.isVariableDeclaration(declaration) &&
          declaration.initializer !== undefined &&
          (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer)));
      if (isFunction) {
        const tags = symbol.getJsDocTags(checker);
        const has = (name) => tags.some((tag) => tag.name === name);
        if (!has("example")) problems.push({ file: rel, name: exported.getName(), problem: "no @example" });
        const fn = ts.isFunctionDeclaration(declaration) ? declaration : declaration.initializer;
        const params = fn.parameters.map((parameter) => parameter.name.getText());
        const documented = new Set(
          tags
            .filter((tag) => tag.name === "param")
            .map(
              (tag) =>
                ts
                  .displayPartsToString(tag.text)
                  .split(/\s/)[0]
                  ?.replace(/^\[|\]$/g, "")
                  .split(".")[0],
            ),
        );
        for (const param of params) {
          if (!param.startsWith("{") && !param.startsWith("_") && !documented.has(param))
            problems.push({ file: rel, name: exported.getName(), problem: `no @param ${param}` });
        }
        const signature = checker.getSignatureFromDeclaration(fn);
        const returns =
          signature === undefined ? "void" : checker.typeToString(checker.getReturnTypeOfSignature(signature));
        if (!/^(void|Promise<void>)$/.test(returns) && !has("returns"))
          problems.push({ file: rel, name: exported.getName(), problem: "no @returns" });
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = undocumented();
  for (const { file, name, problem } of problems) console.log(`${file}: ${name}: ${problem}`);
  console.log(`${problems.length} undocumented export(s)`);
}
