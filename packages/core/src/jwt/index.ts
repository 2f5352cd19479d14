export { decode } from "./decode.js";
export { encode } from "./encode.js";
export type { JWT, JWTDecodeParams, JWTEncodeParams } from "../types.js";
