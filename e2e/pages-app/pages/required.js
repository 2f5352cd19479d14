// useSession({ required: true }): signed-out visitors are sent to sign in.
import { useSession } from "next-auth/react";

export default function Required() {
  const { data, status } = useSession({ required: true });
  if (status === "loading") return <p data-testid="required">loading</p>;
  return <p data-testid="required">Hello {data.user.email}</p>;
}
