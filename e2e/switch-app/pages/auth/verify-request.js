import Link from "next/link";

const VerifyRequest = () => {
  return (
    <main>
      <h1>Check your inbox</h1>
      <p>A login link has been sent to your email address.</p>
      <p>
        This link will expire in <strong>two hours</strong>.
      </p>
      <Link href="/auth/login">I did not receive my email.</Link>
    </main>
  );
};

export default VerifyRequest;
