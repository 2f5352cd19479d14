import { redirect } from "next/navigation";
import { signIn } from "@/auth";

// Sign-in with a server action: works with JavaScript turned off.
async function signInAction(formData: FormData) {
  "use server";
  try {
    await signIn("credentials", formData, undefined);
  } catch (error) {
    if ((error as { type?: string }).type === "CredentialsSignin") redirect("/login/server?error=CredentialsSignin");
    throw error;
  }
}

export default async function ServerActionLogin({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <section className="panel narrow">
      <h1>Sign in (server action)</h1>
      <p className="muted">
        This form posts to a server action that calls <code>signIn()</code> on the server.
      </p>
      <form action={signInAction} className="stack">
        {error === undefined ? null : (
          <div className="alert" role="alert" data-testid="action-error">
            Invalid credentials.
          </div>
        )}
        <input type="hidden" name="redirectTo" value="/dashboard" />
        <label htmlFor="action-email">Email</label>
        <input id="action-email" type="email" name="email" autoComplete="username" required />
        <label htmlFor="action-password">Password</label>
        <input id="action-password" type="password" name="password" autoComplete="current-password" required />
        <button type="submit">Sign in</button>
      </form>
    </section>
  );
}
