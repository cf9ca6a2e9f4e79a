/** Speakers of a conference: the registration list and everyone who took the floor. */
import type { ApiParsed } from '../../shared/api/contract';
import type { Deleted, Speaker, SpeakerSuggestion } from '../../shared/api/types';
import { fold, matchesFolded } from '../../shared/text';
import { touchConference } from './conference-touch';
import { notFound, refused, requireConference, setClause, stamp, type ServiceContext } from './context';
import { SPEAKER_COLUMNS, toSpeaker, type SpeakerRow } from './rows';

const COLUMNS: Record<string, string> = { name: 'name', position: 'position', organization: 'organization', address: 'address' };

export function getSpeaker(ctx: ServiceContext, id: string, options: { includeDeleted?: boolean } = {}): Speaker {
  const row = ctx.sql(`SELECT ${SPEAKER_COLUMNS} FROM speakers WHERE id = ? ${options.includeDeleted ? '' : 'AND deleted_at IS NULL'}`)
    .get(id) as SpeakerRow | undefined;
  if (!row) throw notFound('đại biểu');
  return toSpeaker(row);
}

/** Registered speakers first in their order, then the others in the order they were added. */
export function listSpeakers(ctx: ServiceContext, conferenceId: string): Speaker[] {
  const rows = ctx.sql(
      `SELECT ${SPEAKER_COLUMNS} FROM speakers WHERE conference_id = ? AND deleted_at IS NULL
       ORDER BY registration_order IS NULL, registration_order, created_at, rowid`,
    )
    .all(conferenceId) as SpeakerRow[];
  return rows.map(toSpeaker);
}

export function insertSpeaker(
  ctx: ServiceContext,
  conferenceId: string,
  fields: Partial<Pick<Speaker, 'name' | 'position' | 'organization' | 'address'>>,
  registrationOrder: number | null,
): Speaker {
  const id = ctx.newId();
  const now = stamp(ctx);
  const name = fields.name ?? '';
  ctx.sql(
      `INSERT INTO speakers (id, conference_id, name, name_folded, position, organization, address, registration_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, conferenceId, name, fold(name), fields.position ?? '', fields.organization ?? '', fields.address ?? '', registrationOrder, now, now);
  return getSpeaker(ctx, id);
}

export function registerSpeaker(ctx: ServiceContext, input: ApiParsed<'speakers.register'>): Speaker {
  requireConference(ctx, input.conferenceId);
  const { next } = ctx.sql('SELECT COALESCE(MAX(registration_order), 0) + 1 AS next FROM speakers WHERE conference_id = ? AND deleted_at IS NULL')
    .get(input.conferenceId) as { next: number };
  return insertSpeaker(ctx, input.conferenceId, { ...input.speaker, name: input.speaker.name.trim() }, next);
}

export function updateSpeaker(ctx: ServiceContext, input: ApiParsed<'speakers.update'>): Speaker {
  touchConference(ctx, getSpeaker(ctx, input.id).conferenceId);
  const patch = input.patch as Record<string, unknown>;
  const sets = setClause(patch, COLUMNS);
  if (input.patch.name !== undefined) sets.push('name_folded = @nameFolded');
  if (sets.length > 0) {
    ctx.sql(`UPDATE speakers SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`)
      .run({ ...patch, nameFolded: fold(input.patch.name ?? ''), id: input.id, now: stamp(ctx) });
  }
  return getSpeaker(ctx, input.id);
}

/** Sets the registration order to exactly `ids`, which must be the whole registered list. */
export function reorderSpeakers(ctx: ServiceContext, input: ApiParsed<'speakers.reorder'>): Speaker[] {
  requireConference(ctx, input.conferenceId);
  const registered = ctx.sql('SELECT id FROM speakers WHERE conference_id = ? AND registration_order IS NOT NULL AND deleted_at IS NULL')
    .all(input.conferenceId) as Array<{ id: string }>;
  const expected = new Set(registered.map((r) => r.id));
  const given = new Set(input.ids);
  if (given.size !== input.ids.length || given.size !== expected.size || input.ids.some((id) => !expected.has(id))) {
    throw refused('Danh sách sắp xếp không khớp với danh sách đăng ký phát biểu. Hãy tải lại và thử lại.');
  }
  const update = ctx.sql('UPDATE speakers SET registration_order = ?, updated_at = ? WHERE id = ?');
  const now = stamp(ctx);
  input.ids.forEach((id, i) => update.run(i + 1, now, id));
  return listSpeakers(ctx, input.conferenceId);
}

export function deleteSpeaker(ctx: ServiceContext, id: string): Deleted {
  touchConference(ctx, getSpeaker(ctx, id).conferenceId);
  const spoke = ctx.sql('SELECT 1 FROM turns WHERE speaker_id = ? AND deleted_at IS NULL LIMIT 1').get(id);
  if (spoke) throw refused('Đại biểu này đã có lượt ý kiến. Hãy xóa lượt ý kiến trước.');
  const deletedAt = stamp(ctx);
  ctx.sql('UPDATE speakers SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, deletedAt, id);
  return { id, deletedAt };
}

/**
 * Undo of a deletion. A registered speaker goes back to the end of the list when the
 * place it had was taken by a later registration or reordering in the meantime.
 */
export function restoreSpeaker(ctx: ServiceContext, id: string): Speaker {
  const speaker = getSpeaker(ctx, id, { includeDeleted: true });
  touchConference(ctx, speaker.conferenceId);
  let order = speaker.registrationOrder;
  if (order !== null) {
    const taken = ctx.sql('SELECT 1 FROM speakers WHERE conference_id = ? AND registration_order = ? AND deleted_at IS NULL AND id <> ?')
      .get(speaker.conferenceId, order, id);
    if (taken) {
      order = (ctx.sql('SELECT COALESCE(MAX(registration_order), 0) + 1 AS n FROM speakers WHERE conference_id = ? AND deleted_at IS NULL')
        .get(speaker.conferenceId) as { n: number }).n;
    }
  }
  ctx.sql('UPDATE speakers SET deleted_at = NULL, registration_order = ?, updated_at = ? WHERE id = ?').run(order, stamp(ctx), id);
  return getSpeaker(ctx, id);
}

/**
 * Typeahead over this conference's speakers and those of earlier conferences. Two people
 * may share a name, so candidates carry position, address and where they spoke before.
 */
export function suggestSpeakers(ctx: ServiceContext, input: ApiParsed<'speakers.suggest'>): SpeakerSuggestion[] {
  const words = fold(input.query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const rows = ctx.sql(
      `SELECT s.id, s.conference_id, s.name, s.name_folded, s.position, s.organization, s.address, s.registration_order,
              c.title AS conference_title, c.date AS conference_date
       FROM speakers s JOIN conferences c ON c.id = s.conference_id
       WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL AND s.name_folded LIKE ? ESCAPE '\\'
         -- People who spoke at a child unit's conference are that unit's, not this hall's.
         AND NOT EXISTS (SELECT 1 FROM imported_conferences i WHERE i.conference_id = c.id)
       ORDER BY (s.conference_id = ?) DESC, s.registration_order IS NULL, s.registration_order, c.date DESC, s.created_at DESC
       LIMIT 500`,
    )
    .all(`%${words[0]!.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, input.conferenceId) as Array<
    SpeakerRow & { name_folded: string; conference_title: string; conference_date: string }
  >;
  const seen = new Set<string>();
  const out: SpeakerSuggestion[] = [];
  for (const r of rows) {
    if (!matchesFolded(r.name_folded, input.query)) continue;
    // The same person from earlier conferences appears once, at their most recent.
    const key = [r.name_folded, fold(r.position), fold(r.address)].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...toSpeaker(r),
      conferenceTitle: r.conference_title,
      conferenceDate: r.conference_date,
      sameConference: r.conference_id === input.conferenceId,
    });
    if (out.length >= input.limit) break;
  }
  return out;
}

/** A speaker usable in `conferenceId`: itself if it belongs there, else a copy of an earlier one. */
export function speakerForConference(ctx: ServiceContext, conferenceId: string, speakerId: string): Speaker {
  const speaker = getSpeaker(ctx, speakerId);
  if (speaker.conferenceId === conferenceId) return speaker;
  return insertSpeaker(ctx, conferenceId, speaker, null);
}

/** Placeholder speakers (unregistered, no other turn) disappear when the turn gets another. */
export function dropIfOrphan(ctx: ServiceContext, speakerId: string): void {
  const row = ctx.sql(
      `SELECT registration_order, (SELECT COUNT(*) FROM turns WHERE speaker_id = s.id AND deleted_at IS NULL) AS turns
       FROM speakers s WHERE id = ?`,
    )
    .get(speakerId) as { registration_order: number | null; turns: number } | undefined;
  if (row && row.registration_order === null && row.turns === 0) {
    const now = stamp(ctx);
    ctx.sql('UPDATE speakers SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, speakerId);
  }
}
