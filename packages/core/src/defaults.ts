/** `@gatehouse/core/defaults`: every default, on its own (no other code comes with it). */
export { DEFAULT_BASE_PATH, DEFAULT_COOKIE_PREFIX, DEFAULTS } from "./lib/config/defaults.js";
export { systemClock } from "./lib/clock.js";
