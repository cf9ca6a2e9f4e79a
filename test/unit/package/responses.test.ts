/**
 * Answers travelling back down (issue 10): the parent answers a matter its unit forwarded,
 * exports a signed response file for that unit, and the unit imports it into the matter's
 * history. Hostile files are refused with nothing written; importing twice adds nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPair, sign } from '../../../electron/package/keys';
import type { ResponseData, ResponseManifest } from '../../../electron/package/model';
import { outcomeCounts, recordStatus } from '../../../electron/services/outcomes';
import { importPackages } from '../../../electron/services/package-import';
import { exportResponse, recordParentAnswer } from '../../../electron/services/responses';
import { dumpDatabase, makeTempDir, openTestBackend, VIETNAMESE, type TempDir, type TestBackend } from '../support/temp-db';
import { exportBytes, loadFixture, sha256, unzip } from './support';
import { rawZip } from './zip';

const HOA_BINH = 'phuong-hoa-binh-2026.json';
let tmp: TempDir;
let unit: TestBackend;
let parent: TestBackend;
let conferenceId: string;

const matter = (b: TestBackend, words: string) =>
  b.ctx.db.prepare('SELECT id FROM concerns WHERE conference_id = ? AND text LIKE ?').get(conferenceId, `%${words}%`) as { id: string };

beforeEach(async () => {
  tmp = makeTempDir();
  unit = openTestBackend(tmp, 'unit.sqlite');
  parent = openTestBackend(tmp, 'parent.sqlite');
  parent.call('unit.save', { name: 'Thành phố Hải An', level: 'thành phố', parentName: '' });
  conferenceId = loadFixture(unit, HOA_BINH);
  const [imported] = await importPackages(parent.ctx, [{ name: 'hoa-binh.doithoai', bytes: await exportBytes(unit, conferenceId) }]);
  expect(imported!.outcome).toBe('imported');
});
afterEach(() => {
  unit.close();
  parent.close();
  tmp.cleanup();
});

const unitId = () => (unit.ctx.db.prepare('SELECT unit_id FROM conferences WHERE id = ?').get(conferenceId) as { unit_id: string }).unit_id;

/** The parent answers the forwarded Lê Lợi road matter and exports the file for the unit. */
async function answered(): Promise<Buffer> {
  const leLoi = matter(parent, 'Lê Lợi');
  parent.ctx.db.transaction(() =>
    recordParentAnswer(parent.ctx, leLoi.id, { status: 'resolved', date: '2026-10-25', note: 'Thành phố đã bố trí vốn, hoàn thành giải phóng mặt bằng.', reportedBy: 'UBND thành phố', reference: 'Công văn số 125/UBND-KT' }),
  )();
  return (await exportResponse(parent.ctx, unitId())).bytes;
}

async function importAtUnit(bytes: Buffer) {
  const [result] = await importPackages(unit.ctx, [{ name: 'tra-loi.doithoai', bytes }]);
  return result!;
}

describe('response files', () => {
  it('the unit imports the parent’s answer: the matter resolved with its date and reference, counts 10/0/5/3', async () => {
    const drainage = matter(unit, 'thoát nước');
    unit.ctx.db.transaction(() => recordStatus(unit.ctx, drainage.id, { status: 'resolved', date: '2026-10-20' }))();
    expect(outcomeCounts(unit.ctx, conferenceId, '2026-11-01')).toEqual({ resolved: 9, inProgress: 0, open: 6, overdue: 3 });
    const revisionBefore = (unit.ctx.db.prepare('SELECT updated_at FROM conferences WHERE id = ?').get(conferenceId) as { updated_at: string }).updated_at;

    const result = await importAtUnit(await answered());
    expect(result.outcome, result.message).toBe('imported');
    expect(result.message).toMatch(/Thành phố Hải An/);
    expect(result.message).toMatch(/vân tay [0-9A-F]{4}(-[0-9A-F]{4}){4}/);
    expect(outcomeCounts(unit.ctx, conferenceId, '2026-11-01')).toEqual({ resolved: 10, inProgress: 0, open: 5, overdue: 3 });
    // Not yet answered on 24/10: the history keeps the date.
    expect(outcomeCounts(unit.ctx, conferenceId, '2026-10-24')).toMatchObject({ resolved: 9, open: 6 });
    const leLoi = matter(unit, 'Lê Lợi');
    expect(unit.ctx.db.prepare('SELECT status, changed_on, reported_by, reference_doc FROM concern_status_changes WHERE concern_id = ?').all(leLoi.id)).toEqual([
      { status: 'resolved', changed_on: '2026-10-25', reported_by: 'UBND thành phố', reference_doc: 'Công văn số 125/UBND-KT' },
    ]);
    expect(unit.ctx.db.prepare('SELECT status FROM concerns WHERE id = ?').get(leLoi.id)).toEqual({ status: 'resolved' });
    // The conference changed: its next export is a new revision.
    const revisionAfter = (unit.ctx.db.prepare('SELECT updated_at FROM conferences WHERE id = ?').get(conferenceId) as { updated_at: string }).updated_at;
    expect(revisionAfter).not.toBe(revisionBefore);
  });

  it('importing the same file twice changes nothing but the log', async () => {
    const bytes = await answered();
    expect((await importAtUnit(bytes)).outcome).toBe('imported');
    const before = dumpDatabase(unit.dbPath);
    const again = await importAtUnit(bytes);
    expect(again.outcome).toBe('unchanged');
    expect(again.message).toMatch(/đã nhập trước đó/);
    const after = dumpDatabase(unit.dbPath);
    expect({ ...after, response_imports: [] }).toEqual({ ...before, response_imports: [] });
  });

  it('the parent answers only forwarded matters of received conferences', () => {
    const drainage = matter(parent, 'thoát nước');
    expect(() => parent.ctx.db.transaction(() => recordParentAnswer(parent.ctx, drainage.id, { status: 'resolved', date: '2026-10-25' }))()).toThrow(/kiến nghị lên cấp trên/);
  });

  describe('refused with nothing written', () => {
    async function expectRefused(bytes: Buffer, pattern: RegExp): Promise<void> {
      const before = dumpDatabase(unit.dbPath);
      const result = await importAtUnit(bytes);
      expect(result.outcome, result.message).toBe('refused');
      expect(result.problem).not.toBe('internal');
      expect(result.message).toMatch(VIETNAMESE);
      expect(result.message).toMatch(pattern);
      expect(dumpDatabase(unit.dbPath)).toEqual(before);
    }

    /** A well-formed, correctly signed response file whose content we chose. */
    function forgeResponse(original: Buffer, change: { manifest?: (m: ResponseManifest) => void; data?: (d: ResponseData) => void }, key = generateKeyPair()): Buffer {
      const entries = unzip(original);
      const data = JSON.parse(entries.get('response.json')!.toString('utf8')) as ResponseData;
      change.data?.(data);
      const dataBytes = Buffer.from(JSON.stringify(data), 'utf8');
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as ResponseManifest;
      manifest.publicKey = key.publicKey.toString('base64');
      manifest.files = { 'response.json': { sha256: sha256(dataBytes), size: dataBytes.length } };
      change.manifest?.(manifest);
      const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
      return rawZip([
        { name: 'manifest.json', data: manifestBytes },
        { name: 'manifest.sig', data: sign(key.privateKey, manifestBytes) },
        { name: 'response.json', data: dataBytes },
      ]);
    }

    it('signed by another key than the one pinned with the first file', async () => {
      const bytes = await answered();
      expect((await importAtUnit(bytes)).outcome).toBe('imported');
      await expectRefused(forgeResponse(bytes, { data: (d) => (d.answers[0]!.entries[0]!.id = 'other-entry') }), /khóa khác/);
    });

    it('naming a matter the unit does not have', async () => {
      const bytes = await answered();
      await expectRefused(forgeResponse(bytes, { data: (d) => (d.answers[0]!.concernId = 'not-a-matter') }), /không có ở đơn vị này/);
    });

    it('meant for another unit', async () => {
      const bytes = await answered();
      await expectRefused(forgeResponse(bytes, { manifest: (m) => (m.to = { id: 'another-unit', name: 'Phường Tân Lập' }) }), /Phường Tân Lập/);
    });

    it('changed after signing', async () => {
      const bytes = await answered();
      const entries = unzip(bytes);
      const data = Buffer.from(entries.get('response.json')!.toString('utf8').replace('2026-10-25', '2026-10-01'), 'utf8');
      await expectRefused(
        rawZip([
          { name: 'manifest.json', data: entries.get('manifest.json')! },
          { name: 'manifest.sig', data: entries.get('manifest.sig')! },
          { name: 'response.json', data },
        ]),
        /đã bị thay đổi/,
      );
    });

    it('against its schema (a status that does not exist)', async () => {
      const bytes = await answered();
      await expectRefused(forgeResponse(bytes, { data: (d) => ((d.answers[0]!.entries[0] as { status: string }).status = 'done') }), /sai lược đồ/);
    });
  });

  it('the parent has nothing to send before it answers', async () => {
    await expect(exportResponse(parent.ctx, unitId())).rejects.toThrow(/Chưa có câu trả lời/);
  });
});
