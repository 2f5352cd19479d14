/** A huge profile, as a real directory sends one: what the IdP is configured to release. */

/** ~30 KB of group names, as a directory with many groups sends them. */
export const GROUPS = Array.from({ length: 600 }, (_, i) => `group-${String(i).padStart(4, "0")}-${"x".repeat(40)}`);

/** A photo as a data: URL (Azure AD's provider keeps Graph's photo this way), ~20 KB. */
export const PHOTO = `data:image/jpeg;base64,${"A".repeat(20_000)}`;
