import Link from "next/link";
import { auth } from "@/auth";
import { ClientSession } from "./client-session";

export default async function Home() {
  const session = await auth();
  return (
    <>
      <section className="hero">
        <h1>{session ? `Welcome back, ${session.user.name}` : "Sign-in that works on the first try"}</h1>
        <p className="lead">
          This app runs on Gatehouse with next-auth&apos;s API: credentials sign-in, JWT sessions, CSRF protection and
          built-in pages. The session below is read on the server and in the browser.
        </p>
        {session ? null : (
          <div className="actions">
            <Link href="/login" className="button">
              Sign in
            </Link>
            <a href="/api/auth/signin" className="button secondary">
              Built-in sign-in page
            </a>
          </div>
        )}
      </section>
      <section className="grid">
        <div className="panel">
          <h2>On the server</h2>
          <p className="muted">
            <code>await auth()</code> →{" "}
            <span data-testid="server-status">{session ? "authenticated" : "unauthenticated"}</span>
          </p>
          <pre data-testid="server-session">{JSON.stringify(session, null, 2)}</pre>
        </div>
        <ClientSession />
      </section>
      <section className="grid three">
        <Link href="/dashboard" className="card">
          <h3>Dashboard</h3>
          <p>Protected on the server: the page checks the session itself.</p>
        </Link>
        <Link href="/members" className="card">
          <h3>Members</h3>
          <p>Guarded by the proxy (middleware), and checked again by the page.</p>
        </Link>
        <a href="/api/admin" className="card">
          <h3>Admin API</h3>
          <p>401 signed out, 403 for members, 200 for admins.</p>
        </a>
      </section>
    </>
  );
}
