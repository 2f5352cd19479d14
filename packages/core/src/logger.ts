/** `@gatehouse/core/logger`: the logger core uses, on its own (small, for the Edge and the client). */
export { createLogger, redact } from "./lib/logger.js";
