import { signIn, signOut, useSession } from "next-auth/react";

export default function Home() {
  const { data: session, status } = useSession();
  if (status === "loading") return <p>Loading...</p>;
  return (
    <main>
      <p data-testid="status">{status}</p>
      {session ? (
        <>
          <p data-testid="who">
            Signed in as {session.user.email} ({session.user.role})
          </p>
          <button onClick={() => signOut()}>Sign out</button>
        </>
      ) : (
        <>
          <p>Not signed in</p>
          <button onClick={() => signIn()}>Sign in</button>
          <button
            data-testid="inline-signin"
            onClick={async () => {
              const result = await signIn("credentials", {
                email: "grace@example.com",
                password: "wrong",
                redirect: false,
              });
              document.title = `result:${result.error}:${result.status}:${result.ok}`;
            }}
          >
            Try a wrong password
          </button>
        </>
      )}
    </main>
  );
}
