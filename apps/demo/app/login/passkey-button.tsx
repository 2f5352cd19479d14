"use client";
import { signIn } from "gatehouse/react";

export function PasskeyButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <button type="button" className="secondary" onClick={() => void signIn("passkey", { callbackUrl })}>
      Sign in with a passkey
    </button>
  );
}
