/** The editable list of fields (lĩnh vực), seeded with the 14 defaults of real reports. */
import type { ApiParsed } from '../../shared/api/contract';
import type { Deleted, Field } from '../../shared/api/types';
import { DEFAULT_FIELDS } from '../../shared/fields';
import { fold } from '../../shared/text';
import { notFound, refused, stamp, type ServiceContext } from './context';
import { toField, type FieldRow } from './rows';

const FIELD_COLUMNS = 'id, name, position, deleted_at';

/** Inserts any default field that is missing; a field the user deleted stays deleted (soft). */
export function seedDefaultFields(ctx: ServiceContext): void {
  const now = stamp(ctx);
  const insert = ctx.sql(
    `INSERT OR IGNORE INTO fields (id, name, name_folded, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  DEFAULT_FIELDS.forEach((f, i) => insert.run(f.id, f.name, fold(f.name), i + 1, now, now));
}

export function listFields(ctx: ServiceContext, input: ApiParsed<'fields.list'>): Field[] {
  const where = input.includeDeleted ? '' : 'WHERE deleted_at IS NULL';
  const rows = ctx.sql(`SELECT ${FIELD_COLUMNS} FROM fields ${where} ORDER BY position, name`).all() as FieldRow[];
  return rows.map(toField);
}

function getField(ctx: ServiceContext, id: string): Field {
  const row = ctx.sql(`SELECT ${FIELD_COLUMNS} FROM fields WHERE id = ?`).get(id) as FieldRow | undefined;
  if (!row) throw notFound('lĩnh vực');
  return toField(row);
}

function assertNameFree(ctx: ServiceContext, name: string, exceptId: string | null): void {
  const clash = ctx.sql('SELECT id FROM fields WHERE name_folded = ? AND deleted_at IS NULL AND id IS NOT ?')
    .get(fold(name), exceptId);
  if (clash) throw refused(`Lĩnh vực "${name.trim()}" đã có trong danh sách.`);
}

export function createField(ctx: ServiceContext, input: ApiParsed<'fields.create'>): Field {
  const name = input.name.trim();
  assertNameFree(ctx, name, null);
  const id = ctx.newId();
  const now = stamp(ctx);
  const { next } = ctx.sql('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM fields').get() as { next: number };
  ctx.sql('INSERT INTO fields (id, name, name_folded, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, name, fold(name), next, now, now);
  return getField(ctx, id);
}

export function updateField(ctx: ServiceContext, input: ApiParsed<'fields.update'>): Field {
  getField(ctx, input.id);
  const { name, position } = input.patch;
  if (name !== undefined) {
    assertNameFree(ctx, name, input.id);
    ctx.sql('UPDATE fields SET name = ?, name_folded = ?, updated_at = ? WHERE id = ?').run(name.trim(), fold(name), stamp(ctx), input.id);
  }
  if (position !== undefined) {
    ctx.sql('UPDATE fields SET position = ?, updated_at = ? WHERE id = ?').run(position, stamp(ctx), input.id);
  }
  return getField(ctx, input.id);
}

export function deleteField(ctx: ServiceContext, id: string): Deleted {
  getField(ctx, id);
  const deletedAt = stamp(ctx);
  ctx.sql('UPDATE fields SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(deletedAt, deletedAt, id);
  return { id, deletedAt };
}

export function restoreField(ctx: ServiceContext, id: string): Field {
  const field = getField(ctx, id);
  assertNameFree(ctx, field.name, id);
  ctx.sql('UPDATE fields SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(stamp(ctx), id);
  return getField(ctx, id);
}

/** Field id by its name (diacritics and case ignored), for scenario files that name fields. */
export function fieldIdByName(ctx: ServiceContext, name: string): string | null {
  const row = ctx.sql('SELECT id FROM fields WHERE name_folded = ? ORDER BY deleted_at IS NOT NULL LIMIT 1').get(fold(name)) as
    | { id: string }
    | undefined;
  return row?.id ?? null;
}
