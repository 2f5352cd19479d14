import { useRouter } from "next/router";

const ErrorPage = () => {
  const {
    query: { error },
  } = useRouter();

  return (
    <main>
      <h1 data-testid="auth-error">Login error: {error}</h1>
    </main>
  );
};

export default ErrorPage;
