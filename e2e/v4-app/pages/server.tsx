// Server-side rendering with the example app's `auth(context.req, context.res)`.
import type { GetServerSidePropsContext } from "next";
import type { Session } from "next-auth";
import { auth } from "../auth";

export default function ServerPage({ session }: { session: Session | null }) {
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
