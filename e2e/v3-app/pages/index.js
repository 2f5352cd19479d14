// pages/index.js
import { signIn, signOut, useSession } from "next-auth/client";

export default function Page() {
  const [session, loading] = useSession();

  if (loading) {
    return <p>Loading...</p>;
  }

  return (
    <>
      {!session && (
        <>
          <span data-testid="status">Not signed in</span> <br />
          <button onClick={() => signIn()}>Sign in</button>
        </>
      )}
      {session && (
        <>
          <span data-testid="status">
            Signed in as {session.user.email} with {session.provider}
          </span>{" "}
          <br />
          <button onClick={() => signOut()}>Sign out</button>
        </>
      )}
    </>
  );
}
