import { useSession } from "next-auth/react";

export default function Me() {
  const { data } = useSession({ required: true });
  return <p data-testid="me">{data?.user.email ?? "loading"}</p>;
}
