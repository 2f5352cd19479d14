// The Next.js authentication guide's login API (seed 004), unchanged but for the import.
import { signIn } from "@/auth";

export async function POST(request: Request): Promise<Response> {
  const { email, password, callbackUrl } = (await request.json()) as {
    email?: string;
    password?: string;
    callbackUrl?: string;
  };
  try {
    const url = await signIn("credentials", { email, password, redirectTo: callbackUrl ?? "/", redirect: false });
    return Response.json({ success: true, url });
  } catch (error) {
    if ((error as { type?: string }).type === "CredentialsSignin") {
      return Response.json({ error: "Invalid credentials." }, { status: 401 });
    }
    if ((error as { type?: string }).type === "RateLimited") {
      return Response.json({ error: "Too many attempts. Wait a few minutes, then try again." }, { status: 429 });
    }
    return Response.json({ error: "Something went wrong." }, { status: 500 });
  }
}
