/**
 * The composition root: opens the database (migrated, default fields seeded), the
 * background worker and the log file, and answers requests through the services' one
 * door, `dispatch`. The Electron host, the browser host and the command line each open a
 * backend here and translate their transport to it; they decide nothing. No `electron`
 * import here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../shared/api/types';
import type { ApiResult } from '../shared/api/errors';
import { openDatabase } from './db/connection';
import { createBackgroundWorker } from './worker/client';
import { createContext, type ServiceContext } from './services/context';
import { dispatch, dispatchAsync } from './services/dispatch';
import { seedDefaultFields } from './services/fields';

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

/** Opens the database (migrated, default fields seeded) and the context services run in. */
export function openServiceContext(options: BackendOptions): ServiceContext {
  const db = openDatabase(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const ctx = createContext(db, options.host, options.dbPath);
  db.transaction(() => seedDefaultFields(ctx))();
  return ctx;
}

/**
 * The app's hosts lay documents out and check packages in a worker thread, so that typing
 * never waits; the command line and the tests do it in their own thread, which starts faster.
 */
const WORKER_HOSTS: ReadonlySet<AppInfo['host']> = new Set(['electron', 'web']);

export function openBackend(options: BackendOptions): Backend {
  const ctx = openServiceContext(options);
  const logFile = options.logFile ?? path.join(path.dirname(options.dbPath), 'doithoai.log');
  if (WORKER_HOSTS.has(options.host)) {
    const worker = createBackgroundWorker((error) => appendLog(logFile, 'worker', error));
    ctx.documents = worker;
    ctx.packageChecker = worker;
  }
  ctx.log = (error) => appendLog(logFile, 'packages', error);
  return {
    dbPath: options.dbPath,
    dispatch: (method, input) => dispatch(ctx, method, input, (error) => appendLog(logFile, method, error)),
    dispatchAsync: (method, input) => dispatchAsync(ctx, method, input, (error) => appendLog(logFile, method, error)),
    close: () => {
      void ctx.documents.close();
      ctx.db.close();
    },
  };
}

/** One line per error, with its stack: the user sees a Vietnamese sentence, the log the detail. */
function appendLog(file: string, where: string, error: unknown): void {
  try {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    fs.appendFileSync(file, `${new Date().toISOString()} ${where} ${detail}\n`);
  } catch {
    // Logging must never turn a handled error into a crash.
  }
}
