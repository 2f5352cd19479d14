/** The four models of next-auth's Prisma schema. */
export type ModelName = "User" | "Account" | "Session" | "VerificationToken";

/** The part of Prisma's runtime data model (a client's `_runtimeDataModel`) the adapter reads. */
export interface RuntimeDataModel {
  models: Record<string, { fields: readonly { name: string; kind: string }[] } | undefined>;
}

/** The next-auth schema's columns, for a client that exposes no data model. */
const NEXT_AUTH_COLUMNS: Record<ModelName, readonly string[]> = {
  User: ["id", "name", "email", "emailVerified", "image"],
  Account: [
    "id",
    "userId",
    "type",
    "provider",
    "providerAccountId",
    "refresh_token",
    "access_token",
    "expires_at",
    "token_type",
    "scope",
    "id_token",
    "session_state",
  ],
  Session: ["id", "sessionToken", "userId", "expires"],
  VerificationToken: ["identifier", "token", "expires"],
};

/** The columns (scalar fields) of each model, from the client's data model when it has one. */
export type Columns = Record<ModelName, ReadonlySet<string>>;

/**
 * Reads the columns of each model once, so the adapter writes only what the schema has: the
 * tutorial's `Session` lacks Gatehouse's `createdAt`, `lastSeenAt` and `userAgent`, and its
 * `Account` lacks OAuth 1's `oauth_token`. Prisma 7 exposes the data model at run time only as
 * the client's `_runtimeDataModel` (`Prisma.dmmf` is gone from the `prisma-client` generator).
 */
export function readColumns(dataModel: RuntimeDataModel | undefined): Columns {
  const columns = (model: ModelName): ReadonlySet<string> => {
    const fields = dataModel?.models[model]?.fields;
    if (fields === undefined) return new Set(NEXT_AUTH_COLUMNS[model]);
    return new Set(fields.filter((field) => field.kind === "scalar").map((field) => field.name));
  };
  return {
    User: columns("User"),
    Account: columns("Account"),
    Session: columns("Session"),
    VerificationToken: columns("VerificationToken"),
  };
}

/** The entries of `data` the model has a column for (and that are not `undefined`). */
export function pick(data: object, columns: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => columns.has(key) && value !== undefined));
}
