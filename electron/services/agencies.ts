/** The catalog of agencies (cơ quan, phòng ban) that concerns are assigned to. */
import type { ApiParsed } from '../../shared/api/contract';
import type { Agency, AgencyUsage, Deleted } from '../../shared/api/types';
import { fold, matchesFolded } from '../../shared/text';
import { notFound, refused, stamp, type ServiceContext } from './context';

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

// ── Correcting the catalog (Settings) ─────────────────────────────────────────────────
//
// Only matters of our own conferences count and move: a conference a child unit sent is
// its record, so its matters keep the agency row they came with (a deleted row still
// names them, since concerns join agencies whatever their deleted_at).

const OWN_LIVE_CONCERNS = `FROM concerns k
  JOIN conferences c ON c.id = k.conference_id
  LEFT JOIN turns t ON t.id = k.turn_id
  WHERE k.agency_id = a.id AND k.deleted_at IS NULL AND c.deleted_at IS NULL AND (k.turn_id IS NULL OR t.deleted_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM imported_conferences i WHERE i.conference_id = c.id)`;

/** Every agency in the catalog with the number of live matters assigned to it. */
export function agencyCatalog(ctx: ServiceContext): AgencyUsage[] {
  return ctx.sql(`SELECT a.id, a.name, (SELECT COUNT(*) ${OWN_LIVE_CONCERNS}) AS concerns FROM agencies a WHERE a.deleted_at IS NULL ORDER BY a.name_folded`)
    .all() as AgencyUsage[];
}

function agencyUsage(ctx: ServiceContext, id: string, includeDeleted = false): AgencyUsage {
  const row = ctx.sql(
      `SELECT a.id, a.name, (SELECT COUNT(*) ${OWN_LIVE_CONCERNS}) AS concerns FROM agencies a
       WHERE a.id = ? ${includeDeleted ? '' : 'AND a.deleted_at IS NULL'}`,
    )
    .get(id) as AgencyUsage | undefined;
  if (!row) throw notFound('cơ quan');
  return row;
}

/** Another live agency of the same (folded) name: two rows of one name would split the counts. */
function sameNameAgency(ctx: ServiceContext, folded: string, exceptId: string): { id: string; name: string } | undefined {
  return ctx.sql('SELECT id, name FROM agencies WHERE name_folded = ? AND deleted_at IS NULL AND id <> ?').get(folded, exceptId) as
    | { id: string; name: string }
    | undefined;
}

/** Our conferences whose matters name the agency change: their next export is a new revision. */
function touchConferencesUsing(ctx: ServiceContext, agencyId: string, now: string): void {
  ctx.sql(
      `UPDATE conferences SET updated_at = ? WHERE id IN (SELECT conference_id FROM concerns WHERE agency_id = ?)
         AND id NOT IN (SELECT conference_id FROM imported_conferences)`,
    )
    .run(now, agencyId);
}

export function renameAgency(ctx: ServiceContext, input: ApiParsed<'agencies.rename'>): AgencyUsage {
  const agency = agencyUsage(ctx, input.id);
  const name = input.name.trim();
  const folded = fold(name);
  const other = sameNameAgency(ctx, folded, agency.id);
  if (other) throw refused(`Đã có cơ quan "${other.name}". Muốn dồn hai tên làm một, hãy dùng "Gộp vào".`);
  if (name === agency.name) return agency;
  const now = stamp(ctx);
  ctx.sql('UPDATE agencies SET name = ?, name_folded = ?, updated_at = ? WHERE id = ?').run(name, folded, now, agency.id);
  touchConferencesUsing(ctx, agency.id, now);
  return agencyUsage(ctx, agency.id);
}

/** Every matter of ours assigned to `from` is assigned to `into` instead; `from` leaves the catalog. */
export function mergeAgencies(ctx: ServiceContext, input: ApiParsed<'agencies.merge'>): AgencyUsage {
  if (input.from === input.into) throw refused('Hãy chọn hai cơ quan khác nhau để gộp.');
  const from = agencyUsage(ctx, input.from);
  const into = agencyUsage(ctx, input.into);
  const now = stamp(ctx);
  touchConferencesUsing(ctx, from.id, now);
  // Deleted matters move too, so that undoing their deletion shows the merged name.
  ctx.sql(
      `UPDATE concerns SET agency_id = ?, updated_at = ? WHERE agency_id = ?
         AND conference_id NOT IN (SELECT conference_id FROM imported_conferences)`,
    )
    .run(into.id, now, from.id);
  ctx.sql('UPDATE agencies SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, from.id);
  return agencyUsage(ctx, into.id);
}

/** Soft delete, only of an agency no live matter is assigned to (else merge it away). */
export function deleteAgency(ctx: ServiceContext, id: string): Deleted {
  const agency = agencyUsage(ctx, id);
  if (agency.concerns > 0) {
    throw refused(
      `Không xóa được "${agency.name}": còn ${agency.concerns} nội dung được giao cho cơ quan này. Hãy gộp nó vào cơ quan đúng tên ("Gộp vào"), các nội dung sẽ chuyển theo.`,
    );
  }
  const deletedAt = stamp(ctx);
  ctx.sql('UPDATE agencies SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, deletedAt, id);
  return { id, deletedAt };
}

export function restoreAgency(ctx: ServiceContext, id: string): AgencyUsage {
  const agency = agencyUsage(ctx, id, true);
  const other = sameNameAgency(ctx, fold(agency.name), id);
  if (other) throw refused(`Không khôi phục được: danh mục đã có cơ quan "${other.name}".`);
  ctx.sql('UPDATE agencies SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(stamp(ctx), id);
  return agencyUsage(ctx, id);
}
