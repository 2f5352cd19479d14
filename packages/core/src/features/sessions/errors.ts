/** Session management's JSON error codes (no page of their own). */
import type { ErrorCode, ErrorText } from "../../errors.js";

export const SESSIONS_ERRORS = {
  SessionManagementUnavailable: {},
  UnknownSession: {},
} as const satisfies Partial<Record<ErrorCode, ErrorText>>;
