/** Reads the database behind the UI directly (read-only) for assertions. */
import Database from 'better-sqlite3';

export type ReadDb = Database.Database;

/** Opens the database read-only; the host may keep writing meanwhile (WAL). */
export function openDbReadOnly(dbPath: string): ReadDb {
  return new Database(dbPath, { readonly: true, fileMustExist: true });
}

/** Runs `fn` on a read-only connection and closes it. */
export function withDb<T>(dbPath: string, fn: (db: ReadDb) => T): T {
  const db = openDbReadOnly(dbPath);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export interface StoredConcern {
  id: string;
  turnSeq: number | null;
  source: 'turn' | 'precollected';
  seq: number;
  field: string | null;
  text: string;
  handling: string | null;
  answeredBy: string;
  answer: string;
  agency: string | null;
  deadline: string | null;
}

export interface StoredTurn {
  id: string;
  seq: number;
  startedAt: string;
  speaker: { name: string; position: string; organization: string; address: string; registrationOrder: number | null };
}

export interface StoredConference {
  id: string;
  title: string;
  kind: string;
  date: string;
  startTime: string;
  endTime: string | null;
  location: string;
  planRef: string;
  chairs: Array<{ name: string; position: string }>;
  secretary: { name: string; position: string };
  guests: string[];
  attendeeCount: number | null;
  report: string;
  conclusion: string;
  status: string;
}

export interface Snapshot {
  conference: StoredConference;
  unit: { name: string; level: string; parentName: string | null; headerParentLine: string; headerIssuerLine: string; placeName: string } | null;
  registered: Array<{ name: string; position: string; organization: string; address: string; registrationOrder: number }>;
  turns: StoredTurn[];
  concerns: StoredConcern[];
  counts: {
    turns: number;
    concernsRaisedInTurns: number;
    concernsPrecollected: number;
    concernsTotal: number;
    byField: Record<string, number>;
    byHandling: Record<string, number>;
    speakersRegistered: number;
  };
}

/** Everything stored about one conference (the only one when no id is given), live rows only. */
export function snapshot(dbPath: string, conferenceId?: string): Snapshot {
  return withDb(dbPath, (db) => {
    const row = (
      conferenceId
        ? db.prepare('SELECT * FROM conferences WHERE id = ? AND deleted_at IS NULL').get(conferenceId)
        : db.prepare('SELECT * FROM conferences WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT 1').get()
    ) as Record<string, unknown> | undefined;
    if (!row) throw new Error('no conference in the database');
    const id = row.id as string;
    const conference: StoredConference = {
      id,
      title: row.title as string,
      kind: row.kind as string,
      date: row.date as string,
      startTime: row.start_time as string,
      endTime: row.end_time as string | null,
      location: row.location as string,
      planRef: row.plan_ref as string,
      chairs: JSON.parse(row.chairs as string),
      secretary: JSON.parse(row.secretary as string),
      guests: JSON.parse(row.guests as string),
      attendeeCount: row.attendee_count as number | null,
      report: row.report as string,
      conclusion: row.conclusion as string,
      status: row.status as string,
    };
    const unitRow = db
      .prepare(
        `SELECT u.name, u.level, p.name AS parent_name, u.header_parent_line, u.header_issuer_line, u.place_name
         FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ?`,
      )
      .get(row.unit_id) as Record<string, string | null> | undefined;
    const unit = unitRow
      ? {
          name: unitRow.name!,
          level: unitRow.level!,
          parentName: unitRow.parent_name ?? null,
          headerParentLine: unitRow.header_parent_line!,
          headerIssuerLine: unitRow.header_issuer_line!,
          placeName: unitRow.place_name!,
        }
      : null;
    const registered = db
      .prepare(
        `SELECT name, position, organization, address, registration_order AS registrationOrder FROM speakers
         WHERE conference_id = ? AND deleted_at IS NULL AND registration_order IS NOT NULL ORDER BY registration_order`,
      )
      .all(id) as Snapshot['registered'];
    const turns = (
      db
        .prepare(
          `SELECT t.id, t.seq, t.started_at, s.name, s.position, s.organization, s.address, s.registration_order
           FROM turns t JOIN speakers s ON s.id = t.speaker_id
           WHERE t.conference_id = ? AND t.deleted_at IS NULL ORDER BY t.seq`,
        )
        .all(id) as Array<Record<string, unknown>>
    ).map((r) => ({
      id: r.id as string,
      seq: r.seq as number,
      startedAt: r.started_at as string,
      speaker: {
        name: r.name as string,
        position: r.position as string,
        organization: r.organization as string,
        address: r.address as string,
        registrationOrder: r.registration_order as number | null,
      },
    }));
    const concerns = (
      db
        .prepare(
          `SELECT c.id, t.seq AS turn_seq, c.source, c.seq, f.name AS field, c.text, c.handling, c.answered_by, c.answer,
                  a.name AS agency, c.deadline
           FROM concerns c
             LEFT JOIN turns t ON t.id = c.turn_id
             LEFT JOIN fields f ON f.id = c.field_id
             LEFT JOIN agencies a ON a.id = c.agency_id
           WHERE c.conference_id = ? AND c.deleted_at IS NULL AND (c.turn_id IS NULL OR t.deleted_at IS NULL)
           ORDER BY c.source DESC, t.seq, c.seq`,
        )
        .all(id) as Array<Record<string, unknown>>
    ).map((r) => ({
      id: r.id as string,
      turnSeq: r.turn_seq as number | null,
      source: r.source as 'turn' | 'precollected',
      seq: r.seq as number,
      field: r.field as string | null,
      text: r.text as string,
      handling: r.handling as string | null,
      answeredBy: r.answered_by as string,
      answer: r.answer as string,
      agency: r.agency as string | null,
      deadline: r.deadline as string | null,
    }));
    const byField: Record<string, number> = {};
    const byHandling: Record<string, number> = { answered: 0, assigned: 0, forwarded: 0, noted: 0 };
    for (const c of concerns) {
      if (c.field) byField[c.field] = (byField[c.field] ?? 0) + 1;
      if (c.handling) byHandling[c.handling] = (byHandling[c.handling] ?? 0) + 1;
    }
    const inTurns = concerns.filter((c) => c.source === 'turn').length;
    const precollected = concerns.length - inTurns;
    return {
      conference,
      unit,
      registered,
      turns,
      concerns,
      counts: {
        turns: turns.length,
        concernsRaisedInTurns: inTurns,
        concernsPrecollected: precollected,
        concernsTotal: concerns.length,
        byField,
        byHandling,
        speakersRegistered: registered.length,
      },
    };
  });
}
