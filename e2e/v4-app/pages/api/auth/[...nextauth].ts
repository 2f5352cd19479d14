import NextAuth from "next-auth/next";
import { config } from "../../../auth";

export default NextAuth(config);
