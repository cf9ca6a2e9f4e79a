/**
 * Carry-over (Kết quả giải quyết ý kiến, kiến nghị tại hội nghị trước): at a unit's next
 * conference the chair reports what became of the matters raised at the earlier ones. For
 * each earlier conference of the same unit: its counts on the new conference's date, and
 * each matter still not resolved then. The matters are read from their own records, never
 * copied, so an outcome recorded later shows the next time the section is read.
 *
 * Only the unit's own conferences count: a conference received from a unit below is that
 * unit's record and its follow-up is reported there.
 */
import type { CarryOver, CarryOverConference } from '../../shared/api/types';
import type { Handling } from '../../shared/domain';
import { nfc } from '../documents/model';
import { notFound, type ServiceContext } from './context';
import { outcomesAsOf } from './outcomes-as-of';

/** SQL: conference `c` came in a package from a unit below. */
const RECEIVED = 'EXISTS (SELECT 1 FROM imported_conferences i WHERE i.conference_id = c.id)';

/** Throws not_found for an unknown or deleted conference. */
export function carryOverFor(ctx: ServiceContext, conferenceId: string): CarryOver {
  const current = ctx.sql('SELECT id, unit_id, date, start_time FROM conferences WHERE id = ? AND deleted_at IS NULL').get(conferenceId) as
    | { id: string; unit_id: string; date: string; start_time: string }
    | undefined;
  if (!current) throw notFound('hội nghị');
  const asOf = current.date;
  const received = ctx.sql(`SELECT 1 FROM conferences c WHERE c.id = ? AND ${RECEIVED}`).get(conferenceId) !== undefined;
  if (received) return { conferenceId, asOf, conferences: [] };

  // Earlier: held before this one — a day before, or the same day at an earlier hour.
  const earlier = ctx.sql(
    `SELECT c.id, c.title, c.date FROM conferences c
      WHERE c.unit_id = @unitId AND c.id <> @id AND c.deleted_at IS NULL AND NOT ${RECEIVED}
        AND (c.date < @date OR (c.date = @date AND c.start_time < @start))
      ORDER BY c.date, c.start_time, c.id`,
  ).all({ unitId: current.unit_id, id: current.id, date: current.date, start: current.start_time }) as Array<{ id: string; title: string; date: string }>;
  const byConference = new Map<string, CarryOverConference>(
    earlier.map((c) => [c.id, { id: c.id, title: nfc(c.title), date: c.date, total: 0, resolved: 0, inProgress: 0, open: 0, overdue: 0, pending: [] }]),
  );
  const outcomes = outcomesAsOf(ctx, [...byConference.keys()], asOf);
  const details = matterDetails(ctx, outcomes.filter((o) => o.status !== 'resolved').map((o) => o.concernId));
  for (const o of outcomes) {
    const conference = byConference.get(o.conferenceId)!;
    conference.total += 1;
    conference[o.status] += 1;
    if (o.overdue) conference.overdue += 1;
    if (o.status === 'resolved') continue;
    const d = details.get(o.concernId)!;
    conference.pending.push({
      id: o.concernId,
      conferenceId: o.conferenceId,
      number: o.number,
      text: nfc(d.text),
      handling: d.handling,
      agencyName: nfc(d.agency_name),
      deadline: d.deadline,
      status: o.status,
      overdue: o.overdue,
      latest: o.entry ? { date: o.entry.date, note: nfc(o.entry.note), reportedBy: nfc(o.entry.reportedBy), reference: nfc(o.entry.reference) } : null,
    });
  }
  return { conferenceId, asOf, conferences: [...byConference.values()] };
}

interface DetailRow {
  id: string;
  text: string;
  handling: Handling | null;
  agency_name: string;
  deadline: string | null;
}

function matterDetails(ctx: ServiceContext, ids: string[]): Map<string, DetailRow> {
  const rows = ctx.sql(
    `SELECT c.id, c.text, c.handling, COALESCE(a.name, '') AS agency_name, c.deadline
       FROM concerns c LEFT JOIN agencies a ON a.id = c.agency_id
      WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as DetailRow[];
  return new Map(rows.map((r) => [r.id, r]));
}
