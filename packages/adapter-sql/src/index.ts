export { SqlAdapter, type SqlAdapterOptions, type SqlDatabaseAdapter } from "./sql-adapter.js";
export { numberedPlaceholders, type Dialect, type Row, type SqlDriver, type SqlExecutor } from "./driver.js";
export { MIGRATIONS } from "./schema.js";
