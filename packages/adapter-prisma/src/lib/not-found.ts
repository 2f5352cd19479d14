/** Prisma's code for "a record the operation needs was not found" (`delete`/`update` by a unique key). */
const RECORD_NOT_FOUND = "P2025";

/** Resolves with the query's result, or `null` where Prisma rejects it for a missing record. */
export async function orNull<T>(query: PromiseLike<T>): Promise<T | null> {
  try {
    return await query;
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error && error.code === RECORD_NOT_FOUND) return null;
    throw error;
  }
}
