import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';
import { ApiError } from '../../shared/api/errors';
import type { AppInfo } from '../../shared/api/types';
import { inThreadRenderer, type DocumentRenderer } from './document-renderer';
import { inThreadChecker, type PackageChecker } from './package-checker';

/** What every service works with. `now` and `newId` are injectable so tests can pin them. */
export interface ServiceContext {
  db: Db;
  /** A prepared statement, cached per connection: preparing costs more than most of our queries. */
  sql(source: string): Statement;
  host: AppInfo['host'];
  dbPath: string;
  now(): Date;
  newId(): string;
  /** Lays out documents; in the hosts a worker thread, elsewhere this thread. */
  documents: DocumentRenderer;
  /** Checks package files; in the hosts the same worker, elsewhere this thread. */
  packageChecker: PackageChecker;
  /** Where errors handled without failing the request go (a bad package among good ones). */
  log?: (error: unknown) => void;
}

export function createContext(db: Db, host: AppInfo['host'], dbPath: string): ServiceContext {
  const cache = new Map<string, Statement>();
  const sql = (source: string): Statement => {
    let statement = cache.get(source);
    if (!statement) {
      statement = db.prepare(source);
      cache.set(source, statement);
    }
    return statement;
  };
  return { db, sql, host, dbPath, now: () => new Date(), newId: () => randomUUID(), documents: inThreadRenderer, packageChecker: inThreadChecker };
}

export function stamp(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}

export function notFound(what: string): ApiError {
  return new ApiError('not_found', `Không tìm thấy ${what}.`);
}

export function refused(message: string): ApiError {
  return new ApiError('refused', message);
}

/** Builds "SET a = @a, b = @b" for the keys actually present in a validated patch. */
export function setClause(patch: Record<string, unknown>, columns: Record<string, string>): string[] {
  return Object.keys(patch)
    .filter((key) => key in columns && patch[key] !== undefined)
    .map((key) => `${columns[key]} = @${key}`);
}

/** Children of a deleted or unknown conference cannot be written. */
export function requireConference(ctx: ServiceContext, conferenceId: string): void {
  const found = ctx.sql('SELECT 1 FROM conferences WHERE id = ? AND deleted_at IS NULL').get(conferenceId);
  if (!found) throw notFound('hội nghị');
}
