"use client";
import { signIn } from "gatehouse/react";

export function IdpButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <button type="button" className="secondary" onClick={() => void signIn("local", { callbackUrl })}>
      Sign in with Local IdP
    </button>
  );
}
