"use client";
import { useSession } from "gatehouse/react";

export function ClientSession() {
  const { data, status } = useSession();
  return (
    <div className="panel">
      <h2>In the browser</h2>
      <p className="muted">
        <code>useSession()</code> → <span data-testid="client-status">{status}</span>
      </p>
      <pre data-testid="client-session">{JSON.stringify(data, null, 2)}</pre>
    </div>
  );
}
