import { getServerSession } from "next-auth/next";
import { authOptions } from "../../lib/auth-options";

export default function Protected({ email }) {
  return <p data-testid="protected">Protected content for {email}</p>;
}

export async function getServerSideProps({ req, res }) {
  // Middleware guards this path; the page still checks for itself.
  const session = await getServerSession(req, res, authOptions);
  if (!session) return { redirect: { destination: "/api/auth/signin", permanent: false } };
  return { props: { email: session.user.email } };
}
