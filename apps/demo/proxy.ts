// Next 16's proxy (formerly middleware): keeps signed-out visitors out of /members. It runs on
// Node.js, so `auth` reads the database session itself — a revoked session is refused here too.
// The page checks the session again; a proxy is never the only guard.
import { NextResponse } from "next/server";
import { auth } from "@/auth";

export default auth((request) => {
  if (request.auth) return undefined;
  const login = new URL("/login", request.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
});

export const config = { matcher: ["/members/:path*"] };
