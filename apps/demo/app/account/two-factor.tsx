"use client";
import { twoFactor, type TwoFactorEnrolment, type TwoFactorStatus } from "gatehouse/react";
import { useEffect, useState } from "react";
import { useHydrated } from "../use-hydrated";

/** The account page's two-factor settings: turn on (QR code, confirm), backup codes, turn off. */
export function TwoFactorPanel() {
  const hydrated = useHydrated();
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const reload = () => twoFactor.status().then(setStatus);

  useEffect(() => {
    void reload();
  }, []);

  return (
    <section className="panel narrow" data-testid="two-factor">
      <h2>Two-factor authentication</h2>
      <p className="muted" data-testid="two-factor-status">
        {status === null ? "…" : status.enabled ? `On · ${status.backupCodes} backup codes left` : "Off"}
      </p>
      {message === null ? null : (
        <p className="alert" role="alert">
          {message}
        </p>
      )}
      {codes === null ? null : (
        <div>
          <p>Your backup codes. Each works once; keep them somewhere safe — they are shown only now.</p>
          <ul className="codes" data-testid="backup-codes">
            {codes.map((backup) => (
              <li key={backup}>
                <code>{backup}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {status?.enabled === false && enrolment === null ? (
        <button
          type="button"
          disabled={!hydrated}
          data-testid="two-factor-enable"
          onClick={() => {
            void twoFactor.enable().then(setEnrolment);
          }}
        >
          Turn on two-factor
        </button>
      ) : null}
      {enrolment === null || status?.enabled !== false ? null : (
        <div className="stack">
          <p>Scan this with your authenticator app, or type the key in.</p>
          <img
            alt="QR code for your authenticator app"
            width={200}
            height={200}
            src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrCode)}`}
          />
          <p>
            Key: <code data-testid="two-factor-secret">{enrolment.secret}</code>
          </p>
        </div>
      )}
      {status === null || (!status.enabled && enrolment === null) ? null : (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            const action: Promise<{ ok: boolean; backupCodes?: string[] }> = status.enabled
              ? twoFactor.disable(code).then((ok) => ({ ok }))
              : twoFactor.verify(code);
            void action.then(async (result) => {
              setCode("");
              if (!result.ok) {
                setMessage("That code didn't work.");
                return;
              }
              setMessage(null);
              setEnrolment(null);
              setCodes(result.backupCodes ?? null);
              await reload();
            });
          }}
        >
          <label htmlFor="two-factor-code">{status.enabled ? "Code to turn it off" : "Code from the app"}</label>
          <input
            id="two-factor-code"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
            }}
            autoComplete="one-time-code"
            required
          />
          <button type="submit" disabled={!hydrated} data-testid="two-factor-submit">
            {status.enabled ? "Turn off two-factor" : "Confirm"}
          </button>
        </form>
      )}
      {status?.enabled === true ? (
        <button
          type="button"
          className="secondary"
          disabled={!hydrated}
          onClick={() => {
            void twoFactor.backupCodes().then(async (fresh) => {
              setCodes(fresh);
              await reload();
            });
          }}
        >
          New backup codes
        </button>
      ) : null}
    </section>
  );
}
