import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { auth, sessions, signOut } from "@/auth";
import { Passkeys } from "./passkeys";
import { RenameForm } from "./rename-form";
import { TwoFactorPanel } from "./two-factor";

function describe(userAgent: string | null): string {
  if (userAgent === null) return "Unknown browser";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Chrome\//.test(userAgent)
      ? "Chrome"
      : /Firefox\//.test(userAgent)
        ? "Firefox"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Mac OS X/.test(userAgent)
      ? "macOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /iPhone|iPad/.test(userAgent)
          ? "iOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "another system";
  return `${browser} on ${system}`;
}

function when(iso: string | null): string {
  return iso === null ? "—" : new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

async function revokeOne(formData: FormData) {
  "use server";
  const id = formData.get("id");
  if (typeof id === "string") await sessions.revoke({ id });
  revalidatePath("/account");
}

async function revokeOthers() {
  "use server";
  await sessions.revoke("others");
  revalidatePath("/account");
}

async function signOutEverywhere() {
  "use server";
  await sessions.revoke("all");
  redirect("/");
}

export default async function Account() {
  const session = await auth();
  if (!session) redirect("/login?callbackUrl=/account");
  const list = (await sessions.list()) ?? [];
  return (
    <>
      <section className="panel narrow">
        <h1>Account</h1>
        <p className="muted">
          Signed in as <strong data-testid="account-email">{session.user.email}</strong>
        </p>
        <RenameForm />
        <form
          action={async () => {
            "use server";
            await signOut({ redirectTo: "/" });
          }}
        >
          <button type="submit" className="secondary" data-testid="server-signout">
            Sign out (server action)
          </button>
        </form>
      </section>
      <TwoFactorPanel />
      <section className="panel narrow">
        <h2>Passkeys</h2>
        <p className="muted">Sign in with your fingerprint, face or device PIN instead of a password.</p>
        <Passkeys />
      </section>
      <section className="panel narrow">
        <h2>Where you&apos;re signed in</h2>
        <p className="muted">Every browser with a session for your account. End any you don&apos;t recognise.</p>
        <ul className="sessions" data-testid="session-list">
          {list.map((item) => (
            <li key={item.id} data-testid="session-item" data-current={item.current ? "true" : "false"}>
              <div>
                <strong>{describe(item.userAgent)}</strong>
                {item.current ? <span className="badge">This browser</span> : null}
                <p className="muted small">
                  Signed in {when(item.createdAt)} · last seen {when(item.lastSeenAt)}
                </p>
              </div>
              {item.current ? null : (
                <form action={revokeOne}>
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className="ghost" data-testid="revoke-session">
                    Sign out
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <div className="actions">
          <form action={revokeOthers}>
            <button type="submit" className="secondary" data-testid="revoke-others">
              Sign out everywhere else
            </button>
          </form>
          <form action={signOutEverywhere}>
            <button type="submit" className="secondary" data-testid="revoke-all">
              Sign out everywhere
            </button>
          </form>
        </div>
      </section>
    </>
  );
}
