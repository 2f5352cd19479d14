"use client";
import { useSession } from "gatehouse/react";
import { useState } from "react";
import { useHydrated } from "../use-hydrated";

export function RenameForm() {
  const { data, update } = useSession();
  const [name, setName] = useState("");
  const hydrated = useHydrated();
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void update({ name });
      }}
    >
      <p>
        Display name: <strong data-testid="account-name">{data?.user.name}</strong>
      </p>
      <label htmlFor="name">New display name</label>
      <input
        id="name"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
        }}
        maxLength={60}
        required
      />
      <button type="submit" disabled={!hydrated}>
        Update session
      </button>
    </form>
  );
}
