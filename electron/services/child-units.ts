/**
 * The units below this one (a province's communes, or a district's in older data): added
 * by hand before their first file comes, or created by that file. A unit added by hand
 * carries no data of its own, so it can be merged into the one a package created.
 */
import type { ApiParsed } from '../../shared/api/contract';
import type { ChildUnit, Deleted } from '../../shared/api/types';
import { fold } from '../../shared/text';
import { notFound, refused, stamp, type ServiceContext } from './context';
import { ownUnitId } from './units';

interface TreeRow {
  id: string;
  name: string;
  level: string;
  code: string | null;
  parent_id: string | null;
  fingerprint: string | null;
  imported: number;
  last_import_at: string | null;
  holds_data: number;
  answered: number;
}

/** Deep trees do not exist in this administration; the cap guards against a cycle in hand-edited data. */
const MAX_DEPTH = 6;

/**
 * Every unit below this one, in tree order (children by name under their parent). Before
 * this database's own unit is set up, the units whose packages came in are the roots.
 */
export function listChildUnits(ctx: ServiceContext): ChildUnit[] {
  const own = ownUnitId(ctx);
  const rows = ctx.sql(
    `WITH RECURSIVE tree(id, depth) AS (
       SELECT id, 1 FROM units
        WHERE deleted_at IS NULL AND id IS NOT @own
          AND (parent_id = @own OR (@own IS NULL AND parent_id IS NULL AND id IN (SELECT unit_id FROM imported_conferences)))
       UNION
       SELECT u.id, t.depth + 1 FROM units u JOIN tree t ON u.parent_id = t.id
        WHERE u.deleted_at IS NULL AND t.depth < ${MAX_DEPTH} AND u.id IS NOT @own
     )
     SELECT u.id, u.name, u.level, u.code, u.parent_id, k.fingerprint,
            (SELECT COUNT(*) FROM imported_conferences i JOIN conferences c ON c.id = i.conference_id
              WHERE i.unit_id = u.id AND c.deleted_at IS NULL) AS imported,
            (SELECT MAX(i.imported_at) FROM imported_conferences i WHERE i.unit_id = u.id) AS last_import_at,
            ${HOLDS_DATA.replaceAll('@id', 'u.id')} AS holds_data,
            (SELECT COUNT(DISTINCT a.concern_id) FROM parent_answers a WHERE a.unit_id = u.id) AS answered
       FROM tree t JOIN units u ON u.id = t.id LEFT JOIN unit_keys k ON k.unit_id = u.id
      GROUP BY u.id`,
  ).all({ own }) as TreeRow[];
  return inTreeOrder(rows).map((r) => ({
    id: r.id,
    name: r.name,
    level: r.level,
    code: r.code,
    parentId: r.parent_id,
    depth: r.depth,
    keyFingerprint: r.fingerprint,
    importedConferences: r.imported,
    lastImportAt: r.last_import_at,
    handAdded: r.holds_data === 0,
    answeredMatters: r.answered,
  }));
}

/** Parents before their children, children by name; the depth counted from this unit. */
function inTreeOrder(rows: TreeRow[]): Array<TreeRow & { depth: number }> {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, TreeRow[]>();
  for (const row of rows) {
    // A root is a row whose parent is not in the tree (this unit, or none).
    const parent = row.parent_id !== null && ids.has(row.parent_id) ? row.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const byName = (a: TreeRow, b: TreeRow) => a.name.localeCompare(b.name, 'vi');
  const out: Array<TreeRow & { depth: number }> = [];
  const visit = (parent: string | null, depth: number) => {
    for (const row of (children.get(parent) ?? []).sort(byName)) {
      out.push({ ...row, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 1);
  return out;
}

export function getChildUnit(ctx: ServiceContext, id: string): ChildUnit {
  const unit = listChildUnits(ctx).find((u) => u.id === id);
  if (!unit) throw notFound('đơn vị cấp dưới');
  return unit;
}

/** Adds a unit by hand, so the overview can name it as missing before its first file. */
export function addChildUnit(ctx: ServiceContext, input: ApiParsed<'childUnits.add'>): ChildUnit {
  const own = ownUnitId(ctx);
  if (!own) throw refused('Chưa thiết lập đơn vị. Hãy khai báo đơn vị của mình trước khi thêm đơn vị cấp dưới.');
  const parentId = input.parentId ?? own;
  if (parentId !== own) getChildUnit(ctx, parentId);
  const name = input.name.trim();
  const clash = ctx.sql('SELECT name FROM units WHERE parent_id = ? AND name_folded = ? AND deleted_at IS NULL').get(parentId, fold(name)) as
    | { name: string }
    | undefined;
  if (clash) throw refused(`Đơn vị "${clash.name}" đã có trong danh sách.`);
  const id = ctx.newId();
  const now = stamp(ctx);
  ctx.sql('INSERT INTO units (id, name, name_folded, level, code, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, name, fold(name), input.level, input.code?.trim() || null, parentId, now, now);
  return getChildUnit(ctx, id);
}

/** Whether a unit holds anything of its own: a conference, a key, a package. */
const HOLDS_DATA = `(EXISTS (SELECT 1 FROM conferences WHERE unit_id = @id)
    OR EXISTS (SELECT 1 FROM unit_keys WHERE unit_id = @id)
    OR EXISTS (SELECT 1 FROM own_keys WHERE unit_id = @id)
    OR EXISTS (SELECT 1 FROM imported_conferences WHERE unit_id = @id))`;

/** A unit that holds nothing: only such a unit may be merged away or removed. */
function isHandAdded(ctx: ServiceContext, id: string): boolean {
  return (ctx.sql(`SELECT ${HOLDS_DATA} AS holds`).get({ id }) as { holds: number }).holds === 0;
}

/**
 * Folds a hand-added unit into another (usually the one its first package created under a
 * slightly different name): the package's unit keeps its id and name, takes the hand-added
 * one's place in the tree and its code if it has none.
 */
export function mergeChildUnits(ctx: ServiceContext, input: ApiParsed<'childUnits.merge'>): ChildUnit {
  if (input.from === input.into) throw refused('Hãy chọn hai đơn vị khác nhau để gộp.');
  const from = getChildUnit(ctx, input.from);
  const into = getChildUnit(ctx, input.into);
  if (!isHandAdded(ctx, from.id)) throw refused(`Đơn vị "${from.name}" đã có dữ liệu gửi lên nên không gộp vào đơn vị khác được.`);
  if (isAncestor(ctx, from.id, into.id)) throw refused(`Không gộp được: "${into.name}" nằm dưới "${from.name}".`);
  moveInto(ctx, from.id, into.id);
  return getChildUnit(ctx, into.id);
}

/** Moves what hangs under `from` to `into`, gives `into` its place and code, and removes `from`. */
export function moveInto(ctx: ServiceContext, fromId: string, intoId: string): void {
  const from = ctx.sql('SELECT parent_id, code FROM units WHERE id = ?').get(fromId) as { parent_id: string | null; code: string | null };
  const now = stamp(ctx);
  ctx.sql('UPDATE units SET parent_id = ?, updated_at = ? WHERE parent_id = ?').run(intoId, now, fromId);
  // Merged into a unit above it, `into` stays where it is: it cannot sit under itself.
  const place = isAncestor(ctx, intoId, fromId) ? null : from.parent_id;
  ctx.sql('UPDATE units SET parent_id = COALESCE(?, parent_id), code = COALESCE(code, ?), updated_at = ? WHERE id = ?').run(place, from.code, now, intoId);
  ctx.sql('DELETE FROM units WHERE id = ?').run(fromId);
}

function isAncestor(ctx: ServiceContext, ancestorId: string, id: string): boolean {
  let current: string | null = id;
  for (let i = 0; current && i <= MAX_DEPTH; i++) {
    const row = ctx.sql('SELECT parent_id FROM units WHERE id = ?').get(current) as { parent_id: string | null } | undefined;
    current = row?.parent_id ?? null;
    if (current === ancestorId) return true;
  }
  return false;
}

export function deleteChildUnit(ctx: ServiceContext, id: string): Deleted {
  const unit = getChildUnit(ctx, id);
  if (!isHandAdded(ctx, id)) throw refused(`Đơn vị "${unit.name}" đã gửi dữ liệu lên nên không xóa được.`);
  if (ctx.sql('SELECT 1 FROM units WHERE parent_id = ? AND deleted_at IS NULL').get(id)) {
    throw refused(`Đơn vị "${unit.name}" còn đơn vị cấp dưới; hãy xóa hoặc gộp các đơn vị đó trước.`);
  }
  const deletedAt = stamp(ctx);
  ctx.sql('UPDATE units SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, deletedAt, id);
  return { id, deletedAt };
}

/**
 * The hand-added unit a first package should land on: same name (diacritics and case
 * ignored) somewhere in the tree, and nothing of its own yet.
 */
export function handAddedNamed(ctx: ServiceContext, name: string, exceptId: string): string | null {
  const own = ownUnitId(ctx);
  if (!own) return null;
  const candidates = ctx.sql('SELECT id FROM units WHERE name_folded = ? AND id <> ? AND deleted_at IS NULL ORDER BY created_at').all(fold(name), exceptId) as Array<{
    id: string;
  }>;
  return candidates.find((c) => isHandAdded(ctx, c.id) && isAncestor(ctx, own, c.id))?.id ?? null;
}
