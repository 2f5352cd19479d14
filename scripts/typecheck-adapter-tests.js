// Type-checks every adapter's test folder (each has its own tsconfig.json, for the linter too).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const tsc = "node_modules/typescript/bin/tsc";
for (const name of readdirSync("packages").filter((dir) => dir.startsWith("adapter-"))) {
  const project = `packages/${name}/test`;
  if (existsSync(`${project}/tsconfig.json`))
    execFileSync(process.execPath, [tsc, "-p", project], { stdio: "inherit" });
}
