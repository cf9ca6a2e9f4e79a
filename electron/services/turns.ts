/** Speaking turns (lượt ý kiến): who took the floor, when, in order. */
import type { ApiParsed } from '../../shared/api/contract';
import type { Concern, Deleted, Speaker, Turn } from '../../shared/api/types';
import { notFound, requireConference, stamp, type ServiceContext } from './context';
import { touchConference } from './conference-touch';
import { listConcerns } from './concerns';
import { dropIfOrphan, getSpeaker, insertSpeaker, speakerForConference } from './speakers';
import { toTurn, type TurnRow } from './rows';

const TURN_COLUMNS = 'id, conference_id, speaker_id, seq, started_at, summary';

function turnRow(ctx: ServiceContext, id: string, includeDeleted = false): TurnRow {
  const row = ctx.sql(`SELECT ${TURN_COLUMNS} FROM turns WHERE id = ? ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`)
    .get(id) as TurnRow | undefined;
  if (!row) throw notFound('lượt ý kiến');
  return row;
}

export function getTurn(ctx: ServiceContext, id: string): Turn {
  const row = turnRow(ctx, id);
  const concerns = listConcerns(ctx, row.conference_id, id);
  return toTurn(row, concerns);
}

/** Turns in speaking order, each with its concerns (pass them in to avoid a query per turn). */
export function listTurns(ctx: ServiceContext, conferenceId: string, concerns = listConcerns(ctx, conferenceId)): Turn[] {
  const byTurn = new Map<string, Concern[]>();
  for (const c of concerns) {
    if (!c.turnId) continue;
    const list = byTurn.get(c.turnId) ?? [];
    list.push(c);
    byTurn.set(c.turnId, list);
  }
  const rows = ctx.sql(`SELECT ${TURN_COLUMNS} FROM turns WHERE conference_id = ? AND deleted_at IS NULL ORDER BY seq`)
    .all(conferenceId) as TurnRow[];
  return rows.map((r) => toTurn(r, byTurn.get(r.id) ?? []));
}

/** Starts the next turn, time-stamped now; a live conference is the one being recorded. */
export function startTurn(ctx: ServiceContext, input: ApiParsed<'turns.start'>, startedAt = ctx.now()): { turn: Turn; speaker: Speaker } {
  requireConference(ctx, input.conferenceId);
  const speaker = input.speakerId
    ? speakerForConference(ctx, input.conferenceId, input.speakerId)
    : insertSpeaker(ctx, input.conferenceId, input.speaker ?? {}, null);
  const id = ctx.newId();
  const now = stamp(ctx);
  const { next } = ctx.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM turns WHERE conference_id = ?').get(input.conferenceId) as {
    next: number;
  };
  ctx.sql(
      `INSERT INTO turns (id, conference_id, speaker_id, seq, started_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, input.conferenceId, speaker.id, next, startedAt.toISOString(), now, now);
  ctx.sql(`UPDATE conferences SET status = 'live' WHERE id = ? AND status = 'draft'`).run(input.conferenceId);
  touchConference(ctx, input.conferenceId);
  return { turn: getTurn(ctx, id), speaker };
}

export function updateTurn(ctx: ServiceContext, input: ApiParsed<'turns.update'>): Turn {
  const row = turnRow(ctx, input.id);
  if (input.patch.summary !== undefined) {
    ctx.sql('UPDATE turns SET summary = ?, updated_at = ? WHERE id = ?').run(input.patch.summary, stamp(ctx), input.id);
    touchConference(ctx, row.conference_id);
  }
  if (input.patch.startTime !== undefined) {
    const startedAt = onConferenceDate(ctx, row.conference_id, input.patch.startTime);
    ctx.sql('UPDATE turns SET started_at = ?, updated_at = ? WHERE id = ?').run(startedAt, stamp(ctx), input.id);
    touchConference(ctx, row.conference_id);
  }
  return getTurn(ctx, input.id);
}

/**
 * The instant of HH:mm on the conference's date, in the hall's local time (the backend runs
 * on the secretary's laptop): a corrected turn time belongs to the day of the meeting.
 */
function onConferenceDate(ctx: ServiceContext, conferenceId: string, time: string): string {
  const { date } = ctx.sql('SELECT date FROM conferences WHERE id = ?').get(conferenceId) as { date: string };
  // "yyyy-mm-ddTHH:mm:ss" without a zone is local time.
  return new Date(`${date}T${time}:00`).toISOString();
}

export function setTurnSpeaker(ctx: ServiceContext, input: ApiParsed<'turns.setSpeaker'>): { turn: Turn; speaker: Speaker } {
  const row = turnRow(ctx, input.turnId);
  const speaker = speakerForConference(ctx, row.conference_id, input.speakerId);
  if (speaker.id !== row.speaker_id) {
    ctx.sql('UPDATE turns SET speaker_id = ?, updated_at = ? WHERE id = ?').run(speaker.id, stamp(ctx), row.id);
    dropIfOrphan(ctx, row.speaker_id);
    touchConference(ctx, row.conference_id);
  }
  return { turn: getTurn(ctx, row.id), speaker: getSpeaker(ctx, speaker.id) };
}

/** Soft delete: the turn and its concerns disappear from counts until restored. */
export function deleteTurn(ctx: ServiceContext, id: string): Deleted {
  const row = turnRow(ctx, id);
  const deletedAt = stamp(ctx);
  ctx.sql('UPDATE turns SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, deletedAt, id);
  touchConference(ctx, row.conference_id);
  return { id, deletedAt };
}

export function restoreTurn(ctx: ServiceContext, id: string): Turn {
  const row = turnRow(ctx, id, true);
  requireConference(ctx, row.conference_id);
  ctx.sql('UPDATE turns SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(stamp(ctx), id);
  ctx.sql('UPDATE speakers SET deleted_at = NULL WHERE id = ?').run(row.speaker_id);
  touchConference(ctx, row.conference_id);
  return getTurn(ctx, id);
}
