export { BalcaoError, isBalcaoError } from './errors/BalcaoError';
export { PlatformErrorCode } from './errors/codes';
export { parseConfig } from './config/parseConfig';
export { baseConfigSchema, portSchema, type BaseConfig } from './config/baseConfig';
export { createLogger, type Logger } from './log/createLogger';
export type {
  Database,
  Queryable,
  QueryResult,
  Row,
  Transaction,
  TransactionOptions,
} from './db/Database';
export { retryableSqlStates, sqlState } from './db/Database';
export { openDatabase, redactUrl } from './db/openDatabase';
export { openPglite } from './db/openPglite';
export { openPostgres } from './db/openPostgres';
export { migrate, type MigrationSet } from './db/migrate';
