import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unitKeyFingerprint, verifyPackage } from '../../../electron/services/packages';
import { exportConference } from '../../../electron/services/package-export';
import { importPackages } from '../../../electron/services/package-import';
import { conferenceCounts } from '../../../electron/services/counts';
import { dumpDatabase, FIXTURE_FILES, makeTempDir, openTestBackend, readFixture, type TempDir, type TestBackend } from '../support/temp-db';
import { exportBytes, loadFixture, unzip } from './support';

let tmp: TempDir;
let a: TestBackend;
let b: TestBackend;
beforeEach(() => {
  tmp = makeTempDir();
  a = openTestBackend(tmp, 'child.sqlite');
  b = openTestBackend(tmp, 'parent.sqlite');
});
afterEach(() => {
  a.close();
  b.close();
  tmp.cleanup();
});

/** The conference's rows, with fields and agencies by name (each database has its own ids for them). */
function conferenceRows(t: TestBackend, id: string): Record<string, unknown[]> {
  const db = t.ctx.db;
  return {
    conference: db.prepare('SELECT * FROM conferences WHERE id = ?').all(id),
    speakers: db.prepare('SELECT * FROM speakers WHERE conference_id = ? ORDER BY id').all(id),
    turns: db.prepare('SELECT * FROM turns WHERE conference_id = ? ORDER BY id').all(id),
    concerns: db
      .prepare(
        `SELECT c.*, f.name AS field_name, a.name AS agency_name FROM concerns c LEFT JOIN fields f ON f.id = c.field_id
         LEFT JOIN agencies a ON a.id = c.agency_id WHERE c.conference_id = ? ORDER BY c.id`,
      )
      .all(id)
      .map((r) => ({ ...(r as object), field_id: undefined, agency_id: undefined })),
    statusChanges: db.prepare('SELECT h.* FROM concern_status_changes h JOIN concerns c ON c.id = h.concern_id WHERE c.conference_id = ? ORDER BY h.id').all(id),
  };
}

describe('round trip', () => {
  for (const file of FIXTURE_FILES) {
    it(`${file}: exported from one database, imported into a fresh one, ids and data kept`, async () => {
      const id = loadFixture(a, file);
      const bytes = await exportBytes(a, id);
      const [result] = await importPackages(b.ctx, [{ name: 'a.doithoai', bytes }]);
      expect(result).toMatchObject({ outcome: 'imported', conferenceId: id, revision: 1 });
      expect(conferenceRows(b, id)).toEqual(conferenceRows(a, id));
      expect(conferenceCounts(b.ctx, id)).toEqual(conferenceCounts(a.ctx, id));
      expect(conferenceCounts(b.ctx, id)).toMatchObject(readFixture(file).expected as object);
      const unit = b.ctx.db.prepare('SELECT u.name, u.parent_id FROM units u JOIN conferences c ON c.unit_id = u.id WHERE c.id = ?').get(id);
      expect(unit).toEqual({ name: (readFixture(file).unit as { name: string }).name, parent_id: null });

      // Re-import: nothing changes but the import log.
      const before = dumpDatabase(b.dbPath);
      const [again] = await importPackages(b.ctx, [{ name: 'a.doithoai', bytes: await exportBytes(a, id) }]);
      expect(again).toMatchObject({ outcome: 'unchanged', revision: 1 });
      expect(again!.message).toContain('đã nhập trước đó');
      const after = dumpDatabase(b.dbPath);
      expect(after.package_imports).toHaveLength(before.package_imports!.length + 1);
      expect({ ...after, package_imports: [] }).toEqual({ ...before, package_imports: [] });
    });
  }

  it('revisions apply in order: a newer one replaces with counts before → after, an older one is ignored', async () => {
    const id = loadFixture(a, FIXTURE_FILES[0]!);
    const r1 = await exportBytes(a, id);
    const turn = a.ctx.db.prepare('SELECT id FROM turns WHERE conference_id = ? ORDER BY seq DESC LIMIT 1').get(id) as { id: string };
    a.call('turns.delete', { id: turn.id });
    const r2 = await exportBytes(a, id);
    expect((await exportBytes(a, id)).length).toBeGreaterThan(0);
    const [first, second, third] = await importPackages(b.ctx, [
      { name: 'r1', bytes: r1 },
      { name: 'r2', bytes: r2 },
      { name: 'r1-again', bytes: r1 },
    ]);
    expect(first).toMatchObject({ outcome: 'imported', revision: 1 });
    expect(second).toMatchObject({ outcome: 'replaced', revision: 2 });
    expect(second!.after!.turns).toBe(second!.before!.turns - 1);
    expect(second!.message).toContain('→');
    expect(third).toMatchObject({ outcome: 'older', revision: 1 });
    expect(conferenceCounts(b.ctx, id)).toEqual(conferenceCounts(a.ctx, id));
  });

  it('an unchanged conference exports the same revision; verify reports and writes nothing', async () => {
    const id = loadFixture(a, FIXTURE_FILES[0]!);
    await exportBytes(a, id);
    const bytes = await exportBytes(a, id);
    const before = dumpDatabase(b.dbPath);
    const report = await verifyPackage(b.ctx, bytes);
    expect(report).toMatchObject({ signature: 'valid', key: 'new', revisionStatus: 'new', refusal: null, conference: { id, revision: 1 } });
    expect(report.fingerprint).toBe(unitKeyFingerprint(a.ctx)!.fingerprint);
    expect(report.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    expect(dumpDatabase(b.dbPath)).toEqual(before);
  });

  it('the child unit is created under the own unit when the parent has one', async () => {
    b.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh', parentName: '' });
    const id = loadFixture(a, FIXTURE_FILES[0]!);
    await importPackages(b.ctx, [{ name: 'x', bytes: await exportBytes(a, id) }]);
    const row = b.ctx.db.prepare('SELECT p.name FROM conferences c JOIN units u ON u.id = c.unit_id JOIN units p ON p.id = u.parent_id WHERE c.id = ?').get(id);
    expect(row).toEqual({ name: 'Tỉnh Hải Đông' });
  });

  it('carries the minutes and the report for readers without the app', { timeout: 60_000 }, async () => {
    const id = loadFixture(a, FIXTURE_FILES[0]!);
    const built = await exportConference(a.ctx, id);
    expect([...unzip(built.bytes).keys()].sort()).toEqual(['data.json', 'manifest.json', 'manifest.sig', 'minutes.docx', 'report.xlsx']);
    expect(built.fileName).toMatch(/^[a-z0-9-]+_\d{4}-\d{2}-\d{2}_(dinh-ky|chuyen-de|dot-xuat)_r1\.doithoai$/);
    const [result] = await importPackages(b.ctx, [{ name: built.fileName, bytes: built.bytes }]);
    expect(result!.outcome).toBe('imported');
  });
});
