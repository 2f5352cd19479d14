// Seed 003's API route with getToken.
import { getToken } from "next-auth/jwt";

export default async function handler(req, res) {
  const secret = process.env.NEXTAUTH_SECRET;
  const token = await getToken({ req, secret });
  if (token) {
    res.status(200).json({ message: "Token is valid", role: token.role });
  } else {
    res.status(401).json({ message: "Unauthorized" });
  }
}
