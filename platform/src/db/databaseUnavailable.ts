import { BalcaoError } from '../errors/BalcaoError';
import { PlatformErrorCode } from '../errors/codes';
import { sqlState } from './Database';

// SQLSTATEs after which the same request can succeed later, on this or another connection.
const readOnly = new Set(['25006']); // read_only_sql_transaction
const diskFull = '53100'; // disk_full: a table, index or temporary file could not grow
const lost = new Set(['57P01', '57P02', '57P03', '53200', '53300']); // shutdown, out of memory, too many connections
const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/**
 * The database failures a client can only wait out (connection lost, server restarting,
 * read-only or full) as one retryable error with a message users can act on; everything
 * else is returned unchanged. The API answers it with 503, the gateway with UNAVAILABLE.
 */
export function asDatabaseUnavailable(error: unknown): unknown {
  const state = sqlState(error) ?? '';
  if (readOnly.has(state)) {
    return new BalcaoError(
      PlatformErrorCode.DatabaseUnavailable,
      'The database accepts no changes right now (it is read-only, e.g. for maintenance or a full disk); nothing was saved. Try again later.',
      { cause: error, retryable: true },
    );
  }
  // Waiting alone does not help here: someone must free space, so the message says so.
  if (state === diskFull) {
    return new BalcaoError(
      PlatformErrorCode.DatabaseUnavailable,
      "The database's disk is full; nothing was saved. Try again later — an administrator must free space on the database server first.",
      { cause: error, retryable: true },
    );
  }
  if (lost.has(state) || state.startsWith('08') || connectionCodes.has(state) || isLost(error)) {
    return new BalcaoError(
      PlatformErrorCode.DatabaseUnavailable,
      'The connection to the database was lost before the request was confirmed. Try again in a moment.',
      { cause: error, retryable: true },
    );
  }
  return error;
}

// node-postgres reports a dropped socket or a pool wait that timed out without a SQLSTATE.
function isLost(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}
