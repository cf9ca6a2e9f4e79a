import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { DEFAULT_FIELDS } from '../../../shared/fields';
import { makeTempDir, openTestBackend, VIETNAMESE, type TempDir, type TestBackend } from '../support/temp-db';

describe('own unit', () => {
  let tmp: TempDir;
  let b: TestBackend;
  beforeEach(() => {
    tmp = makeTempDir('doithoai-unit-');
    b = openTestBackend(tmp);
  });
  afterEach(() => {
    b.close();
    tmp.cleanup();
  });

  it('is null until set up, then saved with its parent found or created by name', () => {
    expect(b.call('unit.get', {})).toBeNull();
    const saved = b.call('unit.save', {
      name: 'Xã Tân Lập',
      level: 'xã',
      code: '10105',
      parentName: 'Tỉnh Hải Đông',
      documentStyle: 'government',
      headerParentLine: 'ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG',
      headerIssuerLine: 'ỦY BAN NHÂN DÂN XÃ TÂN LẬP',
      placeName: 'Tân Lập',
    });
    expect(saved).toMatchObject({
      name: 'Xã Tân Lập',
      level: 'xã',
      code: '10105',
      parentName: 'Tỉnh Hải Đông',
      documentStyle: 'government',
      headerParentLine: 'ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG',
      headerIssuerLine: 'ỦY BAN NHÂN DÂN XÃ TÂN LẬP',
      placeName: 'Tân Lập',
    });
    expect(saved.parentId).toEqual(expect.any(String));
    expect(b.call('unit.get', {})).toEqual(saved);
    const parent = b.ctx.db.prepare('SELECT name, level FROM units WHERE id = ?').get(saved.parentId);
    expect(parent).toEqual({ name: 'Tỉnh Hải Đông', level: 'tỉnh' });
  });

  it('editing keeps the same unit and reuses the parent whatever its spelling', () => {
    const first = b.call('unit.save', { name: 'Xã Tân Lập', level: 'xã', parentName: 'Tỉnh Hải Đông' });
    const second = b.call('unit.save', { name: 'Xã Tân Lập Mới', level: 'xã', parentName: 'tinh hai dong' });
    expect(second.id).toBe(first.id);
    expect(second.parentId).toBe(first.parentId);
    expect(second.name).toBe('Xã Tân Lập Mới');
    expect(b.call('unit.get', {})?.name).toBe('Xã Tân Lập Mới');
    expect(b.ctx.db.prepare('SELECT COUNT(*) AS n FROM units').get()).toEqual({ n: 2 });
  });

  it('is kept across a reopen through openBackend', () => {
    b.call('unit.save', { name: 'Phường Hòa Bình', level: 'phường' });
    b.close();
    const backend = openBackend({ dbPath: b.dbPath, host: 'test' });
    try {
      expect(backend.dispatch('unit.get', {})).toMatchObject({ ok: true, value: { name: 'Phường Hòa Bình', level: 'phường', parentId: null } });
    } finally {
      backend.close();
    }
    b = openTestBackend(tmp);
  });

  it('refuses a blank name or an unknown level in Vietnamese', () => {
    for (const input of [
      { name: '   ', level: 'xã' },
      { name: 'Xã A', level: 'thôn' },
    ]) {
      const result = b.raw('unit.save', input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(VIETNAMESE);
    }
    expect(b.call('unit.get', {})).toBeNull();
  });
});

describe('fields (lĩnh vực)', () => {
  let tmp: TempDir;
  let b: TestBackend;
  beforeEach(() => {
    tmp = makeTempDir('doithoai-fields-');
    b = openTestBackend(tmp);
  });
  afterEach(() => {
    b.close();
    tmp.cleanup();
  });

  it('the 14 defaults are seeded in report order with fixed ids', () => {
    const fields = b.call('fields.list', {});
    expect(fields).toHaveLength(14);
    expect(fields.map((f) => f.name)).toEqual([
      'Quy hoạch, giải phóng mặt bằng, xây dựng cơ bản',
      'Quản lý đất đai',
      'Trật tự xây dựng, quản lý đô thị',
      'Tài nguyên, môi trường, vệ sinh môi trường',
      'Tài chính, ngân sách, thuế',
      'Nông nghiệp, nông thôn mới',
      'Công nghiệp, thương mại, dịch vụ',
      'Giao thông, hạ tầng kỹ thuật',
      'Văn hóa, xã hội, giáo dục, y tế',
      'Chính sách, an sinh xã hội',
      'Quốc phòng, an ninh, trật tự an toàn xã hội',
      'Xây dựng Đảng, chính quyền, công tác dân vận',
      'Cải cách hành chính',
      'Lĩnh vực khác',
    ]);
    expect(fields.map((f) => f.id)).toEqual(DEFAULT_FIELDS.map((f) => f.id));
    expect(fields.map((f) => f.position)).toEqual(fields.map((_, i) => i + 1));
    expect(fields.every((f) => f.deletedAt === null)).toBe(true);
  });

  it('can be renamed, added, deleted and restored; reopening does not re-seed over edits', () => {
    const [first, second] = b.call('fields.list', {});
    const renamed = b.call('fields.update', { id: first!.id, patch: { name: 'Quy hoạch, GPMB, XDCB' } });
    expect(renamed).toMatchObject({ id: first!.id, name: 'Quy hoạch, GPMB, XDCB', position: 1 });

    const added = b.call('fields.create', { name: 'Chuyển đổi số' });
    expect(added.position).toBe(15);
    expect(b.call('fields.list', {}).at(-1)).toEqual(added);

    const moved = b.call('fields.update', { id: added.id, patch: { position: 0 } });
    expect(moved.position).toBe(0);
    expect(b.call('fields.list', {})[0]!.id).toBe(added.id);

    const deleted = b.call('fields.delete', { id: second!.id });
    expect(deleted).toEqual({ id: second!.id, deletedAt: expect.any(String) });
    expect(b.call('fields.list', {}).map((f) => f.id)).not.toContain(second!.id);
    expect(b.call('fields.list', { includeDeleted: true }).find((f) => f.id === second!.id)?.deletedAt).toBe(deleted.deletedAt);

    // Reopening seeds only what is missing: the rename and the deletion stay.
    b.close();
    b = openTestBackend(tmp);
    const afterReopen = b.call('fields.list', {});
    expect(afterReopen).toHaveLength(14);
    expect(afterReopen.find((f) => f.id === first!.id)?.name).toBe('Quy hoạch, GPMB, XDCB');
    expect(afterReopen.map((f) => f.id)).not.toContain(second!.id);

    const restored = b.call('fields.restore', { id: second!.id });
    expect(restored).toEqual({ ...second, deletedAt: null });
    expect(b.call('fields.list', {})).toHaveLength(15);
  });

  it('refuses a name already in the list, ignoring diacritics and case', () => {
    const before = b.call('fields.list', { includeDeleted: true });
    const clash = b.raw('fields.create', { name: 'quan ly dat dai' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!clash.ok) expect(clash.error.message).toContain('đã có trong danh sách');
    const rename = b.raw('fields.update', { id: before[0]!.id, patch: { name: 'CẢI CÁCH HÀNH CHÍNH' } });
    expect(rename).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(b.call('fields.list', { includeDeleted: true })).toEqual(before);
  });

  it('restoring a field whose name was reused meanwhile is refused', () => {
    const other = b.call('fields.list', {}).at(-1)!;
    b.call('fields.delete', { id: other.id });
    b.call('fields.create', { name: 'Lĩnh vực khác' });
    expect(b.raw('fields.restore', { id: other.id })).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('unknown ids are not found', () => {
    const id = '6b55a028-168f-48bc-b4d9-b63b5dd04dc3';
    for (const [method, input] of [
      ['fields.update', { id, patch: { name: 'X' } }],
      ['fields.delete', { id }],
      ['fields.restore', { id }],
    ] as const) {
      expect(b.raw(method, input)).toEqual({ ok: false, error: { code: 'not_found', message: 'Không tìm thấy lĩnh vực.' } });
    }
  });
});
