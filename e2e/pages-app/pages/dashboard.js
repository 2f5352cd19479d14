// Seed 001's getServerSideProps protection with getServerSession (its unstable_ name too).
import { unstable_getServerSession } from "next-auth/next";
import { authOptions } from "../lib/auth-options";

export default function Dashboard({ session }) {
  return (
    <main>
      <h1>Dashboard</h1>
      <p data-testid="dashboard">Welcome {session.user.email}</p>
    </main>
  );
}

export async function getServerSideProps(context) {
  const session = await unstable_getServerSession(context.req, context.res, authOptions);
  if (!session) return { redirect: { destination: "/api/auth/signin?callbackUrl=%2Fdashboard", permanent: false } };
  return { props: { session } };
}
