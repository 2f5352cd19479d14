// Seed 004 imports `signIn` from "@/auth": the v5-style destructuring of the same options.
import NextAuth from "next-auth";
import { authOptions } from "./lib/auth-options";

export const { auth, signIn, signOut } = NextAuth(authOptions);
