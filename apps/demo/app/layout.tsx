import type { Metadata } from "next";
import type { ReactNode } from "react";
import { auth } from "@/auth";
import { Nav } from "./nav";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Gatehouse demo",
  description: "Sign-in for Next.js that works on the first try.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The server's session goes to the client provider: no loading flicker on first paint.
  const session = await auth();
  return (
    <html lang="en">
      <body>
        <Providers session={session}>
          <Nav />
          <main className="container">{children}</main>
          <footer className="footer">
            Demo accounts: <code>ada@example.com</code> (admin) and <code>grace@example.com</code> (member), password{" "}
            <code>gatehouse-demo</code>
          </footer>
        </Providers>
      </body>
    </html>
  );
}
