"use client";
import type { Session } from "gatehouse";
import { SessionProvider } from "gatehouse/react";
import type { ReactNode } from "react";

export function Providers({ session, children }: { session: Session | null; children: ReactNode }) {
  return <SessionProvider session={session}>{children}</SessionProvider>;
}
