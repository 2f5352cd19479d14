// A custom sign-in page (pages.signIn), as v4 apps write one.
import type { GetServerSidePropsContext, InferGetServerSidePropsType } from "next";
import { getCsrfToken, getProviders } from "next-auth/react";

export default function Login({ csrfToken, providers }: InferGetServerSidePropsType<typeof getServerSideProps>) {
  return (
    <form method="post" action="/api/auth/callback/credentials">
      <input name="csrfToken" type="hidden" defaultValue={csrfToken} />
      <p data-testid="provider-count">{Object.keys(providers ?? {}).length}</p>
      <label>
        Username <input name="username" type="text" />
      </label>
      <label>
        Password <input name="password" type="password" />
      </label>
      <button type="submit">Sign in</button>
    </form>
  );
}

export async function getServerSideProps(context: GetServerSidePropsContext) {
  return { props: { csrfToken: (await getCsrfToken(context)) ?? "", providers: await getProviders() } };
}
