import { passkeys } from "@/auth";
import { EmailForm } from "./email-form";
import { IdpButton } from "./idp-button";
import { LoginForm } from "./login-form";
import { PasskeyButton } from "./passkey-button";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { callbackUrl: requested, error } = await searchParams;
  const callbackUrl = requested?.startsWith("/") === true && !requested.startsWith("//") ? requested : "/";
  return (
    <section className="panel narrow">
      <h1>Sign in</h1>
      <p className="muted">A custom login page in the style of the Next.js authentication guide.</p>
      <LoginForm callbackUrl={callbackUrl} initialError={error} />
      <div className="divider-line">or</div>
      <EmailForm callbackUrl={callbackUrl} />
      <IdpButton callbackUrl={callbackUrl} />
      {passkeys ? <PasskeyButton callbackUrl={callbackUrl} /> : null}
      <p className="muted small">
        New here? <a href="/api/auth/signup/password">Create a password account</a>.{" "}
        <a href="/api/auth/password/forgot">Forgot your password?</a>
      </p>
      <p className="muted small">
        Or use the <a href={`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>built-in sign-in page</a>
        , or the <a href="/login/server">server-action form</a> (no JavaScript needed).
      </p>
    </section>
  );
}
