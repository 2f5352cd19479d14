// A role check in an API route (seed 004's two tiers): 401 when signed out, 403 for non-admins.
import { auth } from "@/auth";

export async function GET(): Promise<Response> {
  const session = await auth();
  if (!session) return Response.json({ error: "User is not authenticated" }, { status: 401 });
  if (session.user.role !== "admin") {
    return Response.json({ error: "Unauthorized access: User does not have admin privileges." }, { status: 403 });
  }
  return Response.json({ report: "Quarterly numbers for admins only", user: session.user.email });
}
