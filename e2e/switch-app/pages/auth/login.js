import { useState } from "react";
import { signIn } from "next-auth/react";

const Login = () => {
  const [email, setEmail] = useState("");

  const handleSubmit = async (e) => {
    e.preventDefault();
    await signIn("email", { email, callbackUrl: "/orders" });
  };

  return (
    <main>
      <h2>Login to your account</h2>
      <form onSubmit={handleSubmit}>
        <label htmlFor="email-address">Email address</label>
        <input
          id="email-address"
          name="email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          placeholder="Email address"
        />
        <button type="submit">Login with email</button>
      </form>
    </main>
  );
};

export default Login;
