// Generates the Prisma client for prisma/schema.prisma into dist/prisma (not committed: a
// generated client belongs to one Prisma version). `npm run build` runs this. Generating needs
// no engine, but Prisma's CLI downloads its schema engine before any command unless one is
// named: /bin/false keeps it offline.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", CHECKPOINT_DISABLE: "1" };
const schema = fileURLToPath(new URL("schema.prisma", import.meta.url));
try {
  execFileSync(process.execPath, [cli, "generate", "--schema", schema], { env, stdio: "pipe" });
} catch (error) {
  process.stderr.write(`${error.stdout}${error.stderr}`);
  process.exit(1);
}
