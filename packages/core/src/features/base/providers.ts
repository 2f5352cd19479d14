/** `GET providers`: every provider's id, name, type and URLs, as next-auth's client expects. */
import { jsonResponse } from "../../lib/http/respond.js";
import type { Route } from "../feature.js";

export const providersRoute: Route = {
  provider: "none",
  api: true,
  GET(state) {
    const providers: Record<
      string,
      { id: string; name: string; type: string; signinUrl: string; callbackUrl: string }
    > = {};
    for (const provider of state.config.providers) {
      const id = encodeURIComponent(provider.id);
      providers[provider.id] = {
        id: provider.id,
        name: provider.name,
        type: provider.type,
        signinUrl: `${state.authUrl}/signin/${id}`,
        callbackUrl: `${state.authUrl}/callback/${id}`,
      };
    }
    return Promise.resolve(jsonResponse(providers));
  },
};
