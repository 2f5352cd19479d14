/**
 * `gatehouse/providers`: next-auth v3's namespace, `Providers.Credentials({ … })` (seeds 000, 002
 * and 003 use it). Each provider is also its own import, `gatehouse/providers/<id>`.
 */
import Credentials from "@gatehouse/core/providers/credentials";

const Providers = { Credentials };

export default Providers;
export { Credentials };
