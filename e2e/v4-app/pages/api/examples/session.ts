// The example app's `auth(req, res)` helper in an API route.
import type { NextApiRequest, NextApiResponse } from "next";
import { auth } from "../../../auth";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await auth(req, res);
  res.send(JSON.stringify(session, null, 2));
}
