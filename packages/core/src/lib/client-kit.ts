/**
 * What a feature's browser functions (`features/<name>/client.ts`) are written against: the auth
 * routes, reached the way the React client reaches them. `gatehouse/react` supplies the kit and
 * binds every feature's functions to it (the bindings are generated), so a feature's client
 * functions live in the feature's folder.
 */

/** A JSON answer from an auth route. */
export interface ClientAnswer {
  ok: boolean;
  status: number;
  data: Record<string, unknown>;
}

/** The auth routes, from the browser. */
export interface ClientKit {
  /** `GET {basePath}/{path}`. */
  get(path: string): Promise<ClientAnswer>;
  /** `POST {basePath}/{path}` with the fields, the CSRF token and `json=true`. */
  post(path: string, fields: Readonly<Record<string, string>>): Promise<ClientAnswer>;
  /** The browser URL of `{basePath}/{path}` (to navigate to a built-in page). */
  url(path: string): string;
  /** The session may have changed: read it again, here and in the other tabs. */
  changed(): Promise<void>;
}
