import { redirect } from "next/navigation";
import { auth } from "@/auth";

export default async function Members() {
  // The proxy already turned signed-out visitors away; the page still checks (defence in depth).
  const session = await auth();
  if (!session) redirect("/login?callbackUrl=/members");
  return (
    <section className="panel">
      <h1>Members</h1>
      <p data-testid="members-greeting">Hello {session.user.name}, this section is guarded by the proxy.</p>
    </section>
  );
}
