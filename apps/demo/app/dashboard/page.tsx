import { auth } from "@/auth";

export default async function Dashboard() {
  // The one-line check: the session, or off to sign in (and back here afterwards).
  const session = await auth.require({ redirectTo: "/dashboard" });
  return (
    <section className="panel">
      <h1>Dashboard</h1>
      <p data-testid="dashboard-user">
        Signed in as <strong>{session.user.email}</strong> ({session.user.role}).
      </p>
      <p className="muted">This page read the session on the server; without one it sends you to sign in.</p>
    </section>
  );
}
