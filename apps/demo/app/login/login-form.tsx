"use client";
import { getSession } from "gatehouse/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useHydrated } from "../use-hydrated";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Invalid credentials.",
  SessionRequired: "Please sign in to continue.",
};

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | undefined }) {
  const router = useRouter();
  const [error, setError] = useState(initialError === undefined ? null : (MESSAGES[initialError] ?? "Sign-in failed."));
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function handleSubmit(event: { currentTarget: HTMLFormElement; preventDefault: () => void }) {
    event.preventDefault();
    setPending(true);
    const formData = new FormData(event.currentTarget);
    const response = await fetch("/api/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: formData.get("email"), password: formData.get("password"), callbackUrl }),
    });
    setPending(false);
    if (response.ok) {
      // Where the sign-in goes on: the callbackUrl, or the two-factor page when the user has it on.
      const { url } = (await response.json()) as { url?: unknown };
      // Tell the other open tabs, then a full navigation, so the server-rendered pages and the client session start fresh.
      await getSession({ broadcast: true });
      window.location.assign(typeof url === "string" ? url : callbackUrl);
      router.refresh();
    } else {
      setError(((await response.json()) as { error: string }).error);
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="stack" noValidate>
      {error === null ? null : (
        <div className="alert" role="alert" data-testid="login-error">
          {error}
        </div>
      )}
      <label htmlFor="email">Email</label>
      <input id="email" type="email" name="email" placeholder="ada@example.com" autoComplete="username" required />
      <label htmlFor="password">Password</label>
      <input id="password" type="password" name="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending || !hydrated}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
