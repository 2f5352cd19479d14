export { decode } from "./decode.js";
export { encode } from "./encode.js";
export { isSignedOut } from "./revocations.js";
export { ConfigError } from "../errors.js";
export type { EphemeralStore, JWT, JWTDecodeParams, JWTEncodeParams } from "../types.js";
