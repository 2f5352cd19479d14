"use client";
import { signIn } from "gatehouse/react";
import { useState } from "react";
import { useHydrated } from "../use-hydrated";

/** Passwordless sign-in: a link by email (in the demo, on the development mailbox page). */
export function EmailForm({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        const email = new FormData(event.currentTarget).get("email");
        void signIn("email", { email: typeof email === "string" ? email : "", callbackUrl });
      }}
    >
      <label htmlFor="link-email">Email me a sign-in link</label>
      <input id="link-email" type="email" name="email" placeholder="you@example.com" autoComplete="email" required />
      <button type="submit" className="secondary" disabled={pending || !hydrated}>
        {pending ? "Sending…" : "Send link"}
      </button>
    </form>
  );
}
