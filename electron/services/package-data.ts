/** A conference as the package's data.json holds it, read from and written to the database. */
import { fold } from '../../shared/text';
import type { PackageData } from '../package/model';
import type { ServiceContext } from './context';

type Row = Record<string, unknown>;

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The columns each part carries in the package; folded copies are derived, not sent. */
export const COLUMNS = {
  conferences: ['id', 'unit_id', 'title', 'kind', 'date', 'start_time', 'end_time', 'location', 'plan_ref', 'chairs', 'secretary', 'guests',
    'attendee_count', 'attendance_note', 'report', 'conclusion', 'status', 'revision', 'created_at', 'updated_at', 'deleted_at'],
  speakers: ['id', 'name', 'position', 'organization', 'address', 'registration_order', 'created_at', 'updated_at', 'deleted_at'],
  turns: ['id', 'speaker_id', 'seq', 'started_at', 'summary', 'created_at', 'updated_at', 'deleted_at'],
  concerns: ['id', 'turn_id', 'source', 'seq', 'field_id', 'text', 'handling', 'answered_by', 'answer', 'agency_id', 'deadline', 'status', 'note',
    'created_at', 'updated_at', 'deleted_at'],
  concern_status_changes: ['id', 'concern_id', 'status', 'changed_on', 'note', 'reference_doc', 'created_at'],
} as const;
const JSON_COLUMNS = new Set(['chairs', 'secretary', 'guests']);

function toJson(row: Row, columns: readonly string[]): Row {
  const out: Row = {};
  for (const c of columns) out[camel(c)] = JSON_COLUMNS.has(c) ? JSON.parse(row[c] as string) : row[c];
  return out;
}

/** Everything needed to recreate the conference elsewhere with its ids, in a stable order. */
export function readConferenceData(ctx: ServiceContext, conferenceId: string): PackageData {
  const conference = ctx.sql('SELECT * FROM conferences WHERE id = ?').get(conferenceId) as Row;
  const speakers = ctx.sql('SELECT * FROM speakers WHERE conference_id = ? ORDER BY created_at, id').all(conferenceId) as Row[];
  const turns = ctx.sql('SELECT * FROM turns WHERE conference_id = ? ORDER BY seq, id').all(conferenceId) as Row[];
  const concerns = ctx.sql('SELECT * FROM concerns WHERE conference_id = ? ORDER BY source, seq, id').all(conferenceId) as Row[];
  const changes = ctx.sql(
    `SELECT h.* FROM concern_status_changes h JOIN concerns c ON c.id = h.concern_id
     WHERE c.conference_id = ? ORDER BY h.changed_on, h.created_at, h.id`,
  ).all(conferenceId) as Row[];
  const fields = ctx.sql(
    `SELECT id, name, position, deleted_at FROM fields WHERE id IN (SELECT field_id FROM concerns WHERE conference_id = ?) ORDER BY position, id`,
  ).all(conferenceId) as Row[];
  const agencies = ctx.sql(
    `SELECT id, name, deleted_at FROM agencies WHERE id IN (SELECT agency_id FROM concerns WHERE conference_id = ?) ORDER BY name, id`,
  ).all(conferenceId) as Row[];
  return {
    conference: toJson(conference, COLUMNS.conferences),
    speakers: speakers.map((r) => toJson(r, COLUMNS.speakers)),
    turns: turns.map((r) => toJson(r, COLUMNS.turns)),
    concerns: concerns.map((r) => toJson(r, COLUMNS.concerns)),
    statusChanges: changes.map((r) => toJson(r, COLUMNS.concern_status_changes)),
    fields: fields.map((r) => toJson(r, ['id', 'name', 'position', 'deleted_at'])),
    agencies: agencies.map((r) => toJson(r, ['id', 'name', 'deleted_at'])),
  } as unknown as PackageData;
}

/** Counts shown to the officer before → after a replacement. */
export interface DataCounts {
  speakers: number;
  turns: number;
  concerns: number;
  statusChanges: number;
}

export function countsOf(data: PackageData | null): DataCounts {
  const live = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt).length;
  if (!data) return { speakers: 0, turns: 0, concerns: 0, statusChanges: 0 };
  return { speakers: live(data.speakers), turns: live(data.turns), concerns: live(data.concerns), statusChanges: data.statusChanges.length };
}

/**
 * Replaces the conference's rows with the package's. Fields and agencies are matched by
 * name to this database's own (reports across units add up by name); a missing one is
 * added with the child's id. Call inside the import's transaction.
 */
export function writeConferenceData(ctx: ServiceContext, data: PackageData, replacing = true): void {
  const id = data.conference.id;
  if (replacing) deleteConferenceRows(ctx, id);
  const fieldIds = new Map<string, string>();
  for (const f of data.fields) fieldIds.set(f.id, localField(ctx, f));
  const agencyIds = new Map<string, string>();
  for (const a of data.agencies) agencyIds.set(a.id, localAgency(ctx, a));

  insertRows(ctx, 'conferences', [data.conference], {});
  insertRows(ctx, 'speakers', data.speakers, { conference_id: () => id, name_folded: (s) => fold(s.name as string) });
  insertRows(ctx, 'turns', data.turns, { conference_id: () => id });
  insertRows(ctx, 'concerns', data.concerns, {
    conference_id: () => id,
    text_folded: (k) => fold(k.text as string),
    field_id: (k) => (k.fieldId === null ? null : (fieldIds.get(k.fieldId as string) ?? null)),
    agency_id: (k) => (k.agencyId === null ? null : (agencyIds.get(k.agencyId as string) ?? null)),
  });
  insertRows(ctx, 'concern_status_changes', data.statusChanges, {});
}

type Derived = Record<string, (row: Row) => unknown>;

/**
 * One positional statement per table, its columns worked out once: an import of thirty
 * packages writes tens of thousands of rows, and naming each value per row cost as much
 * as writing it.
 */
function insertRows(ctx: ServiceContext, table: keyof typeof COLUMNS, rows: readonly object[], derived: Derived): void {
  const columns = [...new Set([...COLUMNS[table], ...Object.keys(derived)])];
  const read = columns.map((c): ((row: Row) => unknown) => {
    const compute = derived[c];
    if (compute) return compute;
    const key = camel(c);
    return JSON_COLUMNS.has(c) ? (row) => JSON.stringify(row[key]) : (row) => row[key];
  });
  const statement = ctx.sql(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const row of rows as Row[]) statement.run(read.map((f) => f(row)));
}

export function deleteConferenceRows(ctx: ServiceContext, conferenceId: string): void {
  ctx.sql('DELETE FROM concern_status_changes WHERE concern_id IN (SELECT id FROM concerns WHERE conference_id = ?)').run(conferenceId);
  ctx.sql('DELETE FROM concerns WHERE conference_id = ?').run(conferenceId);
  ctx.sql('DELETE FROM turns WHERE conference_id = ?').run(conferenceId);
  ctx.sql('DELETE FROM speakers WHERE conference_id = ?').run(conferenceId);
  ctx.sql('DELETE FROM conferences WHERE id = ?').run(conferenceId);
}

function localField(ctx: ServiceContext, f: PackageData['fields'][number]): string {
  const folded = fold(f.name);
  const found = ctx.sql('SELECT id FROM fields WHERE name_folded = ? ORDER BY deleted_at IS NOT NULL, position LIMIT 1').get(folded) as { id: string } | undefined;
  if (found) return found.id;
  const taken = ctx.sql('SELECT 1 FROM fields WHERE id = ?').get(f.id);
  const id = taken ? ctx.newId() : f.id;
  const position = (ctx.sql('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM fields').get() as { p: number }).p;
  const now = ctx.now().toISOString();
  ctx.sql('INSERT INTO fields (id, name, name_folded, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, f.name, folded, position, now, now);
  return id;
}

function localAgency(ctx: ServiceContext, a: PackageData['agencies'][number]): string {
  const folded = fold(a.name);
  const found = ctx.sql('SELECT id FROM agencies WHERE name_folded = ? ORDER BY deleted_at IS NOT NULL LIMIT 1').get(folded) as { id: string } | undefined;
  if (found) return found.id;
  const taken = ctx.sql('SELECT 1 FROM agencies WHERE id = ?').get(a.id);
  const id = taken ? ctx.newId() : a.id;
  const now = ctx.now().toISOString();
  ctx.sql('INSERT INTO agencies (id, name, name_folded, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, a.name, folded, now, now);
  return id;
}
