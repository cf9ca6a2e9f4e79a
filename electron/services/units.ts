/** The unit this database belongs to ("đơn vị"), and other units such as its parent. */
import type { ApiParsed } from '../../shared/api/contract';
import type { Unit } from '../../shared/api/types';
import type { UnitLevel } from '../../shared/domain';
import { fold } from '../../shared/text';
import { suggestHeaderLines } from '../../shared/unit-header';
import { ensureOwnKey } from './unit-keys';
import { stamp, type ServiceContext } from './context';
import { toUnit, type UnitRow } from './rows';

const OWN_UNIT_KEY = 'ownUnitId';

const UNIT_SELECT = `
  SELECT u.id, u.name, u.level, u.code, u.parent_id, p.name AS parent_name, u.document_style,
         u.header_parent_line, u.header_issuer_line, u.place_name, u.created_at, u.updated_at
  FROM units u LEFT JOIN units p ON p.id = u.parent_id`;

export function getUnit(ctx: ServiceContext, id: string): Unit | null {
  const row = ctx.sql(`${UNIT_SELECT} WHERE u.id = ?`).get(id) as UnitRow | undefined;
  return row ? toUnit(row) : null;
}

export function ownUnitId(ctx: ServiceContext): string | null {
  const row = ctx.sql('SELECT value FROM settings WHERE key = ?').get(OWN_UNIT_KEY) as { value: string } | undefined;
  return row?.value ?? null;
}

export function getOwnUnit(ctx: ServiceContext): Unit | null {
  const id = ownUnitId(ctx);
  return id ? getUnit(ctx, id) : null;
}

/** Finds a unit by name (diacritics and case ignored) or creates it: parents are known by name. */
export function findOrCreateUnit(ctx: ServiceContext, name: string, level: UnitLevel | string = 'tỉnh'): string {
  const folded = fold(name);
  const existing = ctx.sql('SELECT id FROM units WHERE name_folded = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1')
    .get(folded) as { id: string } | undefined;
  if (existing) return existing.id;
  const id = ctx.newId();
  const now = stamp(ctx);
  ctx.sql(
      `INSERT INTO units (id, name, name_folded, level, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, name.trim(), folded, guessLevel(name, level), now, now);
  return id;
}

/** "Tỉnh Hải Đông" → tỉnh; "Thành phố Hải An" → thành phố: the name usually says its level. */
function guessLevel(name: string, fallback: string): string {
  const folded = fold(name);
  for (const [prefix, level] of [
    ['tinh ', 'tỉnh'],
    ['thanh pho ', 'thành phố'],
    ['huyen ', 'huyện'],
    ['quan ', 'quận'],
    ['thi xa ', 'thị xã'],
    ['thi tran ', 'thị trấn'],
    ['phuong ', 'phường'],
    ['xa ', 'xã'],
    ['dac khu ', 'đặc khu'],
  ] as const) {
    if (folded.startsWith(prefix)) return level;
  }
  return fallback;
}

/** Sets up or edits this database's own unit. */
export function saveOwnUnit(ctx: ServiceContext, input: ApiParsed<'unit.save'>): Unit {
  const now = stamp(ctx);
  const name = input.name.trim();
  const parentName = input.parentName.trim();
  const existingId = ownUnitId(ctx);
  const id = existingId ?? findOrCreateUnitExact(ctx, name) ?? ctx.newId();
  const previousParent = (ctx.sql('SELECT parent_id FROM units WHERE id = ?').get(id) as { parent_id: string | null } | undefined)?.parent_id ?? null;
  const parentId = parentName ? findOrCreateUnit(ctx, parentName) : null;
  // Found by its folded name: a corrected spelling ("Hải Phong" → "Hải Phòng") is kept, unless
  // the parent is a unit that sends its own packages and so names itself.
  if (parentId && parentId !== id) {
    ctx.sql('UPDATE units SET name = ?, name_folded = ?, updated_at = ? WHERE id = ? AND name <> ? AND id NOT IN (SELECT unit_id FROM unit_keys)')
      .run(parentName, fold(parentName), now, parentId, parentName);
  }
  const values = {
    id,
    name,
    name_folded: fold(name),
    level: input.level,
    code: input.code?.trim() || null,
    parent_id: parentId === id ? null : parentId,
    document_style: input.documentStyle,
    header_parent_line: input.headerParentLine,
    header_issuer_line: input.headerIssuerLine,
    place_name: input.placeName,
    now,
  };
  ctx.sql(
      `INSERT INTO units (id, name, name_folded, level, code, parent_id, document_style, header_parent_line,
                          header_issuer_line, place_name, created_at, updated_at)
       VALUES (@id, @name, @name_folded, @level, @code, @parent_id, @document_style, @header_parent_line,
               @header_issuer_line, @place_name, @now, @now)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
         level = excluded.level, code = excluded.code, parent_id = excluded.parent_id,
         document_style = excluded.document_style, header_parent_line = excluded.header_parent_line,
         header_issuer_line = excluded.header_issuer_line, place_name = excluded.place_name,
         updated_at = excluded.updated_at, deleted_at = NULL`,
    )
    .run(values);
  if (previousParent && previousParent !== parentId) dropUnusedUnit(ctx, previousParent);
  ctx.sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(OWN_UNIT_KEY, id);
  // The key exists from setup on, so its fingerprint can be given to the parent before any export.
  ensureOwnKey(ctx, id);
  // Packages imported before this unit was set up came from the units below it.
  ctx.sql('UPDATE units SET parent_id = ?, updated_at = ? WHERE parent_id IS NULL AND id <> ? AND id IN (SELECT unit_id FROM imported_conferences)')
    .run(id, now, id);
  return getUnit(ctx, id)!;
}

/**
 * A parent the own unit no longer names (she corrected its name in Cài đặt) is removed when
 * nothing else refers to it, so a corrected name leaves no stray unit behind.
 */
function dropUnusedUnit(ctx: ServiceContext, id: string): void {
  ctx.sql(
    `DELETE FROM units WHERE id = @id
       AND NOT EXISTS (SELECT 1 FROM units WHERE parent_id = @id)
       AND NOT EXISTS (SELECT 1 FROM conferences WHERE unit_id = @id)
       AND NOT EXISTS (SELECT 1 FROM own_keys WHERE unit_id = @id)
       AND NOT EXISTS (SELECT 1 FROM unit_keys WHERE unit_id = @id)
       AND NOT EXISTS (SELECT 1 FROM imported_conferences WHERE unit_id = @id)
       AND NOT EXISTS (SELECT 1 FROM settings WHERE key = '${OWN_UNIT_KEY}' AND value = @id)`,
  ).run({ id });
}

function findOrCreateUnitExact(ctx: ServiceContext, name: string): string | null {
  // A unit whose packages were imported here is another unit of the same name, never this one.
  const row = ctx.sql('SELECT id FROM units WHERE name_folded = ? AND deleted_at IS NULL AND id NOT IN (SELECT unit_id FROM unit_keys) LIMIT 1').get(fold(name)) as
    | { id: string }
    | undefined;
  return row?.id ?? null;
}

/**
 * Header lines a unit would print if its secretary has not written her own (see
 * shared/unit-header.ts): a People's Committee has no parent line, a province-level Party
 * committee is "TỈNH ỦY …" / "THÀNH ỦY …".
 */
export function defaultHeaderLines(
  name: string,
  parentName: string,
  style: 'party' | 'government',
  level?: string | null,
): { parent: string; issuer: string } {
  return suggestHeaderLines({ name, parentName, style, level });
}
