/**
 * The demo's accounts. Passwords are stored as scrypt hashes and compared in constant time —
 * the way a real `authorize()` should check them.
 */
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: "admin" | "member";
  passwordHash: string;
}

function hash(password: string, salt = randomBytes(16).toString("hex")): string {
  return `${salt}:${scryptSync(password, salt, 32).toString("hex")}`;
}

export const DEMO_PASSWORD = "gatehouse-demo";

const users: DemoUser[] = [
  { id: "1", name: "Ada Lovelace", email: "ada@example.com", role: "admin", passwordHash: hash(DEMO_PASSWORD) },
  { id: "2", name: "Grace Hopper", email: "grace@example.com", role: "member", passwordHash: hash(DEMO_PASSWORD) },
  { id: "3", name: "Alan Turing", email: "alan@example.com", role: "member", passwordHash: hash(DEMO_PASSWORD) },
];

/** The user with this email and password, or `null`. */
export function checkPassword(email: string, password: string): Omit<DemoUser, "passwordHash"> | null {
  const user = users.find((candidate) => candidate.email === email.trim().toLowerCase());
  // Hash even for unknown emails, so timing does not tell which addresses exist.
  const [salt = "", expected = ""] = (user?.passwordHash ?? hash("")).split(":");
  const actual = scryptSync(password, salt, 32);
  if (user === undefined || !timingSafeEqual(actual, Buffer.from(expected, "hex"))) return null;
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

/** The demo's roles: Ada is the admin; everyone else, however they signed in, is a member. */
export function roleOf(email: string | null | undefined): DemoUser["role"] {
  return users.find((user) => user.email === email)?.role ?? "member";
}
