// next-auth v4's example API route: getServerSession(req, res, options).
import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth/next";
import { config } from "../../../auth";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, config);
  if (session) {
    return res.send({ content: "This is protected content.", user: session.user });
  }
  res.status(401).send({ error: "You must be signed in to view the protected content on this page." });
}
