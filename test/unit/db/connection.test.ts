import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { openDatabase, REQUIRED_PRAGMAS, schemaVersion, type Db } from '../../../electron/db/connection';
import { DbFromFutureError } from '../../../electron/db/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations';
import { openServiceContext } from '../../../electron/backend';
import { makeTempDir, sha256, type TempDir } from '../support/temp-db';

function pragmas(db: Db) {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
  };
}

const EXPECTED_TABLES = [
  'agencies',
  'concern_status_changes',
  'concerns',
  'conference_exports',
  'conferences',
  'document_settings',
  'fields',
  'imported_conferences',
  'imported_document_units',
  'imported_files',
  'own_keys',
  'package_imports',
  'parent_answers',
  'parent_keys',
  'response_imports',
  'settings',
  'speakers',
  'turns',
  'unit_keys',
  'units',
];

/** Tables later migrations added. */
const VERSION_1_LACKS = [
  'concern_status_changes',
  'conference_exports',
  'document_settings',
  'imported_conferences',
  'imported_document_units',
  'imported_files',
  'own_keys',
  'parent_answers',
  'parent_keys',
  'response_imports',
  'package_imports',
  'unit_keys',
];

function tableNames(db: Db): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>).map(
    (r) => r.name,
  );
}

describe('opening the database', () => {
  let tmp: TempDir;
  const opened: Db[] = [];
  beforeEach(() => {
    tmp = makeTempDir('doithoai-db-');
  });
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    tmp.cleanup();
  });
  const open = (...args: Parameters<typeof openDatabase>) => {
    const db = openDatabase(...args);
    opened.push(db);
    return db;
  };

  it('the required pragmas are WAL, synchronous=FULL and foreign keys on', () => {
    expect(REQUIRED_PRAGMAS).toEqual({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1 });
  });

  it('sets WAL, synchronous=FULL and foreign keys on a new file and on every reopen', () => {
    const file = tmp.file('nested/folder/app.sqlite');
    for (let i = 0; i < 3; i++) {
      const db = open(file);
      expect(pragmas(db), `open #${i + 1}`).toEqual(REQUIRED_PRAGMAS);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      db.close();
    }
    // Even a file another program left in rollback-journal mode with NORMAL sync.
    const foreign = new Database(file);
    foreign.pragma('journal_mode = DELETE');
    foreign.close();
    expect(pragmas(open(file))).toEqual(REQUIRED_PRAGMAS);
  });

  it('sets the pragmas on a database stopped at an older schema version too', () => {
    const db = open(tmp.file('old.sqlite'), { migrateTo: 1 });
    expect(pragmas(db)).toEqual(REQUIRED_PRAGMAS);
    expect(schemaVersion(db)).toBe(1);
  });

  it('the backend (what both hosts open) has the pragmas, and keeps them across reopen', () => {
    const file = tmp.file('backend.sqlite');
    for (let i = 0; i < 2; i++) {
      const ctx = openServiceContext({ dbPath: file, host: 'test' });
      expect(pragmas(ctx.db), `open #${i + 1}`).toEqual(REQUIRED_PRAGMAS);
      ctx.db.close();
      const backend = openBackend({ dbPath: file, host: 'test' });
      const info = backend.dispatch('app.info', {});
      expect(info).toMatchObject({ ok: true, value: { host: 'test', dbPath: file, schemaVersion: LATEST_SCHEMA_VERSION } });
      backend.close();
    }
    // The file is in WAL mode on disk (header bytes 18 and 19 are 2 for WAL).
    const header = fs.readFileSync(file).subarray(18, 20);
    expect([...header]).toEqual([2, 2]);
  });

  it('a fresh database is migrated to the latest version with every table', () => {
    const db = open(tmp.file('fresh.sqlite'));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(tableNames(db)).toEqual(EXPECTED_TABLES);
  });

  it('migrations are numbered 1, 2, … with no gap', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('migrateTo stops early: version 1 has no status history table', () => {
    const db = open(tmp.file('v1.sqlite'), { migrateTo: 1 });
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(EXPECTED_TABLES.filter((t) => !VERSION_1_LACKS.includes(t)));
  });

  it('upgrades a version-1 database to the latest, keeping its data', () => {
    const file = tmp.file('upgrade.sqlite');
    const v1 = open(file, { migrateTo: 1 });
    const t = '2026-01-01T00:00:00.000Z';
    v1.prepare(`INSERT INTO units (id, name, name_folded, level, created_at, updated_at) VALUES ('u1', 'Xã Tân Lập', 'xa tan lap', 'xã', ?, ?)`).run(t, t);
    v1.prepare(`INSERT INTO settings (key, value) VALUES ('ownUnitId', 'u1')`).run();
    v1.prepare(
      `INSERT INTO conferences (id, unit_id, title, kind, date, start_time, created_at, updated_at)
       VALUES ('c1', 'u1', 'Hội nghị đối thoại', 'periodic', '2026-10-02', '08:00', ?, ?)`,
    ).run(t, t);
    v1.prepare(`INSERT INTO speakers (id, conference_id, name, name_folded, registration_order, created_at, updated_at) VALUES ('s1', 'c1', 'Ông Đức', 'ong duc', 1, ?, ?)`).run(t, t);
    v1.prepare(`INSERT INTO turns (id, conference_id, speaker_id, seq, started_at, created_at, updated_at) VALUES ('t1', 'c1', 's1', 1, ?, ?, ?)`).run(t, t, t);
    v1.prepare(
      `INSERT INTO concerns (id, conference_id, turn_id, source, seq, text, text_folded, handling, created_at, updated_at)
       VALUES ('k1', 'c1', 't1', 'turn', 1, 'Đường thôn Đông xuống cấp', 'duong thon dong xuong cap', 'noted', ?, ?)`,
    ).run(t, t);
    const dumpOf = (db: Db) =>
      Object.fromEntries(['units', 'settings', 'conferences', 'speakers', 'turns', 'concerns'].map((name) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()]));
    const before = dumpOf(v1);
    v1.close();

    const latest = open(file);
    expect(schemaVersion(latest)).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(latest)).toEqual(EXPECTED_TABLES);
    // Every row kept; one value is set on purpose: a matter noted at the conference starts
    // resolved (migration 5, follow-up), where version 1 left every matter 'open'.
    const noted = (before.concerns as Array<Record<string, unknown>>).map((k) => ({ ...k, status: k.handling === 'noted' ? 'resolved' : k.status }));
    expect(dumpOf(latest)).toEqual({ ...before, concerns: noted });
    // The new table works with the old rows (its foreign key points at an existing concern).
    latest.prepare(`INSERT INTO concern_status_changes (id, concern_id, status, changed_on, created_at) VALUES ('h1', 'k1', 'resolved', '2026-12-01', ?)`).run(t);
    expect(latest.prepare('SELECT COUNT(*) AS n FROM concern_status_changes').get()).toEqual({ n: 1 });
  });

  it('an upgraded database serves the API, and its status changes are kept in the new table', () => {
    const file = tmp.file('upgrade-api.sqlite');
    const v1 = open(file, { migrateTo: 1 });
    const t = '2026-01-01T00:00:00.000Z';
    v1.prepare(`INSERT INTO units (id, name, name_folded, level, created_at, updated_at) VALUES ('u1', 'Xã Tân Lập', 'xa tan lap', 'xã', ?, ?)`).run(t, t);
    v1.prepare(`INSERT INTO settings (key, value) VALUES ('ownUnitId', 'u1')`).run();
    v1.close();

    const backend = openBackend({ dbPath: file, host: 'test' });
    try {
      expect(backend.dispatch('unit.get', {})).toMatchObject({ ok: true, value: { id: 'u1', name: 'Xã Tân Lập' } });
      const created = backend.dispatch('conferences.create', { title: 'Đối thoại', date: '2026-10-02' });
      if (!created.ok) throw new Error(created.error.message);
      const conferenceId = (created.value as { id: string }).id;
      const concern = backend.dispatch('concerns.add', { conferenceId, turnId: null, initial: { text: 'Đường' } });
      if (!concern.ok) throw new Error(concern.error.message);
      const concernId = (concern.value as { id: string }).id;
      expect(backend.dispatch('concerns.update', { id: concernId, patch: { status: 'resolved' } })).toMatchObject({ ok: true });
    } finally {
      backend.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT status FROM concern_status_changes').all()).toEqual([{ status: 'resolved' }]);
    } finally {
      db.close();
    }
  });

  describe('a database from a newer version of the app', () => {
    function makeFutureDb(file: string, wal: boolean): void {
      const db = new Database(file);
      if (wal) db.pragma('journal_mode = WAL');
      db.exec(`CREATE TABLE something_new (x TEXT); INSERT INTO something_new VALUES ('dữ liệu');`);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      db.close();
    }

    it.each([
      ['rollback journal', false],
      ['WAL', true],
    ])('is refused in Vietnamese and left byte for byte as it was (%s)', (_label, wal) => {
      const file = tmp.file('future.sqlite');
      makeFutureDb(file, wal);
      const hash = sha256(file);
      const filesBefore = fs.readdirSync(tmp.dir).sort();

      let caught: unknown;
      try {
        open(file);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DbFromFutureError);
      const error = caught as DbFromFutureError;
      expect(error.fileVersion).toBe(LATEST_SCHEMA_VERSION + 1);
      expect(error.appVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(error.message).toContain('phiên bản Đối Thoại mới hơn');
      expect(error.message).toContain(`lược đồ ${LATEST_SCHEMA_VERSION + 1}`);
      expect(error.message).toContain('được giữ nguyên');

      expect(sha256(file)).toBe(hash);
      expect(fs.readdirSync(tmp.dir).sort()).toEqual(filesBefore);

      // Refused the same way through the backend both hosts open, and read-only too.
      expect(() => openBackend({ dbPath: file, host: 'test' })).toThrow(DbFromFutureError);
      expect(() => open(file, { readonly: true })).toThrow(DbFromFutureError);
      expect(sha256(file)).toBe(hash);

      const check = new Database(file, { readonly: true });
      try {
        expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
        expect(check.pragma('journal_mode', { simple: true })).toBe(wal ? 'wal' : 'delete');
        expect(check.prepare('SELECT x FROM something_new').all()).toEqual([{ x: 'dữ liệu' }]);
        expect(tableNames(check)).toEqual(['something_new']);
      } finally {
        check.close();
      }
    });
  });

  it('a read-only open migrates nothing and keeps foreign keys on', () => {
    const file = tmp.file('ro.sqlite');
    open(file, { migrateTo: 1 }).close();
    const hash = sha256(file);
    const db = open(file, { readonly: true });
    expect(schemaVersion(db)).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(sha256(file)).toBe(hash);
  });
});
