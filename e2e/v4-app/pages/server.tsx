// Server-side rendering with the example app's `auth(context.req, context.res)`. The session goes
// out as `pageProps.session`, which `_app` hands to SessionProvider (it takes `session` out of
// the page's props), so the page reads it with useSession(): already there on the server render,
// with no loading state — how v4 apps' SSR pages read it.
import type { GetServerSidePropsContext } from "next";
import { useSession } from "next-auth/react";
import { auth } from "../auth";

export default function ServerPage() {
  const { data: session } = useSession();
  return (
    <main>
      <h1>Server Side Rendering</h1>
      <p data-testid="server-session">
        {session ? `${session.user.email} ${session.user.id} ${session.user.role ?? ""}` : "signed out"}
      </p>
    </main>
  );
}

export async function getServerSideProps(context: GetServerSidePropsContext) {
  return { props: { session: await auth(context.req, context.res) } };
}
