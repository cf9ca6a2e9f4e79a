/**
 * The parent unit's overview for a period: who among the units below has held a
 * conference and sent it up, and the figures across all they sent. Only conferences
 * received in packages count; this unit's own conferences are its own report.
 */
import type {
  Aggregate,
  AggregateRow,
  ChildUnit,
  Completeness,
  ImportedConference,
  Overview,
  RenderedDocument,
  UnitAggregate,
} from '../../shared/api/types';
import { CONFERENCE_KINDS, UNIT_LEVELS, type ConcernStatus, type ConferenceKind, type Handling } from '../../shared/domain';
import { fold } from '../../shared/text';
import type { ApiParsed } from '../../shared/api/contract';
import { localIsoDate } from '../../shared/dates';
import { MIME_TYPES } from '../documents/index';
import { UNCLASSIFIED_FIELD } from '../documents/model';
import { TOTAL_LABEL } from '../documents/tables';
import { summaryFileName } from '../documents/summary';
import { listChildUnits } from './child-units';
import type { ServiceContext } from './context';
import { later, type Later } from './later';
import { getOwnUnit } from './units';
import { statusAsOfSql } from './outcomes';


/** The aggregate report of the period, laid out after the request (in the hosts, by the worker). */
export function renderOverview(ctx: ServiceContext, input: ApiParsed<'overview.render'>): Later<RenderedDocument> {
  const today = localIsoDate(ctx.now());
  // "Đến ngày …, đã giải quyết xong …": the outcomes as of the report's own date.
  const overview = overviewOf(ctx, input.from, input.to, input.settings.date ?? today);
  const unit = getOwnUnit(ctx);
  const renderer = ctx.documents;
  return later(async () => ({
    fileName: summaryFileName(unit, input.from, input.to, input.format),
    mimeType: MIME_TYPES[input.format],
    base64: (await renderer.render({ kind: 'summary', format: input.format, overview, unit, options: input.settings, today })).toString('base64'),
  }));
}

/** `asOf` (yyyy-mm-dd, today by default): the date the matters' outcomes are counted on. */
export function overviewOf(ctx: ServiceContext, from: string, to: string, asOf = localIsoDate(ctx.now())): Overview {
  const units = listChildUnits(ctx);
  const conferences = importedConferencesIn(ctx, units, from, to);
  return {
    unitName: getOwnUnit(ctx)?.name ?? null,
    units,
    completeness: completenessOf(units, conferences, from, to),
    aggregate: aggregateOf(ctx, units, conferences, asOf),
  };
}

/** The received conferences of these units held between the two dates (inclusive), oldest first. */
function importedConferencesIn(ctx: ServiceContext, units: ChildUnit[], from: string, to: string): ImportedConference[] {
  const rows = ctx.sql(
    `SELECT c.id, c.unit_id, c.title, c.kind, c.date, c.attendee_count, i.revision, i.imported_at,
            (SELECT COUNT(*) FROM turns t WHERE t.conference_id = c.id AND t.deleted_at IS NULL) AS turns,
            (SELECT COUNT(*) FROM concerns k LEFT JOIN turns t ON t.id = k.turn_id
              WHERE k.conference_id = c.id AND k.deleted_at IS NULL AND (k.turn_id IS NULL OR t.deleted_at IS NULL)) AS concerns
       FROM imported_conferences i JOIN conferences c ON c.id = i.conference_id
      WHERE c.deleted_at IS NULL AND c.date BETWEEN ? AND ?
        AND c.unit_id IN (SELECT value FROM json_each(?))
      ORDER BY c.date, c.start_time, c.id`,
  ).all(from, to, JSON.stringify(units.map((u) => u.id))) as Array<{
    id: string;
    unit_id: string;
    title: string;
    kind: ConferenceKind;
    date: string;
    attendee_count: number | null;
    revision: number;
    imported_at: string;
    turns: number;
    concerns: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    kind: r.kind,
    date: r.date,
    revision: r.revision,
    importedAt: r.imported_at,
    attendeeCount: r.attendee_count,
    turns: r.turns,
    concerns: r.concerns,
  }));
}

function completenessOf(units: ChildUnit[], conferences: ImportedConference[], from: string, to: string): Completeness {
  const byUnit = groupBy(conferences, (c) => c.unitId);
  const entries = units.map((u) => ({ unitId: u.id, name: u.name, level: u.level, depth: u.depth, conferences: byUnit.get(u.id) ?? [] }));
  const reported = entries.filter((e) => e.conferences.length > 0).length;
  const byKind = Object.fromEntries(
    CONFERENCE_KINDS.map((kind) => {
      const held = conferences.filter((c) => c.kind === kind);
      return [kind, { units: new Set(held.map((c) => c.unitId)).size, conferences: held.length }];
    }),
  ) as Completeness['byKind'];
  return {
    from,
    to,
    units: entries,
    reported,
    total: units.length,
    label: `${reported}/${units.length} ${levelsPhrase(units)}`,
    missing: entries.filter((e) => e.conferences.length === 0).map((e) => e.name),
    byKind,
  };
}

/** "phường", or "xã, phường" for a mixed list, in the order of the administrative levels. */
function levelsPhrase(units: ChildUnit[]): string {
  const present = new Set(units.map((u) => u.level));
  const known = UNIT_LEVELS.filter((l) => present.has(l));
  const other = [...present].filter((l) => !(UNIT_LEVELS as readonly string[]).includes(l)).sort();
  return [...known, ...other].join(', ') || 'đơn vị';
}

function aggregateOf(ctx: ServiceContext, units: ChildUnit[], conferences: ImportedConference[], asOf: string): Aggregate {
  const matters = ctx.sql(
    `SELECT c.unit_id, f.name AS field, MIN(f.position) AS position, k.handling, ${statusAsOfSql('k')} AS status, COUNT(*) AS n
       FROM concerns k LEFT JOIN turns t ON t.id = k.turn_id
       JOIN conferences c ON c.id = k.conference_id
       LEFT JOIN fields f ON f.id = k.field_id
      WHERE k.deleted_at IS NULL AND (k.turn_id IS NULL OR t.deleted_at IS NULL)
        AND k.conference_id IN (SELECT value FROM json_each(@ids))
      GROUP BY c.unit_id, f.name, k.handling, 5`, // 5: the outcome on the date (a result column)
  ).all({ ids: JSON.stringify(conferences.map((c) => c.id)), asOf }) as Array<{
    unit_id: string;
    field: string | null;
    position: number | null;
    handling: Handling | null;
    status: ConcernStatus;
    n: number;
  }>;

  const total = emptyRow(TOTAL_LABEL);
  // Fields are matched by name: every database seeds its own list, so the same field has other ids elsewhere.
  const byField = new Map<string, { row: AggregateRow; position: number }>();
  const byUnitMatters = new Map<string, AggregateRow>();
  for (const m of matters) {
    const name = m.field ?? UNCLASSIFIED_FIELD;
    const key = fold(name);
    let field = byField.get(key);
    if (!field) {
      field = { row: emptyRow(name), position: m.position ?? Number.MAX_SAFE_INTEGER };
      byField.set(key, field);
    }
    field.position = Math.min(field.position, m.position ?? Number.MAX_SAFE_INTEGER);
    let unitRow = byUnitMatters.get(m.unit_id);
    if (!unitRow) {
      unitRow = emptyRow('');
      byUnitMatters.set(m.unit_id, unitRow);
    }
    for (const row of [field.row, unitRow, total]) add(row, m.handling, m.status, m.n);
  }

  const perUnit = groupBy(conferences, (c) => c.unitId);
  const byUnit: UnitAggregate[] = units.map((u) => {
    const held = perUnit.get(u.id) ?? [];
    return {
      ...(byUnitMatters.get(u.id) ?? emptyRow('')),
      label: u.name,
      unitId: u.id,
      conferences: held.length,
      attendance: sum(held.map((c) => c.attendeeCount ?? 0)),
      turns: sum(held.map((c) => c.turns)),
    };
  });

  return {
    conferences: conferences.length,
    attendance: sum(conferences.map((c) => c.attendeeCount ?? 0)),
    turns: sum(conferences.map((c) => c.turns)),
    concerns: total.total,
    byField: [...byField.values()]
      .sort((a, b) => a.position - b.position || a.row.label.localeCompare(b.row.label, 'vi'))
      .map((f) => f.row),
    byUnit,
    byKind: Object.fromEntries(CONFERENCE_KINDS.map((k) => [k, conferences.filter((c) => c.kind === k).length])) as Aggregate['byKind'],
    total,
  };
}

function emptyRow(label: string): AggregateRow {
  return { label, total: 0, answered: 0, assigned: 0, forwarded: 0, noted: 0, resolved: 0, inProgress: 0, open: 0 };
}

function add(row: AggregateRow, handling: Handling | null, status: ConcernStatus, n: number): void {
  row.total += n;
  if (handling) row[handling] += n;
  row[status] += n;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
