/**
 * Follow-up until resolved (issue 10): the Theo dõi list across every conference of this
 * database, a matter's history of outcomes, and new dated entries for one or many matters.
 * The outcome rule itself lives in outcomes.ts; this file only filters, sorts and words it.
 */
import type { ApiParsed } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { FollowupItem, StatusChange } from '../../shared/api/types';
import { formatDateVn, localIsoDate } from '../../shared/dates';
import type { ConcernStatus, Handling } from '../../shared/domain';
import { fold } from '../../shared/text';
import { notFound, refused, type ServiceContext } from './context';
import { touchConference } from './conference-touch';
import { recordStatus, statusAsOfSql } from './outcomes';
import { recordParentAnswer } from './responses';
import { hasParentAnswers, mergeHistory, parentAnswerHistory, parentOutcomeSql, withParentAnswers } from './parent-view';
import { STATUS_CHANGE_COLUMNS, toStatusChange, type StatusChangeRow } from './rows';

type ListInput = ApiParsed<'followup.list'>;

/** Words of a search beyond this many add nothing a person types; they only cost time. */
const MAX_QUERY_WORDS = 8;

/** Live matters only: not deleted, not behind a deleted turn, their conference not deleted. */
const LIVE = 'c.deleted_at IS NULL AND k.deleted_at IS NULL AND (c.turn_id IS NULL OR t.deleted_at IS NULL)';

/**
 * The matter's number as the documents give it (document-model.ts): the live pre-collected
 * matters first by their order, then the live turns' matters, turn by turn. Counted for each
 * listed matter from the indexes on (conference, turn, seq) and (conference, seq) rather
 * than by numbering every matter of every conference listed: a list of 500 matters from
 * 400 conferences would otherwise number 30,000 rows (npm run bench -- followup).
 * Needs `c` (the matter) and `t` (its turn) in scope.
 */
const NUMBER_SQL = `(1
  + (SELECT COUNT(*) FROM concerns x WHERE x.conference_id = c.conference_id AND x.turn_id IS NULL AND x.deleted_at IS NULL
      AND (c.turn_id IS NOT NULL OR x.seq < c.seq))
  + CASE WHEN c.turn_id IS NULL THEN 0 ELSE
      (SELECT COUNT(*) FROM turns u JOIN concerns x ON x.conference_id = u.conference_id AND x.turn_id = u.id
        WHERE u.conference_id = c.conference_id AND u.seq < t.seq AND u.deleted_at IS NULL AND x.deleted_at IS NULL)
    + (SELECT COUNT(*) FROM concerns x WHERE x.conference_id = c.conference_id AND x.turn_id = c.turn_id AND x.seq < c.seq AND x.deleted_at IS NULL)
    END)`;

interface ItemRow {
  id: string;
  conference_id: string;
  conference_title: string;
  conference_date: string;
  unit_id: string;
  unit_name: string;
  imported: number;
  number: number;
  text: string;
  field_name: string | null;
  handling: Handling | null;
  agency_id: string | null;
  agency_name: string | null;
  deadline: string | null;
  status: ConcernStatus;
  overdue: number;
  days_left: number | null;
  speaker_name: string | null;
  entry_date: string | null;
  entry_note: string | null;
  entry_reference: string | null;
}

function toItem(r: ItemRow): FollowupItem {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    conferenceTitle: r.conference_title,
    conferenceDate: r.conference_date,
    unitId: r.unit_id,
    unitName: r.unit_name,
    imported: r.imported === 1,
    number: r.number,
    text: r.text,
    fieldName: r.field_name,
    handling: r.handling,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    deadline: r.deadline,
    status: r.status,
    statusDate: r.entry_date ?? r.conference_date,
    overdue: r.overdue === 1,
    daysLeft: r.days_left,
    speakerName: r.speaker_name ?? '',
    lastNote: r.entry_note ?? '',
    lastReference: r.entry_reference ?? '',
  };
}

const today = (ctx: ServiceContext): string => localIsoDate(ctx.now());

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The outcome on `asOf` by the rule of outcomes.ts. From today on it is concerns.status,
 * which outcomes.ts keeps as the latest entry's (no entry is dated after today): the list
 * most often asked for then reads a column instead of searching each matter's history, a
 * tenth of the time on a province's 100,000 matters (npm run bench -- followup).
 */
function outcomeSql(ctx: ServiceContext, asOf: string): string {
  return asOf >= today(ctx) ? 'c.status' : statusAsOfSql('c');
}

/** "50%" stays a percent sign, not a wildcard: LIKE patterns escape with a backslash. */
const likeWord = (word: string): string => `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The matters the filters choose, as of `asOf`, sorted: overdue first, then by deadline, conference, number. */
export function listFollowup(ctx: ServiceContext, input: ListInput & { ids?: readonly string[] }): FollowupItem[] {
  const asOf = input.asOf ?? today(ctx);
  const params: Record<string, unknown> = { asOf, limit: input.limit };
  const where: string[] = [LIVE];
  const picked: string[] = [];

  if (input.ids) {
    where.push('c.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(input.ids);
  }
  if (input.conferenceId) {
    where.push('c.conference_id = @conferenceId');
    params.conferenceId = input.conferenceId;
  }
  if (input.unitId) {
    where.push('k.unit_id = @unitId');
    params.unitId = input.unitId;
  }
  if (input.agencyId) {
    where.push('c.agency_id = @agencyId');
    params.agencyId = input.agencyId;
  }
  if (input.fieldId) {
    where.push('c.field_id = @fieldId');
    params.fieldId = input.fieldId;
  }
  if (input.from) {
    where.push('k.date >= @from');
    params.from = input.from;
  }
  if (input.to) {
    where.push('k.date <= @to');
    params.to = input.to;
  }
  const words = fold(input.query ?? '').split(' ').filter(Boolean).slice(0, MAX_QUERY_WORDS);
  words.forEach((word, i) => {
    // Each word in the matter's text, its agency's name or its speaker's: she searches by any
    // of them. The agencies and speakers matching a word are found once per request, not per matter.
    const like = `LIKE @w${i} ESCAPE '\\'`;
    where.push(`(c.text_folded ${like} OR c.agency_id IN (SELECT id FROM agencies WHERE name_folded ${like})
      OR t.speaker_id IN (SELECT id FROM speakers WHERE name_folded ${like}))`);
    params[`w${i}`] = likeWord(word);
  });

  // At a parent with answers of its own, the outcome is not the column (parent-view.ts): filtered on the computed one.
  const current = asOf >= today(ctx) && !hasParentAnswers(ctx);
  if (input.status && input.status.length > 0) {
    // From today on the outcome is a column (outcomeSql): filtered where the index on it serves.
    (current ? where : picked).push(`${current ? 'c.' : ''}status IN (SELECT value FROM json_each(@statuses))`);
    params.statuses = JSON.stringify(input.status);
  }
  if (input.overdue !== undefined) picked.push(input.overdue ? 'overdue = 1' : 'overdue = 0');
  // The same rows, said so that the index on (status, deadline) can find them.
  if (input.overdue === true && current) where.push(`c.status IN ('open', 'inProgress') AND c.deadline < @asOf`);
  if (input.dueWithinDays !== undefined) {
    picked.push(`status <> 'resolved' AND deadline IS NOT NULL AND deadline >= @asOf AND deadline <= @dueBy`);
    params.dueBy = addDays(asOf, input.dueWithinDays);
  }

  // Overdue as outcomes.ts defines it (deadline before the date, not resolved on it), from
  // the outcome computed once per row rather than a second time.
  const sql = `
    WITH base AS (
      SELECT c.id, c.conference_id, c.turn_id, t.seq AS turn_seq, c.seq, c.deadline, k.date AS conference_date,
             ${parentOutcomeSql(outcomeSql(ctx, asOf))} AS status
        FROM concerns c JOIN conferences k ON k.id = c.conference_id LEFT JOIN turns t ON t.id = c.turn_id
       WHERE ${where.join(' AND ')}
    ), flagged AS (
      SELECT *, (deadline IS NOT NULL AND deadline < @asOf AND status <> 'resolved') AS overdue FROM base
    ), picked AS (
      SELECT * FROM flagged ${picked.length ? `WHERE ${picked.join(' AND ')}` : ''}
       ORDER BY overdue DESC, deadline IS NULL, deadline, conference_date, conference_id, turn_id IS NOT NULL, turn_seq, seq, id
       LIMIT @limit
    )
    SELECT p.id, p.conference_id, k.title AS conference_title, k.date AS conference_date, k.unit_id, u.name AS unit_name,
           EXISTS (SELECT 1 FROM imported_conferences i WHERE i.conference_id = k.id) AS imported,
           ${NUMBER_SQL} AS number, c.text, f.name AS field_name, c.handling, c.agency_id, a.name AS agency_name, c.deadline,
           p.status, p.overdue, CAST(julianday(c.deadline) - julianday(@asOf) AS INTEGER) AS days_left,
           s.name AS speaker_name, h.changed_on AS entry_date, h.note AS entry_note, h.reference_doc AS entry_reference
      FROM picked p
      JOIN concerns c ON c.id = p.id
      JOIN conferences k ON k.id = p.conference_id
      JOIN units u ON u.id = k.unit_id
      LEFT JOIN fields f ON f.id = c.field_id
      LEFT JOIN agencies a ON a.id = c.agency_id
      LEFT JOIN turns t ON t.id = c.turn_id
      LEFT JOIN speakers s ON s.id = t.speaker_id
      LEFT JOIN concern_status_changes h ON h.id = (
        SELECT h2.id FROM concern_status_changes h2 WHERE h2.concern_id = p.id AND h2.changed_on <= @asOf
         ORDER BY h2.changed_on DESC, h2.created_at DESC, h2.id DESC LIMIT 1)
     ORDER BY p.overdue DESC, p.deadline IS NULL, p.deadline, p.conference_date, p.conference_id, p.turn_id IS NOT NULL, p.turn_seq, p.seq, p.id`;
  return withParentAnswers(ctx, (ctx.sql(sql).all(params) as ItemRow[]).map(toItem), asOf);
}

/** A matter's history of outcomes, oldest first (by date, then the time it was recorded). */
export function concernHistory(ctx: ServiceContext, concernId: string): StatusChange[] {
  if (!ctx.sql('SELECT 1 FROM concerns WHERE id = ?').get(concernId)) throw notFound('nội dung');
  const rows = ctx.sql(
    `SELECT ${STATUS_CHANGE_COLUMNS} FROM concern_status_changes WHERE concern_id = ? ORDER BY changed_on, created_at, id`,
  ).all(concernId) as StatusChangeRow[];
  const own = rows.map(toStatusChange);
  return mergeHistory(own, parentAnswerHistory(ctx, concernId));
}

interface TargetRow {
  id: string;
  conference_id: string;
  conference_date: string;
  live: number;
  imported: number;
  handling: string | null;
}

const dateIssue = (message: string): ApiError => new ApiError('invalid_input', message, [{ path: ['date'], message }]);

/**
 * One dated entry for each matter named, in the request's one transaction: every matter is
 * checked before anything is written, so a refusal leaves all of them as they were. Each
 * conference changed is touched, so its next export is a new revision.
 */
export function setConcernStatus(ctx: ServiceContext, input: ApiParsed<'concerns.setStatus'>): FollowupItem[] {
  const ids = [...new Set(input.concernIds)];
  const now = today(ctx);
  if (input.date > now) {
    throw dateIssue(`Ngày ${formatDateVn(input.date)} ở sau hôm nay (${formatDateVn(now)}): chỉ ghi kết quả đã có.`);
  }
  const targets = ctx.sql(
    `SELECT c.id, c.conference_id, k.date AS conference_date, c.handling,
            (c.deleted_at IS NULL AND k.deleted_at IS NULL AND (c.turn_id IS NULL OR t.deleted_at IS NULL)) AS live,
            EXISTS (SELECT 1 FROM imported_conferences i WHERE i.conference_id = c.conference_id) AS imported
       FROM concerns c JOIN conferences k ON k.id = c.conference_id LEFT JOIN turns t ON t.id = c.turn_id
      WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as TargetRow[];
  const byId = new Map(targets.map((r) => [r.id, r]));
  for (const id of ids) {
    const row = byId.get(id);
    if (!row || row.live !== 1) {
      throw notFound(ids.length > 1 ? 'một trong các nội dung đã chọn (có thể đã bị xóa); không nội dung nào được cập nhật' : 'nội dung (có thể đã bị xóa)');
    }
    // At the parent, a unit's matter forwarded to it gets the parent's own answer (sent back
    // down in a response file); every other matter of a unit is that unit's to update.
    if (row.imported === 1 && row.handling !== 'forwarded') {
      throw refused(
        'Nội dung này thuộc hội nghị do đơn vị cấp dưới gửi lên: đơn vị tự ghi kết quả giải quyết của mình. Cấp trên chỉ trả lời các nội dung đơn vị kiến nghị lên cấp trên.',
      );
    }
    if (input.date < row.conference_date) {
      throw dateIssue(`Ngày ${formatDateVn(input.date)} ở trước ngày hội nghị (${formatDateVn(row.conference_date)}): kết quả giải quyết chỉ có từ sau hội nghị.`);
    }
  }
  const entry = { status: input.status, date: input.date, note: input.note, reportedBy: input.reportedBy, reference: input.reference };
  for (const id of ids) {
    if (byId.get(id)!.imported === 1) recordParentAnswer(ctx, id, entry);
    else recordStatus(ctx, id, entry);
  }
  const own = ids.filter((id) => byId.get(id)!.imported !== 1);
  for (const conferenceId of new Set(own.map((id) => byId.get(id)!.conference_id))) touchConference(ctx, conferenceId);
  const items = new Map(listFollowup(ctx, { ids, limit: ids.length }).map((item) => [item.id, item]));
  return ids.map((id) => items.get(id)!);
}
