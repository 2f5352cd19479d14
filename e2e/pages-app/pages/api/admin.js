// Seed 004's two-tier check, with getServerSession.
import { getServerSession } from "next-auth/next";
import { authOptions } from "../../lib/auth-options";

export default async function handler(req, res) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ error: "User is not authenticated" });
  if (session.user.role !== "admin") {
    return res.status(403).json({ error: "Unauthorized access: User does not have admin privileges." });
  }
  return res.status(200).json({ ok: true });
}
