/** Concerns (nội dung kiến nghị, phản ánh): raised in a turn or pre-collected by the Front. */
import type { ApiParsed } from '../../shared/api/contract';
import type { Concern, Deleted } from '../../shared/api/types';
import { ApiError } from '../../shared/api/errors';
import { localIsoDate } from '../../shared/dates';
import { fold } from '../../shared/text';
import { notFound, refused, requireConference, stamp, type ServiceContext } from './context';
import { agencyIdFor } from './agencies';
import { refuseIfImported, touchConference } from './conference-touch';
import { recordStatus, refreshStatus } from './outcomes';
import { CONCERN_SELECT, toConcern, type ConcernRow } from './rows';

type ConcernPatch = ApiParsed<'concerns.update'>['patch'];

const COLUMNS: Record<string, string> = {
  fieldId: 'field_id',
  text: 'text',
  handling: 'handling',
  answeredBy: 'answered_by',
  answer: 'answer',
  deadline: 'deadline',
  note: 'note',
};

function concernRow(ctx: ServiceContext, id: string, includeDeleted = false): ConcernRow {
  const row = ctx.sql(`${CONCERN_SELECT} WHERE c.id = ? ${includeDeleted ? '' : 'AND c.deleted_at IS NULL'}`).get(id) as
    | ConcernRow
    | undefined;
  if (!row) throw notFound('nội dung');
  return row;
}

export function getConcern(ctx: ServiceContext, id: string): Concern {
  return toConcern(concernRow(ctx, id));
}

/** Live concerns of a conference (or of one turn), in order. */
export function listConcerns(ctx: ServiceContext, conferenceId: string, turnId?: string): Concern[] {
  const rows = (
    turnId
      ? ctx.sql(`${CONCERN_SELECT} WHERE c.conference_id = ? AND c.turn_id = ? AND c.deleted_at IS NULL ORDER BY c.seq`).all(conferenceId, turnId)
      : ctx.sql(`${CONCERN_SELECT} WHERE c.conference_id = ? AND c.deleted_at IS NULL ORDER BY c.source DESC, c.seq`)
          .all(conferenceId)
  ) as ConcernRow[];
  return rows.map(toConcern);
}

function applyPatch(ctx: ServiceContext, row: ConcernRow, patch: ConcernPatch): void {
  // A received conference is its unit's record: refused even when the edit would change nothing.
  refuseIfImported(ctx, row.conference_id);
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = (patch as Record<string, unknown>)[key];
    if (value === undefined) continue;
    sets.push(`${column} = @${key}`);
    values[key] = value;
  }
  if (patch.text !== undefined) {
    sets.push('text_folded = @textFolded');
    values.textFolded = fold(patch.text);
  }
  if (patch.agencyName !== undefined) {
    sets.push('agency_id = @agencyId');
    values.agencyId = agencyIdFor(ctx, patch.agencyName);
  }
  if (patch.fieldId) {
    const field = ctx.sql('SELECT 1 FROM fields WHERE id = ?').get(patch.fieldId);
    if (!field) throw new ApiError('invalid_input', 'Lĩnh vực không có trong danh sách.', [{ path: ['fieldId'], message: 'Không tồn tại.' }]);
  }
  const statusChanged = patch.status !== undefined && patch.status !== row.status;
  if (sets.length === 0 && !statusChanged) return;
  const now = stamp(ctx);
  if (sets.length > 0) ctx.sql(`UPDATE concerns SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run({ ...values, id: row.id, now });
  else ctx.sql('UPDATE concerns SET updated_at = ? WHERE id = ?').run(now, row.id);
  // An outcome set with the matter is an entry of its history, dated today; a new handling
  // may change the outcome it starts with.
  if (statusChanged) recordStatus(ctx, row.id, { status: patch.status!, date: localIsoDate(ctx.now()) });
  else if (patch.handling !== undefined) refreshStatus(ctx, row.id);
  touchConference(ctx, row.conference_id);
}

export function addConcern(ctx: ServiceContext, input: ApiParsed<'concerns.add'>): Concern {
  requireConference(ctx, input.conferenceId);
  if (input.turnId) {
    const turn = ctx.sql('SELECT conference_id FROM turns WHERE id = ? AND deleted_at IS NULL').get(input.turnId) as
      | { conference_id: string }
      | undefined;
    if (!turn) throw notFound('lượt ý kiến');
    if (turn.conference_id !== input.conferenceId) throw refused('Lượt ý kiến không thuộc hội nghị này.');
  }
  const { next } = ctx.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM concerns WHERE conference_id = ? AND turn_id IS ?')
    .get(input.conferenceId, input.turnId) as { next: number };
  const id = ctx.newId();
  const now = stamp(ctx);
  ctx.sql(
      `INSERT INTO concerns (id, conference_id, turn_id, source, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, input.conferenceId, input.turnId, input.turnId ? 'turn' : 'precollected', next, now, now);
  const row = concernRow(ctx, id);
  applyPatch(ctx, row, input.initial ?? {});
  touchConference(ctx, input.conferenceId);
  return getConcern(ctx, id);
}

export function updateConcern(ctx: ServiceContext, input: ApiParsed<'concerns.update'>): Concern {
  const row = concernRow(ctx, input.id);
  applyPatch(ctx, row, input.patch);
  return getConcern(ctx, input.id);
}

export function deleteConcern(ctx: ServiceContext, id: string): Deleted {
  const row = concernRow(ctx, id);
  const deletedAt = stamp(ctx);
  ctx.sql('UPDATE concerns SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, deletedAt, id);
  touchConference(ctx, row.conference_id);
  return { id, deletedAt };
}

export function restoreConcern(ctx: ServiceContext, id: string): Concern {
  const row = concernRow(ctx, id, true);
  requireConference(ctx, row.conference_id);
  ctx.sql('UPDATE concerns SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(stamp(ctx), id);
  touchConference(ctx, row.conference_id);
  return getConcern(ctx, id);
}
