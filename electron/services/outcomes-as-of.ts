/**
 * Each matter's outcome on a date with the history entry that set it — what a report's
 * "Kết quả tính đến ngày …" column and the carry-over list print: the outcome, the entry's
 * date and the reference of the written answer. The outcome itself is outcomes.ts's rule
 * (statusAsOfSql / overdueSql); this only reads the entry beside it.
 */
import type { ConcernStatus } from '../../shared/domain';
import type { ServiceContext } from './context';
import { overdueSql, statusAsOfSql } from './outcomes';

export interface OutcomeAsOf {
  concernId: string;
  conferenceId: string;
  /** The matter's number in its conference's minutes: pre-collected first, then the turns in order. */
  number: number;
  status: ConcernStatus;
  overdue: boolean;
  /**
   * The latest entry dated on or before the date; null when none: then a resolved matter was
   * resolved at the conference (answered or noted) and an open one has had no follow-up yet.
   */
  entry: { date: string; note: string; reportedBy: string; reference: string } | null;
}

interface Row {
  id: string;
  conference_id: string;
  number: number;
  status: ConcernStatus;
  overdue: number;
  changed_on: string | null;
  note: string | null;
  reported_by: string | null;
  reference_doc: string | null;
}

/** The live matters of these conferences on `asOf` (yyyy-mm-dd), in meeting order per conference. */
export function outcomesAsOf(ctx: ServiceContext, conferenceIds: string[], asOf: string): OutcomeAsOf[] {
  if (conferenceIds.length === 0) return [];
  // The entry is picked in the same order as statusAsOfSql picks the status, so the two agree.
  const rows = ctx.sql(
    `SELECT c.id, c.conference_id,
            ROW_NUMBER() OVER (PARTITION BY c.conference_id ORDER BY c.source = 'precollected' DESC, t.seq, c.seq) AS number,
            ${statusAsOfSql('c')} AS status, ${overdueSql('c')} AS overdue,
            h.changed_on, h.note, h.reported_by, h.reference_doc
       FROM concerns c LEFT JOIN turns t ON t.id = c.turn_id
       LEFT JOIN concern_status_changes h ON h.id = (
         SELECT h2.id FROM concern_status_changes h2 WHERE h2.concern_id = c.id AND h2.changed_on <= @asOf
          ORDER BY h2.changed_on DESC, h2.created_at DESC, h2.id DESC LIMIT 1)
      WHERE c.conference_id IN (SELECT value FROM json_each(@ids))
        AND c.deleted_at IS NULL AND (c.turn_id IS NULL OR t.deleted_at IS NULL)
      ORDER BY c.conference_id, number`,
  ).all({ ids: JSON.stringify(conferenceIds), asOf }) as Row[];
  return rows.map((r) => ({
    concernId: r.id,
    conferenceId: r.conference_id,
    number: r.number,
    status: r.status,
    overdue: r.overdue === 1,
    entry:
      r.changed_on === null
        ? null
        : { date: r.changed_on, note: r.note ?? '', reportedBy: r.reported_by ?? '', reference: r.reference_doc ?? '' },
  }));
}
