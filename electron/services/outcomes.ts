/**
 * The outcome of a matter (Chưa / Đang / Đã giải quyết), kept apart from how it was handled
 * at the conference. The outcome is the matter's history (concern_status_changes): each
 * entry dated, never rewritten — a wrong entry is corrected by a later one. Before any
 * entry, a matter answered or noted at the conference is resolved on the conference date,
 * and one assigned or forwarded (or not yet classified) is open. So the outcome on any
 * date is the latest entry dated on or before it, or else that starting outcome; the
 * parent computes the same from a package, which carries the history and the handling.
 *
 * concerns.status keeps the latest outcome (entries are never dated in the future), for
 * quick filtering; `refreshStatus` sets it after every change that can move it.
 */
import type { ConcernStatus, Handling } from '../../shared/domain';
import { stamp, type ServiceContext } from './context';

/** The outcome a matter starts with, from its handling at the conference. */
export function startingStatus(handling: Handling | null): ConcernStatus {
  return handling === 'answered' || handling === 'noted' ? 'resolved' : 'open';
}

/**
 * SQL for the outcome of concern `alias` on the date bound as `asOf` (yyyy-mm-dd). The
 * index concern_status_changes_concern (concern_id, changed_on) serves the subquery.
 */
export function statusAsOfSql(alias = 'c', asOf = '@asOf'): string {
  return `COALESCE(
    (SELECT h.status FROM concern_status_changes h WHERE h.concern_id = ${alias}.id AND h.changed_on <= ${asOf}
      ORDER BY h.changed_on DESC, h.created_at DESC, h.id DESC LIMIT 1),
    CASE WHEN ${alias}.handling IN ('answered', 'noted') THEN 'resolved' ELSE 'open' END)`;
}

/** SQL: the matter's deadline has passed on `asOf` (a deadline is the last day allowed). */
export function overdueSql(alias = 'c', asOf = '@asOf'): string {
  return `(${alias}.deadline IS NOT NULL AND ${alias}.deadline < ${asOf} AND ${statusAsOfSql(alias, asOf)} <> 'resolved')`;
}

export interface OutcomeCounts {
  resolved: number;
  inProgress: number;
  open: number;
  overdue: number;
}

/** A conference's live matters by outcome on `asOf`, and how many of them are overdue. */
export function outcomeCounts(ctx: ServiceContext, conferenceId: string, asOf: string): OutcomeCounts {
  const rows = ctx.sql(
    `SELECT status, SUM(overdue) AS overdue, COUNT(*) AS n FROM (
       SELECT ${statusAsOfSql('c')} AS status,
              (c.deadline IS NOT NULL AND c.deadline < @asOf) AS overdue
         FROM concerns c LEFT JOIN turns t ON t.id = c.turn_id
        WHERE c.conference_id = @conferenceId AND c.deleted_at IS NULL AND (c.turn_id IS NULL OR t.deleted_at IS NULL))
     GROUP BY status`,
  ).all({ conferenceId, asOf }) as Array<{ status: ConcernStatus; overdue: number; n: number }>;
  const counts: OutcomeCounts = { resolved: 0, inProgress: 0, open: 0, overdue: 0 };
  for (const r of rows) {
    counts[r.status] = r.n;
    if (r.status !== 'resolved') counts.overdue += r.overdue;
  }
  return counts;
}

export interface StatusEntry {
  status: ConcernStatus;
  /** yyyy-mm-dd, not after today. */
  date: string;
  note?: string;
  /** Who reported it: the agency (cơ quan báo cáo). */
  reportedBy?: string;
  /** The written answer's reference ("Công văn số 125/UBND-KT"). */
  reference?: string;
}

/** Adds one dated entry to a matter's history and keeps concerns.status current. Call inside a transaction. */
export function recordStatus(ctx: ServiceContext, concernId: string, entry: StatusEntry): string {
  const id = ctx.newId();
  ctx.sql(
    `INSERT INTO concern_status_changes (id, concern_id, status, changed_on, note, reported_by, reference_doc, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, concernId, entry.status, entry.date, entry.note ?? '', entry.reportedBy ?? '', entry.reference ?? '', stamp(ctx));
  refreshStatus(ctx, concernId);
  return id;
}

/** Sets concerns.status to the outcome today: after an entry, or a change of handling. */
export function refreshStatus(ctx: ServiceContext, concernId: string): void {
  ctx.sql(`UPDATE concerns AS c SET status = ${statusAsOfSql('c')} WHERE c.id = @id`).run({ id: concernId, asOf: LATEST });
}

/** The same for every matter of a conference (after a package replaced its rows). */
export function refreshConferenceStatuses(ctx: ServiceContext, conferenceId: string): void {
  ctx.sql(`UPDATE concerns AS c SET status = ${statusAsOfSql('c')} WHERE c.conference_id = @conferenceId`).run({ conferenceId, asOf: LATEST });
}

/** Later than any entry's date: the latest entry wins whatever the clock says. */
const LATEST = '9999-12-31';
