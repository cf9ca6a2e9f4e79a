/** The conference's running counts, with the same keys as `expected` in the scenario files. */
import type { ConferenceCounts } from '../../shared/api/types';
import { HANDLINGS, type Handling } from '../../shared/domain';
import { localIsoDate } from '../../shared/dates';
import type { ServiceContext } from './context';
import { outcomeCounts } from './outcomes';

/** Concerns that count: not deleted, and not hidden behind a deleted turn. */
export const LIVE_CONCERNS = `
  concerns c LEFT JOIN turns t ON t.id = c.turn_id
  WHERE c.deleted_at IS NULL AND (c.turn_id IS NULL OR t.deleted_at IS NULL)`;

/** `asOf` (yyyy-mm-dd) dates the outcome counts; today when left out. */
export function conferenceCounts(ctx: ServiceContext, conferenceId: string, asOf = localIsoDate(ctx.now())): ConferenceCounts {
  const turns = (ctx.sql('SELECT COUNT(*) AS n FROM turns WHERE conference_id = ? AND deleted_at IS NULL').get(conferenceId) as { n: number }).n;
  const bySource = ctx.sql(`SELECT c.source AS source, COUNT(*) AS n FROM ${LIVE_CONCERNS} AND c.conference_id = ? GROUP BY c.source`)
    .all(conferenceId) as Array<{ source: string; n: number }>;
  const inTurns = bySource.find((r) => r.source === 'turn')?.n ?? 0;
  const precollected = bySource.find((r) => r.source === 'precollected')?.n ?? 0;

  const byField: Record<string, number> = {};
  for (const row of ctx.sql(
      `SELECT f.name AS name, COUNT(*) AS n
       FROM concerns c LEFT JOIN turns t ON t.id = c.turn_id JOIN fields f ON f.id = c.field_id
       WHERE c.deleted_at IS NULL AND (c.turn_id IS NULL OR t.deleted_at IS NULL) AND c.conference_id = ?
       GROUP BY f.id ORDER BY f.position`,
    )
    .all(conferenceId) as Array<{ name: string; n: number }>) {
    // Summed: a deleted field and a re-created one of the same name are one name in reports.
    byField[row.name] = (byField[row.name] ?? 0) + row.n;
  }

  const byHandling = Object.fromEntries(HANDLINGS.map((h) => [h, 0])) as Record<Handling, number>;
  for (const row of ctx.sql(`SELECT c.handling AS handling, COUNT(*) AS n FROM ${LIVE_CONCERNS} AND c.conference_id = ? AND c.handling IS NOT NULL GROUP BY c.handling`)
    .all(conferenceId) as Array<{ handling: Handling; n: number }>) {
    byHandling[row.handling] = row.n;
  }

  const speakersRegistered = (
    ctx.sql('SELECT COUNT(*) AS n FROM speakers WHERE conference_id = ? AND registration_order IS NOT NULL AND deleted_at IS NULL')
      .get(conferenceId) as { n: number }
  ).n;

  return {
    turns,
    concernsRaisedInTurns: inTurns,
    concernsPrecollected: precollected,
    concernsTotal: inTurns + precollected,
    byField,
    byHandling,
    speakersRegistered,
    ...outcomeCounts(ctx, conferenceId, asOf),
  };
}
