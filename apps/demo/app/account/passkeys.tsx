"use client";
import { deletePasskey, listPasskeys, registerPasskey, renamePasskey, type PasskeyInfo } from "gatehouse/react";
import { useCallback, useEffect, useState } from "react";
import { useHydrated } from "../use-hydrated";

function when(iso: string | null): string {
  return iso === null ? "never" : new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/** The account page's passkeys: add one, rename or remove yours (gatehouse/react's passkey functions). */
export function Passkeys() {
  const hydrated = useHydrated();
  const [passkeys, setPasskeys] = useState<PasskeyInfo[] | null>(null);
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const reload = useCallback(async () => {
    setPasskeys(await listPasskeys());
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  if (passkeys === null) return <p className="muted">Passkeys are not available here.</p>;
  return (
    <>
      <ul className="sessions" data-testid="passkey-list">
        {passkeys.map((passkey) => (
          <li key={passkey.id} data-testid="passkey-item">
            <div>
              <strong data-testid="passkey-name">{passkey.name}</strong>
              {passkey.backedUp ? <span className="badge">Synced</span> : null}
              <p className="muted small">
                Added {when(passkey.createdAt)} · last used {when(passkey.lastUsedAt)}
              </p>
            </div>
            <div className="actions">
              <button
                type="button"
                className="ghost"
                data-testid="rename-passkey"
                onClick={() => {
                  const next = window.prompt("New name", passkey.name);
                  if (next !== null) void renamePasskey(passkey.id, next).then(reload);
                }}
              >
                Rename
              </button>
              <button
                type="button"
                className="ghost"
                data-testid="delete-passkey"
                onClick={() => void deletePasskey(passkey.id).then(reload)}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          setMessage(null);
          void registerPasskey({ name: name.trim() === "" ? "Passkey" : name }).then(async (outcome) => {
            setMessage(outcome.ok ? "Passkey added." : `Couldn't add the passkey (${outcome.error ?? "error"}).`);
            await reload();
          });
        }}
      >
        <label htmlFor="passkey-name">Name for a new passkey</label>
        <input
          id="passkey-name"
          value={name}
          placeholder="e.g. Work laptop"
          maxLength={64}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <button type="submit" disabled={!hydrated} data-testid="add-passkey">
          Add a passkey
        </button>
        {message === null ? null : (
          <p className="muted small" role="status" data-testid="passkey-message">
            {message}
          </p>
        )}
      </form>
    </>
  );
}
