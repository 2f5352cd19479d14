// Seed 000, next-auth v3's client: <Provider>, the [session, loading] tuple, signIn/signOut as
// onClick handlers, and getSession(ctx) in getServerSideProps.
import { Provider, getSession, signIn, signOut, useSession } from "next-auth/client";

function Page() {
  const [session, loading] = useSession();
  if (loading) return <p>Loading...</p>;
  return (
    <>
      {!session && (
        <>
          <span data-testid="v3-status">Not signed in</span> <br />
          <button onClick={signIn}>Sign in</button>
        </>
      )}
      {session && (
        <>
          <span data-testid="v3-status">Signed in as {session.user.email}</span> <br />
          <button onClick={signOut}>Sign out</button>
        </>
      )}
    </>
  );
}

export default function V3({ session }) {
  return (
    <Provider session={session}>
      <p data-testid="v3-ssr">{session ? `SSR: ${session.user.email}` : "SSR: none"}</p>
      <Page />
    </Provider>
  );
}

export async function getServerSideProps(ctx) {
  const session = await getSession(ctx);
  return { props: { session } };
}
