import { redirect } from "next/navigation";
import { auth, signOut } from "@/auth";
import { RenameForm } from "./rename-form";

export default async function Account() {
  const session = await auth();
  if (!session) redirect("/login?callbackUrl=/account");
  return (
    <section className="panel narrow">
      <h1>Account</h1>
      <RenameForm />
      <form
        action={async () => {
          "use server";
          await signOut({ redirectTo: "/" });
        }}
      >
        <button type="submit" className="secondary" data-testid="server-signout">
          Sign out (server action)
        </button>
      </form>
    </section>
  );
}
