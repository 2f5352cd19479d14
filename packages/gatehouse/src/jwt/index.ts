/** `gatehouse/jwt`: next-auth v4's `encode`, `decode` and `getToken`. */
export { decode, encode } from "@gatehouse/core/jwt";
export { getToken } from "./get-token.js";
export type { DefaultJWT, GetTokenParams, JWT, JWTDecodeParams, JWTEncodeParams, TokenRequest } from "./types.js";
