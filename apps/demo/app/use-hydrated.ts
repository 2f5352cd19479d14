"use client";
import { useEffect, useState } from "react";

/**
 * Whether React has hydrated. Forms that need JavaScript keep their submit button disabled
 * until then, so an early click never submits a bare GET form (with a password in the URL).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
  }, []);
  return hydrated;
}
