"use client";
import Link from "next/link";
import { signOut, useSession } from "gatehouse/react";

export function Nav() {
  const { data: session, status } = useSession();
  return (
    <header className="nav">
      <Link href="/" className="brand">
        <span className="mark" aria-hidden="true">
          ◆
        </span>{" "}
        Gatehouse demo
      </Link>
      <nav aria-label="Main">
        <Link href="/dashboard">Dashboard</Link>
        <Link href="/members">Members</Link>
        <Link href="/account">Account</Link>
      </nav>
      <div className="who" data-testid="nav-status">
        {status === "authenticated" ? (
          <>
            <span>{session.user.name}</span>
            <button type="button" className="ghost" onClick={() => void signOut({ callbackUrl: "/" })}>
              Sign out
            </button>
          </>
        ) : status === "unauthenticated" ? (
          <Link href="/login" className="button small">
            Sign in
          </Link>
        ) : (
          <span className="muted">…</span>
        )}
      </div>
    </header>
  );
}
