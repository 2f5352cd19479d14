// next-auth v4's middleware: protect the matched paths. (`export { default } from
// "next-auth/middleware"` is v4's one-liner, but Next 16 must see the function in this file.)
import { withAuth } from "next-auth/middleware";

export default withAuth({});

export const config = { matcher: ["/me"] };
