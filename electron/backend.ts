/**
 * The backend both hosts wrap: one database, the services on it, and `dispatch`, which
 * validates a request against the contract and runs it. Hosts translate transport to
 * `dispatch` and back; they decide nothing. No `electron` import here.
 */
import type { AppInfo } from '../shared/api/types';
import type { ApiResult } from '../shared/api/errors';

export interface BackendOptions {
  /** Absolute path of the SQLite file; created with its folder if missing. */
  dbPath: string;
  host: AppInfo['host'];
  /** Where stack traces go; defaults to doithoai.log beside the database. */
  logFile?: string;
  /** better_sqlite3.node built for Electron (kept apart from the Node build the tests use). */
  nativeBinding?: string;
}

export interface Backend {
  /** Validates `input` for a data method, runs it, and answers an envelope; never throws. */
  dispatch(method: string, input: unknown): ApiResult<unknown>;
  /**
   * Any method, documents included (their slow part runs after the transaction, off the
   * database). What the hosts call; the promise never rejects.
   */
  dispatchAsync(method: string, input: unknown): Promise<ApiResult<unknown>>;
  readonly dbPath: string;
  close(): void;
}

export { openBackend } from './services/dispatch';
