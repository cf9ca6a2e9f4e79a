/**
 * Shared helpers for the backend tests: a temporary folder per test, a backend on a fresh
 * database in it, a typed way to call the API through `dispatch`, and a full dump of every
 * table to prove that a refused request wrote nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import { dispatch, dispatchAsync } from '../../../electron/services/dispatch';
import { openServiceContext } from '../../../electron/backend';
import type { ServiceContext } from '../../../electron/services/context';
import { fixturePath, SCENARIO_FILES } from '../../fixtures/paths';

export interface TempDir {
  dir: string;
  file(name: string): string;
  cleanup(): void;
}

export function makeTempDir(prefix = 'doithoai-test-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name) => path.join(dir, name),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export interface TestBackend {
  dbPath: string;
  ctx: ServiceContext;
  /** Errors the dispatcher logged (constraint failures, internal errors). */
  logged: unknown[];
  /** Calls a method and returns its value; throws with the error body if it was refused. */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): ApiOutput<M>;
  /** The raw envelope, for any method name and any payload. */
  raw(method: string, input: unknown): ApiResult<unknown>;
  /** As the hosts call: also the methods that finish after their transaction (documents, packages). */
  callAsync<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  rawAsync(method: string, input: unknown): Promise<ApiResult<unknown>>;
  close(): void;
}

/**
 * The backend on a fresh database in a temporary folder: the same context and `dispatch`
 * that `openBackend` wires together, with the context exposed so that tests can pin the
 * clock and read the database directly.
 */
export function openTestBackend(tmp: TempDir, name = 'test.sqlite'): TestBackend {
  const dbPath = tmp.file(name);
  const ctx = openServiceContext({ dbPath, host: 'test' });
  const logged: unknown[] = [];
  ctx.log = (e) => logged.push(e);
  const raw = (method: string, input: unknown) => dispatch(ctx, method, input, (e) => logged.push(e));
  const rawAsync = (method: string, input: unknown) => dispatchAsync(ctx, method, input, (e) => logged.push(e));
  return {
    dbPath,
    ctx,
    logged,
    raw,
    call: (method, input) => {
      const result = raw(method, input);
      if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    rawAsync,
    callAsync: async (method, input) => {
      const result = await rawAsync(method, input);
      if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    close: () => ctx.db.close(),
  };
}

/** Every row of every table (schema included), through a separate read-only connection. */
export function dumpDatabase(dbPath: string): Record<string, unknown[]> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>;
    const dump: Record<string, unknown[]> = {
      sqlite_master: db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all(),
      user_version: [db.pragma('user_version', { simple: true })],
    };
    for (const { name } of tables) dump[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
    return dump;
  } finally {
    db.close();
  }
}

export function readFixture(file: string): Record<string, unknown> & { expected: unknown } {
  return JSON.parse(fs.readFileSync(fixturePath(file), 'utf8')) as Record<string, unknown> & { expected: unknown };
}

/** The scenario files (the demo scenarios in resources/demo/ among them), sorted. */
export const FIXTURE_FILES = [...SCENARIO_FILES];

/** A minimal unit so that conferences can be created. */
export const UNIT = { name: 'Xã Tân Lập', level: 'xã', parentName: 'Tỉnh Hải Đông' } as const;

/** Sets up the own unit and one conference; returns the conference. */
export function unitAndConference(b: TestBackend, title = 'Hội nghị đối thoại quý IV'): ApiOutput<'conferences.create'> {
  b.call('unit.save', UNIT);
  return b.call('conferences.create', { title, date: '2026-10-02', startTime: '08:00' });
}

/** Letters only Vietnamese has: a message containing them is Vietnamese, not English. */
export const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
