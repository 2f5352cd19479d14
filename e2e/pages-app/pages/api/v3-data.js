// Seed 000's API route protection with getSession({ req }).
import { getSession } from "next-auth/client";

export default async (req, res) => {
  const session = await getSession({ req });
  if (session) {
    res.send({ content: "You can access this content because you are signed in." });
  } else {
    res.status(401).send({ error: "You must be sign in to view the protected content on this page." });
  }
};
