/**
 * `gatehouse/adapters`: the adapter contract (a superset of next-auth v4's `Adapter`, so an
 * adapter written for next-auth plugs in unchanged), and {@link databaseAdapter}, the adapter the
 * `database` option builds from a connection URL.
 */
export type {
  Adapter,
  AdapterAccount,
  AdapterSession,
  AdapterUser,
  AtomicUserAdapter,
  DatabaseAdapter,
  SessionAdapter,
  SessionManagementAdapter,
  UserAdapter,
  VerificationAdapter,
  VerificationToken,
} from "@gatehouse/core";
export { databaseAdapter } from "./lib/database.js";
