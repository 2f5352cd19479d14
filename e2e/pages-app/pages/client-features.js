// The client's finer points: deduplicated session fetches, getProviders(), and a second provider
// that refetches on an interval (window-focus refetching off).
import { SessionProvider, getProviders, getSession, useSession } from "next-auth/react";
import { useEffect, useState } from "react";

function Ticker() {
  const { status } = useSession();
  return <p data-testid="ticker">{status}</p>;
}

export default function ClientFeatures() {
  const [sessions, setSessions] = useState(null);
  const [providers, setProviders] = useState(null);
  useEffect(() => {
    Promise.all([getSession(), getSession(), getSession()]).then((all) =>
      setSessions(all.map((s) => s?.user?.email ?? "none")),
    );
    getProviders().then((list) => setProviders(Object.keys(list ?? {})));
  }, []);
  return (
    <main>
      <p data-testid="sessions">{sessions === null ? "…" : sessions.join(",")}</p>
      <p data-testid="providers">{providers === null ? "…" : providers.join(",")}</p>
      <SessionProvider refetchInterval={1} refetchOnWindowFocus={false}>
        <Ticker />
      </SessionProvider>
    </main>
  );
}
