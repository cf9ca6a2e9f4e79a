/**
 * The own unit is written once per save, with exactly one parent row (issue 8, C14); a
 * corrected parent name leaves no stray unit, and a parent something else refers to stays.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTestBackend, type TempDir, type TestBackend } from '../support/temp-db';

let tmp: TempDir;
let b: TestBackend;
beforeEach(() => {
  tmp = makeTempDir();
  b = openTestBackend(tmp);
});
afterEach(() => {
  b.close();
  tmp.cleanup();
});

const names = () => (b.ctx.db.prepare('SELECT name FROM units').all() as Array<{ name: string }>).map((r) => r.name).sort();

describe('unit.save and the parent unit', () => {
  it('one save writes the unit and exactly one parent; saving again writes no other row', () => {
    b.call('unit.save', { name: 'Phường Đông Hưng', level: 'phường', parentName: 'Thành phố Hải Phòng' });
    b.call('unit.save', { name: 'Phường Đông Hưng', level: 'phường', parentName: 'Thành phố Hải Phòng' });
    expect(names()).toEqual(['Phường Đông Hưng', 'Thành phố Hải Phòng'].sort());
  });

  it('a corrected parent name replaces the old parent row instead of leaving it behind', () => {
    b.call('unit.save', { name: 'Phường Đông Hưng', level: 'phường', parentName: 'Thành phố Hải Phong' });
    const saved = b.call('unit.save', { name: 'Phường Đông Hưng', level: 'phường', parentName: 'Thành phố Hải Phòng' });
    expect(saved.parentName).toBe('Thành phố Hải Phòng');
    expect(names()).toEqual(['Phường Đông Hưng', 'Thành phố Hải Phòng'].sort());
    b.call('unit.save', { name: 'Phường Đông Hưng', level: 'phường', parentName: '' });
    expect(names()).toEqual(['Phường Đông Hưng']);
  });

  it('a former parent that has its own children stays', () => {
    b.call('unit.save', { name: 'Phường Đông Hưng', level: 'phường', parentName: 'Thành phố Hải Phòng' });
    const parent = b.ctx.db.prepare(`SELECT id FROM units WHERE name = 'Thành phố Hải Phòng'`).get() as { id: string };
    b.ctx.db
      .prepare(`INSERT INTO units (id, name, name_folded, level, parent_id, created_at, updated_at) VALUES ('x', 'Phường Lê Chân', 'phuong le chan', 'phường', ?, '2026-01-01', '2026-01-01')`)
      .run(parent.id);
    b.call('unit.save', { name: 'Phường Đông Hưng', level: 'phường', parentName: 'Tỉnh Hải Đông' });
    expect(names()).toEqual(['Phường Đông Hưng', 'Phường Lê Chân', 'Thành phố Hải Phòng', 'Tỉnh Hải Đông'].sort());
  });
});
