/**
 * Opens the one SQLite database. Durability first: WAL with synchronous=FULL, because
 * better-sqlite3 is compiled to default to NORMAL in WAL mode, which can lose the last
 * acknowledged commits when the hall's power cuts.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DbFromFutureError, DbOpenError } from './errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** A better_sqlite3.node built for another runtime (Electron); see scripts/electron-native.mjs. */
  nativeBinding?: string;
  /** Stop after this schema version (tests of upgrades). */
  migrateTo?: number;
  readonly?: boolean;
}

/** The pragmas every connection must have; asserted by a test on every open. */
export const REQUIRED_PRAGMAS = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1 } as const;

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new DbOpenError(file, error);
  }
  try {
    // Read the version before anything writes: a database from the future is left untouched.
    const fileVersion = db.pragma('user_version', { simple: true }) as number;
    if (fileVersion > LATEST_SCHEMA_VERSION) throw new DbFromFutureError(fileVersion, LATEST_SCHEMA_VERSION);
    if (options.readonly) {
      db.pragma('foreign_keys = ON');
      return db;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrateTo ?? LATEST_SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs each pending migration in its own transaction, recording user_version with it. */
export function migrate(db: Db, target: number = LATEST_SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending: Migration[] = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
