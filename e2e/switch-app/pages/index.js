import Link from "next/link";
import { signOut, useSession } from "next-auth/react";

export default function Home() {
  const { data: session, status } = useSession();
  return (
    <main>
      <h1>My app</h1>
      <p data-testid="status">{status}</p>
      {session ? (
        <>
          <p data-testid="who">Signed in as {session.user.email}</p>
          <button onClick={() => signOut({ callbackUrl: "/" })}>Logout</button>
        </>
      ) : (
        <Link href="/auth/login">Login</Link>
      )}
      <Link href="/orders">Orders</Link>
    </main>
  );
}
