"use client";
import { useSession } from "gatehouse/react";
import { useState } from "react";

export function RenameForm() {
  const { data, update } = useSession();
  const [name, setName] = useState("");
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
      <button type="submit">Update session</button>
    </form>
  );
}
