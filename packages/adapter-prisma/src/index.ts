/**
 * `@gatehouse/adapter-prisma`: Gatehouse over Prisma, on next-auth's Prisma schema —
 * `PrismaAdapter(prisma)`.
 */
export { PrismaAdapter, type PrismaClientLike } from "./prisma-adapter.js";
export type { RuntimeDataModel } from "./lib/data-model.js";
