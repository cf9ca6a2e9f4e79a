/**
 * At the parent, the matters its units forwarded to it (Kiến nghị cấp trên) as the parent
 * sees them: its own latest answer (parent_answers, kept apart from the unit's data) when
 * it has given one by the list's date, the unit's outcome otherwise; and their history with
 * the parent's entries beside the unit's, marked. The unit's rows are never touched: a newer
 * package from the unit replaces them whole, the parent's answers stay.
 */
import type { FollowupItem, StatusChange } from '../../shared/api/types';
import type { ServiceContext } from './context';
import { STATUS_CHANGE_COLUMNS, toStatusChange, type StatusChangeRow } from './rows';


/** Whether this database has answered anything its units forwarded: only then does the parent's view differ. */
export function hasParentAnswers(ctx: ServiceContext): boolean {
  return ctx.sql('SELECT 1 FROM parent_answers LIMIT 1').get() !== undefined;
}

/**
 * The outcome as the parent sees it, for followup.list's SQL: its latest answer dated on or
 * before @asOf when there is one, `unitOutcome` otherwise. Only forwarded matters of received
 * conferences have answers (responses.ts), so every other matter keeps `unitOutcome`. Needs
 * `c` (the matter) and `k` (its conference) in scope; (unit_id, concern_id, changed_on) is indexed.
 */
export function parentOutcomeSql(unitOutcome: string): string {
  return `COALESCE((SELECT pa.status FROM parent_answers pa WHERE pa.unit_id = k.unit_id AND pa.concern_id = c.id AND pa.changed_on <= @asOf
    ORDER BY pa.changed_on DESC, pa.created_at DESC, pa.id DESC LIMIT 1), ${unitOutcome})`;
}

/**
 * The listed items with the date, note and reference of the parent's latest answer dated on
 * or before `asOf` (its outcome and overdue come from parentOutcomeSql already), for
 * received matters forwarded to this level.
 */
export function withParentAnswers(ctx: ServiceContext, items: FollowupItem[], asOf: string): FollowupItem[] {
  const forwarded = items.filter((i) => i.imported && i.handling === 'forwarded');
  if (forwarded.length === 0) return items;
  // One query for the whole list.
  const rows = ctx.sql(
    `SELECT ${STATUS_CHANGE_COLUMNS} FROM parent_answers a
      WHERE a.concern_id IN (SELECT value FROM json_each(?)) AND a.changed_on <= ?
        AND a.id = (SELECT b.id FROM parent_answers b WHERE b.unit_id = a.unit_id AND b.concern_id = a.concern_id AND b.changed_on <= ?
                     ORDER BY b.changed_on DESC, b.created_at DESC, b.id DESC LIMIT 1)`,
  ).all(JSON.stringify(forwarded.map((i) => i.id)), asOf, asOf) as StatusChangeRow[];
  if (rows.length === 0) return items;
  const latest = new Map(rows.map((r) => [r.concern_id, r]));
  return items.map((item) => {
    const answer = latest.get(item.id);
    return answer ? { ...item, status: answer.status, statusDate: answer.changed_on, lastNote: answer.note, lastReference: answer.reference_doc } : item;
  });
}

/** The parent's own entries for a matter, marked so the history can tell them from the unit's. */
export function parentAnswerHistory(ctx: ServiceContext, concernId: string): StatusChange[] {
  const rows = ctx.sql(`SELECT ${STATUS_CHANGE_COLUMNS} FROM parent_answers WHERE concern_id = ? ORDER BY changed_on, created_at, id`).all(concernId) as StatusChangeRow[];
  return rows.map((r) => ({ ...toStatusChange(r), byParent: true }));
}

/** The unit's history and the parent's answers in one list, oldest first (by date, then the time recorded). */
export function mergeHistory(unit: StatusChange[], parent: StatusChange[]): StatusChange[] {
  if (parent.length === 0) return unit;
  return [...unit, ...parent].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
