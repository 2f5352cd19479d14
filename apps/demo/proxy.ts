// Next 16's proxy (formerly middleware): an optimistic check that keeps signed-out visitors
// out of /members. The page checks the session again itself; middleware is never the only guard.
import { withAuth } from "gatehouse/middleware";

export default withAuth({ pages: { signIn: "/login" } });

export const config = { matcher: ["/members/:path*"] };
