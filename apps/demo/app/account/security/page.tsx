import { auth } from "@/auth";

/**
 * A sensitive page: step-up. A session that last really authenticated more than five minutes
 * ago is sent to re-authenticate — the two-factor code when the user has it on, else sign-in.
 */
export default async function Security() {
  const session = await auth.require({ redirectTo: "/account/security", maxAge: 300 });
  return (
    <section className="panel narrow">
      <h1>Security settings</h1>
      <p className="muted">
        You confirmed it&apos;s you at <strong data-testid="authenticated-at">{session.authenticatedAt}</strong> (
        <span data-testid="amr">{(session.amr ?? []).join(", ")}</span>).
      </p>
    </section>
  );
}
