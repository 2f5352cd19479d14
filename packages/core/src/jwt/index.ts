export { decode } from "./decode.js";
export { encode } from "./encode.js";
export { ConfigError } from "../errors.js";
export type { JWT, JWTDecodeParams, JWTEncodeParams } from "../types.js";
