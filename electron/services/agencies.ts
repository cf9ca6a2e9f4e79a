/** The catalog of agencies (cơ quan, phòng ban) that concerns are assigned to. */
import type { Agency } from '../../shared/api/types';
import { fold, matchesFolded } from '../../shared/text';
import { stamp, type ServiceContext } from './context';

export function listAgencies(ctx: ServiceContext, query: string): Agency[] {
  const rows = ctx.sql('SELECT id, name, name_folded FROM agencies WHERE deleted_at IS NULL ORDER BY name_folded')
    .all() as Array<Agency & { name_folded: string }>;
  return rows.filter((r) => matchesFolded(r.name_folded, query)).map(({ id, name }) => ({ id, name }));
}

/** The agency of that name, created on first use: typing a new office adds it to the catalog. */
export function agencyIdFor(ctx: ServiceContext, name: string | null): string | null {
  const trimmed = name?.trim() ?? '';
  if (!trimmed) return null;
  const folded = fold(trimmed);
  const existing = ctx.sql('SELECT id FROM agencies WHERE name_folded = ? AND deleted_at IS NULL').get(folded) as
    | { id: string }
    | undefined;
  if (existing) return existing.id;
  const id = ctx.newId();
  const now = stamp(ctx);
  ctx.sql('INSERT INTO agencies (id, name, name_folded, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, trimmed, folded, now, now);
  return id;
}
