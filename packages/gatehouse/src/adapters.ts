/**
 * `gatehouse/adapters`: next-auth v4's adapter contract. Database support (adapters, database
 * sessions, email sign-in) arrives in a later release; the types are here so imports resolve.
 */
import type { Account, Awaitable } from "@gatehouse/core";
import type { User } from "./types.js";

/** A user as stored. */
export interface AdapterUser extends User {
  id: string;
  email: string;
  emailVerified: Date | null;
}

/** A linked provider account as stored. */
export interface AdapterAccount extends Account {
  userId: string;
}

/** A database session as stored. */
export interface AdapterSession {
  sessionToken: string;
  userId: string;
  expires: Date;
}

/** An email sign-in token as stored. */
export interface VerificationToken {
  identifier: string;
  expires: Date;
  token: string;
}

/** next-auth v4's `Adapter`: every method optional there; see the database release for ours. */
export interface Adapter {
  createUser?(user: Omit<AdapterUser, "id">): Awaitable<AdapterUser>;
  getUser?(id: string): Awaitable<AdapterUser | null>;
  getUserByEmail?(email: string): Awaitable<AdapterUser | null>;
  getUserByAccount?(
    providerAccountId: Pick<AdapterAccount, "provider" | "providerAccountId">,
  ): Awaitable<AdapterUser | null>;
  updateUser?(user: Partial<AdapterUser> & Pick<AdapterUser, "id">): Awaitable<AdapterUser>;
  deleteUser?(userId: string): Promise<void> | Awaitable<AdapterUser | null | undefined>;
  linkAccount?(account: AdapterAccount): Promise<void> | Awaitable<AdapterAccount | null | undefined>;
  unlinkAccount?(
    providerAccountId: Pick<AdapterAccount, "provider" | "providerAccountId">,
  ): Promise<void> | Awaitable<AdapterAccount | undefined>;
  createSession?(session: AdapterSession): Awaitable<AdapterSession>;
  getSessionAndUser?(sessionToken: string): Awaitable<{ session: AdapterSession; user: AdapterUser } | null>;
  updateSession?(
    session: Partial<AdapterSession> & Pick<AdapterSession, "sessionToken">,
  ): Awaitable<AdapterSession | null | undefined>;
  deleteSession?(sessionToken: string): Promise<void> | Awaitable<AdapterSession | null | undefined>;
  createVerificationToken?(token: VerificationToken): Awaitable<VerificationToken | null | undefined>;
  useVerificationToken?(params: { identifier: string; token: string }): Awaitable<VerificationToken | null>;
}
