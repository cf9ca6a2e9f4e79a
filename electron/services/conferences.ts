/** Conferences: prepare, run, close; list with live counts; one conference in full. */
import type { ApiParsed } from '../../shared/api/contract';
import type { Conference, ConferenceDetail, ConferenceSummary, Deleted } from '../../shared/api/types';
import { formatTime } from '../../shared/dates';
import { ApiError } from '../../shared/api/errors';
import { refuseIfImported } from './conference-touch';
import { notFound, refused, setClause, stamp, type ServiceContext } from './context';
import { conferenceCounts } from './counts';
import { listConcerns } from './concerns';
import { listSpeakers } from './speakers';
import { listTurns } from './turns';
import { ownUnitId } from './units';
import { toConference, type ConferenceRow } from './rows';

const COLUMNS: Record<string, string> = {
  title: 'title',
  kind: 'kind',
  date: 'date',
  startTime: 'start_time',
  endTime: 'end_time',
  location: 'location',
  planRef: 'plan_ref',
  chairs: 'chairs',
  secretary: 'secretary',
  guests: 'guests',
  attendeeCount: 'attendee_count',
  attendanceNote: 'attendance_note',
  report: 'report',
  conclusion: 'conclusion',
};
const JSON_KEYS = new Set(['chairs', 'secretary', 'guests']);

function toParams(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, JSON_KEYS.has(k) ? JSON.stringify(v) : v]));
}

export function getConference(ctx: ServiceContext, id: string, options: { includeDeleted?: boolean } = {}): Conference {
  const row = ctx.sql(`SELECT * FROM conferences WHERE id = ? ${options.includeDeleted ? '' : 'AND deleted_at IS NULL'}`)
    .get(id) as ConferenceRow | undefined;
  if (!row) throw notFound('hội nghị');
  return toConference(row);
}

/** The conference, if this unit may change it. */
function getWritableConference(ctx: ServiceContext, id: string, options: { includeDeleted?: boolean } = {}): Conference {
  const conference = getConference(ctx, id, options);
  refuseIfImported(ctx, id);
  return conference;
}

/**
 * A conference has one date, so it cannot end before it began: an end before the start is
 * a slip (the clock read after midnight, a mistyped hour). The message names the field
 * that was just changed, so the screen shows it next to that box.
 */
function checkTimes(startTime: string, endTime: string | null, changed: 'startTime' | 'endTime', path: string[] = []): void {
  if (endTime === null || endTime >= startTime) return;
  const message =
    changed === 'endTime'
      ? `Giờ kết thúc (${endTime}) không được trước giờ bắt đầu (${startTime}) trong cùng ngày. Hãy sửa lại giờ kết thúc.`
      : `Giờ bắt đầu (${startTime}) không được sau giờ kết thúc (${endTime}) trong cùng ngày. Hãy sửa lại giờ bắt đầu.`;
  throw new ApiError('invalid_input', message, [{ path: [...path, changed], message }]);
}

export function createConference(ctx: ServiceContext, input: ApiParsed<'conferences.create'>, unitId = ownUnitId(ctx)): Conference {
  if (!unitId) throw refused('Chưa thiết lập đơn vị. Hãy khai báo đơn vị trước khi tạo hội nghị.');
  const id = ctx.newId();
  const now = stamp(ctx);
  const { title, ...rest } = input;
  checkTimes(input.startTime, input.endTime, 'endTime');
  ctx.sql(
      `INSERT INTO conferences (id, unit_id, title, kind, date, start_time, end_time, location, plan_ref, chairs,
         secretary, guests, attendee_count, attendance_note, report, conclusion, created_at, updated_at)
       VALUES (@id, @unitId, @title, @kind, @date, @startTime, @endTime, @location, @planRef, @chairs,
         @secretary, @guests, @attendeeCount, @attendanceNote, @report, @conclusion, @now, @now)`,
    )
    .run({ id, unitId, now, ...toParams({ title: title.trim(), ...rest }) });
  return getConference(ctx, id);
}

export function updateConference(ctx: ServiceContext, input: ApiParsed<'conferences.update'>): Conference {
  const before = getWritableConference(ctx, input.id);
  const { startTime, endTime } = input.patch;
  if (startTime !== undefined || endTime !== undefined) {
    checkTimes(startTime ?? before.startTime, endTime === undefined ? before.endTime : endTime, endTime !== undefined ? 'endTime' : 'startTime', ['patch']);
  }
  const patch = input.patch as Record<string, unknown>;
  const sets = setClause(patch, COLUMNS);
  if (sets.length > 0) {
    ctx.sql(`UPDATE conferences SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`)
      .run({ ...toParams(patch), id: input.id, now: stamp(ctx) });
  }
  return getConference(ctx, input.id);
}

export function startConference(ctx: ServiceContext, id: string): Conference {
  const conference = getWritableConference(ctx, id);
  if (conference.status === 'closed') throw refused('Hội nghị đã kết thúc. Hãy mở lại nếu cần ghi tiếp.');
  ctx.sql(`UPDATE conferences SET status = 'live', updated_at = ? WHERE id = ?`).run(stamp(ctx), id);
  return getConference(ctx, id);
}

/**
 * Closing records the end time the secretary confirmed, or the hall's clock; closing again
 * keeps the first. A clock read after midnight is refused like a mistyped end.
 */
export function closeConference(ctx: ServiceContext, id: string, endTime?: string): Conference {
  const conference = getWritableConference(ctx, id);
  if (conference.status === 'closed') return conference;
  const end = endTime ?? formatTime(ctx.now());
  checkTimes(conference.startTime, end, 'endTime');
  ctx.sql(`UPDATE conferences SET status = 'closed', end_time = ?, updated_at = ? WHERE id = ?`)
    .run(end, stamp(ctx), id);
  return getConference(ctx, id);
}

export function reopenConference(ctx: ServiceContext, id: string): Conference {
  getWritableConference(ctx, id);
  ctx.sql(`UPDATE conferences SET status = 'live', updated_at = ? WHERE id = ?`).run(stamp(ctx), id);
  return getConference(ctx, id);
}

export function deleteConference(ctx: ServiceContext, id: string): Deleted {
  getWritableConference(ctx, id);
  const deletedAt = stamp(ctx);
  ctx.sql('UPDATE conferences SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, deletedAt, id);
  return { id, deletedAt };
}

export function restoreConference(ctx: ServiceContext, id: string): Conference {
  getWritableConference(ctx, id, { includeDeleted: true });
  ctx.sql('UPDATE conferences SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(stamp(ctx), id);
  return getConference(ctx, id);
}

export function listConferences(ctx: ServiceContext): ConferenceSummary[] {
  const rows = ctx.sql(
      `SELECT c.id, c.title, c.kind, c.date, c.start_time, c.status, c.unit_id, u.name AS unit_name, c.updated_at,
         EXISTS (SELECT 1 FROM imported_conferences i WHERE i.conference_id = c.id) AS imported,
         (SELECT COUNT(*) FROM turns t WHERE t.conference_id = c.id AND t.deleted_at IS NULL) AS turns,
         (SELECT COUNT(*) FROM concerns k LEFT JOIN turns t ON t.id = k.turn_id
            WHERE k.conference_id = c.id AND k.deleted_at IS NULL AND (k.turn_id IS NULL OR t.deleted_at IS NULL)) AS concerns
       FROM conferences c JOIN units u ON u.id = c.unit_id
       WHERE c.deleted_at IS NULL
       ORDER BY c.date DESC, c.start_time DESC, c.created_at DESC`,
    )
    .all() as Array<{
    id: string;
    title: string;
    kind: ConferenceSummary['kind'];
    date: string;
    start_time: string;
    status: ConferenceSummary['status'];
    unit_id: string;
    unit_name: string;
    updated_at: string;
    imported: number;
    turns: number;
    concerns: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    date: r.date,
    startTime: r.start_time,
    status: r.status,
    unitId: r.unit_id,
    unitName: r.unit_name,
    counts: { turns: r.turns, concernsTotal: r.concerns },
    updatedAt: r.updated_at,
    imported: r.imported === 1,
  }));
}

/** `asOf` dates the outcome counts (today when left out). */
export function conferenceDetail(ctx: ServiceContext, id: string, asOf?: string): ConferenceDetail {
  const conference = getConference(ctx, id);
  const unit = ctx.sql('SELECT name FROM units WHERE id = ?').get(conference.unitId) as { name: string };
  const concerns = listConcerns(ctx, id);
  return {
    conference,
    unitName: unit.name,
    speakers: listSpeakers(ctx, id),
    turns: listTurns(ctx, id, concerns),
    precollected: concerns.filter((c) => c.source === 'precollected'),
    counts: conferenceCounts(ctx, id, asOf),
    imported: importedAs(ctx, id),
  };
}

function importedAs(ctx: ServiceContext, id: string): { revision: number; importedAt: string } | null {
  const row = ctx.sql('SELECT revision, imported_at FROM imported_conferences WHERE conference_id = ?').get(id) as
    | { revision: number; imported_at: string }
    | undefined;
  return row ? { revision: row.revision, importedAt: row.imported_at } : null;
}
