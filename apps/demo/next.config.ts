import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The monorepo root: Turbopack must see the workspace packages that node_modules links to.
const root = fileURLToPath(new URL("../..", import.meta.url));

const config: NextConfig = {
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
};

export default config;
