import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/db/connection';
import { makeTempDir, type TempDir } from '../support/temp-db';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}
interface ForeignKeyInfo {
  table: string;
  from: string;
  to: string;
}

/** One line per column ("name TYPE NOT NULL DEFAULT x PK → table.col"), per table, with STRICT. */
function describeSchema(db: Db): Record<string, string[]> {
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{
    name: string;
    sql: string;
  }>;
  const out: Record<string, string[]> = {};
  for (const { name, sql } of tables) {
    const fks = db.pragma(`foreign_key_list(${name})`) as ForeignKeyInfo[];
    const columns = (db.pragma(`table_info(${name})`) as ColumnInfo[]).map((c) => {
      const fk = fks.find((f) => f.from === c.name);
      return [
        c.name,
        c.type,
        c.notnull ? 'NOT NULL' : '',
        c.dflt_value !== null ? `DEFAULT ${c.dflt_value}` : '',
        c.pk ? 'PK' : '',
        fk ? `→ ${fk.table}.${fk.to}` : '',
      ]
        .filter(Boolean)
        .join(' ');
    });
    out[`${name}${/\)\s*STRICT\s*$/i.test(sql) ? ' STRICT' : ''}`] = columns;
  }
  return out;
}

function indexes(db: Db): string[] {
  return (
    db.prepare(`SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).all() as Array<{
      name: string;
      tbl_name: string;
    }>
  ).map((r) => `${r.tbl_name}: ${r.name}`);
}

describe('schema', () => {
  let tmp: TempDir;
  let db: Db;
  beforeEach(() => {
    tmp = makeTempDir('doithoai-schema-');
    db = openDatabase(tmp.file('schema.sqlite'));
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('matches the snapshot (a change of schema must come with a new migration)', () => {
    expect(describeSchema(db)).toMatchInlineSnapshot(`
      {
        "agencies STRICT": [
          "id TEXT NOT NULL PK",
          "name TEXT NOT NULL",
          "name_folded TEXT NOT NULL",
          "created_at TEXT NOT NULL",
          "updated_at TEXT NOT NULL",
          "deleted_at TEXT",
        ],
        "concern_status_changes STRICT": [
          "id TEXT NOT NULL PK",
          "concern_id TEXT NOT NULL → concerns.id",
          "status TEXT NOT NULL",
          "changed_on TEXT NOT NULL",
          "note TEXT NOT NULL DEFAULT ''",
          "reference_doc TEXT NOT NULL DEFAULT ''",
          "created_at TEXT NOT NULL",
          "reported_by TEXT NOT NULL DEFAULT ''",
        ],
        "concerns STRICT": [
          "id TEXT NOT NULL PK",
          "conference_id TEXT NOT NULL → conferences.id",
          "turn_id TEXT → turns.id",
          "source TEXT NOT NULL",
          "seq INTEGER NOT NULL",
          "field_id TEXT → fields.id",
          "text TEXT NOT NULL DEFAULT ''",
          "text_folded TEXT NOT NULL DEFAULT ''",
          "handling TEXT",
          "answered_by TEXT NOT NULL DEFAULT ''",
          "answer TEXT NOT NULL DEFAULT ''",
          "agency_id TEXT → agencies.id",
          "deadline TEXT",
          "status TEXT NOT NULL DEFAULT 'open'",
          "note TEXT NOT NULL DEFAULT ''",
          "created_at TEXT NOT NULL",
          "updated_at TEXT NOT NULL",
          "deleted_at TEXT",
        ],
        "conference_exports STRICT": [
          "conference_id TEXT NOT NULL PK → conferences.id",
          "revision INTEGER NOT NULL",
          "content_sha256 TEXT NOT NULL",
          "exported_at TEXT NOT NULL",
        ],
        "conferences STRICT": [
          "id TEXT NOT NULL PK",
          "unit_id TEXT NOT NULL → units.id",
          "title TEXT NOT NULL",
          "kind TEXT NOT NULL",
          "date TEXT NOT NULL",
          "start_time TEXT NOT NULL",
          "end_time TEXT",
          "location TEXT NOT NULL DEFAULT ''",
          "plan_ref TEXT NOT NULL DEFAULT ''",
          "chairs TEXT NOT NULL DEFAULT '[]'",
          "secretary TEXT NOT NULL DEFAULT '{"name":"","position":""}'",
          "guests TEXT NOT NULL DEFAULT '[]'",
          "attendee_count INTEGER",
          "attendance_note TEXT NOT NULL DEFAULT ''",
          "report TEXT NOT NULL DEFAULT ''",
          "conclusion TEXT NOT NULL DEFAULT ''",
          "status TEXT NOT NULL DEFAULT 'draft'",
          "revision INTEGER NOT NULL DEFAULT 0",
          "created_at TEXT NOT NULL",
          "updated_at TEXT NOT NULL",
          "deleted_at TEXT",
        ],
        "document_settings STRICT": [
          "conference_id TEXT NOT NULL PK → conferences.id",
          "kind TEXT NOT NULL PK",
          "number TEXT",
          "recipients TEXT",
          "date TEXT",
          "signer TEXT",
          "updated_at TEXT NOT NULL",
        ],
        "fields STRICT": [
          "id TEXT NOT NULL PK",
          "name TEXT NOT NULL",
          "name_folded TEXT NOT NULL",
          "position INTEGER NOT NULL",
          "created_at TEXT NOT NULL",
          "updated_at TEXT NOT NULL",
          "deleted_at TEXT",
        ],
        "imported_conferences STRICT": [
          "conference_id TEXT NOT NULL PK → conferences.id",
          "unit_id TEXT NOT NULL → units.id",
          "revision INTEGER NOT NULL",
          "package_sha256 TEXT NOT NULL",
          "exported_at TEXT NOT NULL",
          "imported_at TEXT NOT NULL",
        ],
        "imported_document_units STRICT": [
          "conference_id TEXT NOT NULL PK → conferences.id",
          "unit TEXT NOT NULL",
        ],
        "imported_files STRICT": [
          "conference_id TEXT NOT NULL PK → conferences.id",
          "name TEXT NOT NULL PK",
          "content BLOB NOT NULL",
          "sha256 TEXT NOT NULL",
        ],
        "own_keys STRICT": [
          "unit_id TEXT NOT NULL PK → units.id",
          "public_key BLOB NOT NULL",
          "private_key BLOB NOT NULL",
          "created_at TEXT NOT NULL",
        ],
        "package_imports STRICT": [
          "id TEXT NOT NULL PK",
          "imported_at TEXT NOT NULL",
          "file_name TEXT NOT NULL",
          "package_sha256 TEXT NOT NULL",
          "unit_id TEXT NOT NULL",
          "conference_id TEXT NOT NULL",
          "revision INTEGER NOT NULL",
          "outcome TEXT NOT NULL",
          "summary TEXT NOT NULL DEFAULT ''",
        ],
        "parent_answers STRICT": [
          "id TEXT NOT NULL PK",
          "unit_id TEXT NOT NULL",
          "conference_id TEXT NOT NULL",
          "concern_id TEXT NOT NULL",
          "status TEXT NOT NULL",
          "changed_on TEXT NOT NULL",
          "note TEXT NOT NULL DEFAULT ''",
          "reported_by TEXT NOT NULL DEFAULT ''",
          "reference_doc TEXT NOT NULL DEFAULT ''",
          "created_at TEXT NOT NULL",
        ],
        "parent_keys STRICT": [
          "unit_id TEXT NOT NULL PK",
          "name TEXT NOT NULL",
          "public_key BLOB NOT NULL",
          "fingerprint TEXT NOT NULL",
          "accepted_at TEXT NOT NULL",
        ],
        "response_imports STRICT": [
          "id TEXT NOT NULL PK",
          "imported_at TEXT NOT NULL",
          "file_name TEXT NOT NULL",
          "package_sha256 TEXT NOT NULL",
          "from_unit_id TEXT NOT NULL",
          "entries_added INTEGER NOT NULL",
        ],
        "settings STRICT": [
          "key TEXT NOT NULL PK",
          "value TEXT NOT NULL",
        ],
        "speakers STRICT": [
          "id TEXT NOT NULL PK",
          "conference_id TEXT NOT NULL → conferences.id",
          "name TEXT NOT NULL DEFAULT ''",
          "name_folded TEXT NOT NULL DEFAULT ''",
          "position TEXT NOT NULL DEFAULT ''",
          "organization TEXT NOT NULL DEFAULT ''",
          "address TEXT NOT NULL DEFAULT ''",
          "registration_order INTEGER",
          "created_at TEXT NOT NULL",
          "updated_at TEXT NOT NULL",
          "deleted_at TEXT",
        ],
        "turns STRICT": [
          "id TEXT NOT NULL PK",
          "conference_id TEXT NOT NULL → conferences.id",
          "speaker_id TEXT NOT NULL → speakers.id",
          "seq INTEGER NOT NULL",
          "started_at TEXT NOT NULL",
          "summary TEXT NOT NULL DEFAULT ''",
          "created_at TEXT NOT NULL",
          "updated_at TEXT NOT NULL",
          "deleted_at TEXT",
        ],
        "unit_keys STRICT": [
          "unit_id TEXT NOT NULL PK → units.id",
          "public_key BLOB NOT NULL",
          "fingerprint TEXT NOT NULL",
          "accepted_at TEXT NOT NULL",
        ],
        "units STRICT": [
          "id TEXT NOT NULL PK",
          "name TEXT NOT NULL",
          "name_folded TEXT NOT NULL",
          "level TEXT NOT NULL",
          "code TEXT",
          "parent_id TEXT → units.id",
          "document_style TEXT NOT NULL DEFAULT 'party'",
          "header_parent_line TEXT NOT NULL DEFAULT ''",
          "header_issuer_line TEXT NOT NULL DEFAULT ''",
          "place_name TEXT NOT NULL DEFAULT ''",
          "created_at TEXT NOT NULL",
          "updated_at TEXT NOT NULL",
          "deleted_at TEXT",
        ],
      }
    `);
    expect(indexes(db)).toMatchInlineSnapshot(`
      [
        "agencies: agencies_name_folded",
        "concern_status_changes: concern_status_changes_concern",
        "concerns: concerns_agency",
        "concerns: concerns_conference",
        "concerns: concerns_followup",
        "conferences: conferences_unit_date",
        "imported_conferences: imported_conferences_unit",
        "parent_answers: parent_answers_unit",
        "speakers: speakers_conference",
        "speakers: speakers_name_folded",
        "turns: turns_conference",
        "turns: turns_speaker",
        "units: units_name_folded",
      ]
    `);
  });

  const now = '2026-10-02T01:00:00.000Z';
  const insertUnit = (id = randomUUID()) => {
    db.prepare(`INSERT INTO units (id, name, name_folded, level, created_at, updated_at) VALUES (?, 'Xã A', 'xa a', 'xã', ?, ?)`).run(id, now, now);
    return id;
  };
  const insertConference = (unitId: string, id = randomUUID()) => {
    db.prepare(
      `INSERT INTO conferences (id, unit_id, title, kind, date, start_time, created_at, updated_at) VALUES (?, ?, 'T', 'periodic', '2026-10-02', '08:00', ?, ?)`,
    ).run(id, unitId, now, now);
    return id;
  };

  describe('STRICT tables reject values of the wrong type', () => {
    it('text in an INTEGER column', () => {
      expect(() =>
        db.prepare(`INSERT INTO fields (id, name, name_folded, position, created_at, updated_at) VALUES ('f', 'F', 'f', 'đầu tiên', ?, ?)`).run(now, now),
      ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_DATATYPE' }));
    });

    it('a fraction in an INTEGER column', () => {
      const conferenceId = insertConference(insertUnit());
      expect(() => db.prepare('UPDATE conferences SET attendee_count = 12.5 WHERE id = ?').run(conferenceId)).toThrow(
        expect.objectContaining({ code: 'SQLITE_CONSTRAINT_DATATYPE' }),
      );
    });

    it('a blob in a TEXT column', () => {
      expect(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', Buffer.from([1, 2, 3]))).toThrow(
        expect.objectContaining({ code: 'SQLITE_CONSTRAINT_DATATYPE' }),
      );
    });

    it('while values of the right type go in', () => {
      db.prepare(`INSERT INTO fields (id, name, name_folded, position, created_at, updated_at) VALUES ('f', 'F', 'f', 7, ?, ?)`).run(now, now);
      expect(db.prepare(`SELECT typeof(position) AS t, position FROM fields WHERE id = 'f'`).get()).toEqual({ t: 'integer', position: 7 });
    });
  });

  it('CHECK constraints guard the closed lists and JSON columns', () => {
    const unitId = insertUnit();
    const bad = (sql: string) => () => db.prepare(sql).run(now, now);
    expect(
      bad(`INSERT INTO conferences (id, unit_id, title, kind, date, start_time, created_at, updated_at) VALUES ('c', '${unitId}', 'T', 'weekly', '2026-10-02', '08:00', ?, ?)`),
    ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_CHECK' }));
    expect(
      bad(
        `INSERT INTO conferences (id, unit_id, title, kind, date, start_time, chairs, created_at, updated_at) VALUES ('c', '${unitId}', 'T', 'periodic', '2026-10-02', '08:00', 'không phải JSON', ?, ?)`,
      ),
    ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_CHECK' }));
    const conferenceId = insertConference(unitId);
    // A pre-collected concern has no turn; a turn concern must have one.
    expect(
      bad(`INSERT INTO concerns (id, conference_id, turn_id, source, seq, created_at, updated_at) VALUES ('k', '${conferenceId}', NULL, 'turn', 1, ?, ?)`),
    ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_CHECK' }));
    expect(
      bad(
        `INSERT INTO concerns (id, conference_id, source, seq, handling, created_at, updated_at) VALUES ('k', '${conferenceId}', 'precollected', 1, 'ignored', ?, ?)`,
      ),
    ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_CHECK' }));
  });

  describe('foreign keys are enforced', () => {
    it('a conference of an unknown unit is refused', () => {
      expect(() => insertConference(randomUUID())).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
      expect(db.prepare('SELECT COUNT(*) AS n FROM conferences').get()).toEqual({ n: 0 });
    });

    it('a turn of an unknown speaker, a concern of an unknown field or agency are refused', () => {
      const conferenceId = insertConference(insertUnit());
      expect(() =>
        db.prepare(`INSERT INTO turns (id, conference_id, speaker_id, seq, started_at, created_at, updated_at) VALUES ('t', ?, 'nobody', 1, ?, ?, ?)`).run(
          conferenceId,
          now,
          now,
          now,
        ),
      ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
      for (const column of ['field_id', 'agency_id']) {
        expect(() =>
          db.prepare(`INSERT INTO concerns (id, conference_id, source, seq, ${column}, created_at, updated_at) VALUES ('k', ?, 'precollected', 1, 'nothing', ?, ?)`).run(
            conferenceId,
            now,
            now,
          ),
        ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
      }
    });

    it('a unit that conferences refer to cannot be removed', () => {
      const unitId = insertUnit();
      insertConference(unitId);
      expect(() => db.prepare('DELETE FROM units WHERE id = ?').run(unitId)).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
    });

    it('a status change of an unknown concern is refused', () => {
      expect(() =>
        db.prepare(`INSERT INTO concern_status_changes (id, concern_id, status, changed_on, created_at) VALUES ('h', 'none', 'open', '2026-10-02', ?)`).run(now),
      ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
    });
  });
});
