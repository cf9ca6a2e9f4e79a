/**
 * The parent unit through the API: its child units (by hand, by import, merged), the
 * completeness and aggregates of a period, and imported conferences kept read-only.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundWorker } from '../../../electron/worker/client';
import type { ConferenceCounts } from '../../../shared/api/types';
import { dumpDatabase, makeTempDir, openTestBackend, readFixture, VIETNAMESE, type TempDir, type TestBackend } from '../support/temp-db';
import { exportBytes, loadFixture, unzip } from '../package/support';
import { inThreadRenderer } from '../../../electron/services/document-renderer';

const TAN_LAP = 'xa-tan-lap-2026.json';
const HOA_BINH = 'phuong-hoa-binh-2026.json';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

let tmp: TempDir;
let parent: TestBackend;
const children: TestBackend[] = [];

beforeEach(() => {
  tmp = makeTempDir();
  parent = openTestBackend(tmp, 'parent.sqlite');
});
afterEach(() => {
  parent.close();
  for (const c of children.splice(0)) c.close();
  tmp.cleanup();
});

/** A child database holding one scenario; answers its package as the API carries it. */
async function childPackage(file: string): Promise<{ child: TestBackend; conferenceId: string; base64: string }> {
  const child = openTestBackend(tmp, `${file}.sqlite`);
  children.push(child);
  const conferenceId = loadFixture(child, file);
  return { child, conferenceId, base64: (await exportBytes(child, conferenceId)).toString('base64') };
}

const expected = (file: string) => readFixture(file).expected as ConferenceCounts;

describe('child units', () => {
  it('a unit listed by hand becomes the one its first package creates; the others stay listed as missing', async () => {
    parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    const listed = parent.call('childUnits.add', { name: 'xã tân lập', level: 'xã', code: '10105' });
    parent.call('childUnits.add', { name: 'Phường Vắng Mặt', level: 'phường' });
    expect(() => parent.call('childUnits.add', { name: 'Phường Vắng Mặt', level: 'phường' })).toThrow(/đã có trong danh sách/);

    const { base64, conferenceId } = await childPackage(TAN_LAP);
    const [result] = await parent.callAsync('packages.import', { files: [{ name: 'tan-lap.doithoai', base64 }] });
    expect(result).toMatchObject({ outcome: 'imported', conferenceId });

    const units = parent.call('childUnits.list', {});
    expect(units.map((u) => u.name)).toEqual(['Phường Vắng Mặt', 'Xã Tân Lập']);
    const tanLap = units.find((u) => u.name === 'Xã Tân Lập')!;
    expect(tanLap.id).not.toBe(listed.id);
    expect(tanLap).toMatchObject({ code: '10105', depth: 1, importedConferences: 1 });
    expect(tanLap.keyFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
  });

  it('merges a hand-added unit into an imported one by choice, and refuses to merge or delete one that sent data', async () => {
    parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    const { base64 } = await childPackage(HOA_BINH);
    await parent.callAsync('packages.import', { files: [{ name: 'hb.doithoai', base64 }] });
    const imported = parent.call('childUnits.list', {})[0]!;
    const byHand = parent.call('childUnits.add', { name: 'P. Hòa Bình', level: 'phường', code: '20202' });

    expect(() => parent.call('childUnits.merge', { from: imported.id, into: byHand.id })).toThrow(/đã có dữ liệu/);
    expect(() => parent.call('childUnits.delete', { id: imported.id })).toThrow(/không xóa được/);
    const merged = parent.call('childUnits.merge', { from: byHand.id, into: imported.id });
    expect(merged).toMatchObject({ id: imported.id, name: 'Phường Hòa Bình', code: '20202' });
    expect(parent.call('childUnits.list', {})).toHaveLength(1);

    const spare = parent.call('childUnits.add', { name: 'Phường Thừa', level: 'phường' });
    parent.call('childUnits.delete', { id: spare.id });
    expect(parent.call('childUnits.list', {}).map((u) => u.name)).toEqual(['Phường Hòa Bình']);
  });

  it('keeps the code the officer entered when later packages come without one', async () => {
    parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    parent.call('childUnits.add', { name: 'Xã Tân Lập', level: 'xã', code: '10105' });
    const { child, conferenceId, base64 } = await childPackage(TAN_LAP);
    await parent.callAsync('packages.import', { files: [{ name: 'r1.doithoai', base64 }] });
    child.call('conferences.update', { id: conferenceId, patch: { location: 'Nhà văn hóa' } });
    const r2 = await child.callAsync('packages.export', { conferenceId });
    const [result] = await parent.callAsync('packages.import', { files: [{ name: 'r2.doithoai', base64: r2.base64 }] });
    expect(result).toMatchObject({ outcome: 'replaced', revision: 2 });
    expect(parent.call('childUnits.list', {})).toMatchObject([{ name: 'Xã Tân Lập', code: '10105' }]);
  });

  it('merging a unit into the one above it keeps that one in its place', () => {
    const own = parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    const district = parent.call('childUnits.add', { name: 'Huyện Bình Sơn', level: 'huyện' });
    const ward = parent.call('childUnits.add', { name: 'Phường Một', level: 'phường', parentId: district.id });
    const commune = parent.call('childUnits.add', { name: 'Xã Hai', level: 'xã', parentId: ward.id });
    expect(parent.call('childUnits.list', {}).map((u) => [u.name, u.depth])).toEqual([
      ['Huyện Bình Sơn', 1],
      ['Phường Một', 2],
      ['Xã Hai', 3],
    ]);
    // Into its grandparent: the district must not end up under its own ward.
    const merged = parent.call('childUnits.merge', { from: commune.id, into: district.id });
    expect(merged).toMatchObject({ id: district.id, parentId: own.id, depth: 1 });
    expect(parent.call('childUnits.list', {}).map((u) => u.name)).toEqual(['Huyện Bình Sơn', 'Phường Một']);
    // Into a unit below it: refused, nothing moves.
    expect(() => parent.call('childUnits.merge', { from: district.id, into: ward.id })).toThrow(/nằm dưới/);
  });

  it('before this unit is set up, imported units are the roots; setting it up puts them under it', async () => {
    const { base64 } = await childPackage(TAN_LAP);
    expect(() => parent.call('childUnits.add', { name: 'Xã Khác', level: 'xã' })).toThrow(/Chưa thiết lập đơn vị/);
    await parent.callAsync('packages.import', { files: [{ name: 'a.doithoai', base64 }] });
    expect(parent.call('childUnits.list', {})).toMatchObject([{ name: 'Xã Tân Lập', parentId: null }]);
    expect(parent.call('overview.get', YEAR).completeness).toMatchObject({ reported: 1, total: 1, label: '1/1 xã' });

    const own = parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    expect(parent.call('childUnits.list', {})).toMatchObject([{ name: 'Xã Tân Lập', parentId: own.id }]);
  });
});

describe('overview', () => {
  async function parentWithBoth(): Promise<void> {
    parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    parent.call('childUnits.add', { name: 'Phường Vắng Mặt', level: 'phường' });
    const files = [await childPackage(TAN_LAP), await childPackage(HOA_BINH)].map((p, i) => ({ name: `${i}.doithoai`, base64: p.base64 }));
    const results = await parent.callAsync('packages.import', { files });
    expect(results.map((r) => r.outcome)).toEqual(['imported', 'imported']);
  }

  it('counts who reported in the period, by kind, and names the missing', async () => {
    await parentWithBoth();
    const { completeness } = parent.call('overview.get', YEAR);
    expect(completeness).toMatchObject({ reported: 2, total: 3, label: '2/3 xã, phường', missing: ['Phường Vắng Mặt'] });
    expect(completeness.byKind).toEqual({ periodic: { units: 2, conferences: 2 }, thematic: { units: 0, conferences: 0 }, adHoc: { units: 0, conferences: 0 } });
    const tanLap = completeness.units.find((u) => u.name === 'Xã Tân Lập')!;
    expect(tanLap.conferences).toMatchObject([{ date: '2026-10-02', revision: 1, turns: 9, concerns: 30 }]);

    // Phường Hòa Bình met on 16/9, Xã Tân Lập on 2/10: a period ending in September sees one.
    const september = parent.call('overview.get', { from: '2026-09-01', to: '2026-09-30' }).completeness;
    expect(september).toMatchObject({ reported: 1, label: '1/3 xã, phường' });
    expect(september.missing.sort()).toEqual(['Phường Vắng Mặt', 'Xã Tân Lập']);
  });

  it('counts a conference held on the first or the last day of the period', async () => {
    await parentWithBoth();
    // Phường Hòa Bình met on 16/9/2026, Xã Tân Lập on 2/10/2026.
    expect(parent.call('overview.get', { from: '2026-09-16', to: '2026-10-02' }).completeness.reported).toBe(2);
    expect(parent.call('overview.get', { from: '2026-09-17', to: '2026-10-01' }).completeness.reported).toBe(0);
    expect(parent.call('overview.get', { from: '2026-10-02', to: '2026-10-02' }).aggregate.conferences).toBe(1);
  });

  it('adds up the scenarios: conferences, attendance, turns, matters by field and by handling', async () => {
    await parentWithBoth();
    const { aggregate } = parent.call('overview.get', YEAR);
    const a = expected(TAN_LAP);
    const b = expected(HOA_BINH);
    const attendance = (file: string) => (readFixture(file).conference as { attendeeCount: number }).attendeeCount;
    expect(aggregate).toMatchObject({
      conferences: 2,
      attendance: attendance(TAN_LAP) + attendance(HOA_BINH),
      turns: a.turns + b.turns,
      concerns: a.concernsTotal + b.concernsTotal,
      byKind: { periodic: 2, thematic: 0, adHoc: 0 },
    });
    for (const h of ['answered', 'assigned', 'forwarded', 'noted'] as const) {
      expect(aggregate.total[h]).toBe((a.byHandling[h] ?? 0) + (b.byHandling[h] ?? 0));
    }
    const fields = new Set([...Object.keys(a.byField), ...Object.keys(b.byField)]);
    expect(Object.fromEntries(aggregate.byField.map((r) => [r.label, r.total]))).toEqual(
      Object.fromEntries([...fields].map((f) => [f.normalize('NFC'), (a.byField[f] ?? 0) + (b.byField[f] ?? 0)])),
    );
    const total = aggregate.total;
    expect(total.resolved + total.inProgress + total.open).toBe(total.total);
    const byUnit = Object.fromEntries(aggregate.byUnit.map((u) => [u.label, [u.conferences, u.turns, u.total]]));
    expect(byUnit).toEqual({ 'Phường Hòa Bình': [1, b.turns, b.concernsTotal], 'Phường Vắng Mặt': [0, 0, 0], 'Xã Tân Lập': [1, a.turns, a.concernsTotal] });
  });

  it('lays the aggregate report out in the worker the hosts use, with the same figures as the overview', async () => {
    await parentWithBoth();
    parent.ctx.documents = createBackgroundWorker();
    try {
      const file = await parent.callAsync('overview.render', { ...YEAR, format: 'xlsx' });
      expect(file.fileName).toBe('tong-hop_tinh-hai-dong_01-01-2026_31-12-2026.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
      const cells = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map((v) => String(v)));
      const { aggregate, completeness } = parent.call('overview.get', YEAR);
      expect(cells).toContain(String(aggregate.concerns));
      expect(cells).toContain('Phường Vắng Mặt');
      expect(completeness.missing).toEqual(['Phường Vắng Mặt']);
    } finally {
      await parent.ctx.documents.close();
    }
  });

  it('refuses a period that ends before it starts', () => {
    const result = parent.raw('overview.get', { from: '2026-12-31', to: '2026-01-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('imported conferences are read-only', () => {
  it('refuses every edit in Vietnamese and changes nothing; the detail says where it came from', async () => {
    parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    const { base64, conferenceId } = await childPackage(TAN_LAP);
    await parent.callAsync('packages.import', { files: [{ name: 'a.doithoai', base64 }] });
    const detail = parent.call('conferences.get', { id: conferenceId });
    expect(detail.imported).toMatchObject({ revision: 1 });
    expect(parent.call('conferences.list', {})).toMatchObject([{ id: conferenceId, imported: true }]);

    const turn = detail.turns[0]!;
    const concern = turn.concerns[0]!;
    const before = dumpDatabase(parent.dbPath);
    const attempts: Array<[string, unknown]> = [
      ['conferences.update', { id: conferenceId, patch: { title: 'Sửa' } }],
      ['conferences.start', { id: conferenceId }],
      ['conferences.close', { id: conferenceId }],
      ['conferences.reopen', { id: conferenceId }],
      ['conferences.delete', { id: conferenceId }],
      ['turns.start', { conferenceId }],
      ['turns.update', { id: turn.id, patch: { summary: 'Sửa' } }],
      ['turns.delete', { id: turn.id }],
      ['concerns.update', { id: concern.id, patch: { status: 'resolved' } }],
      ['concerns.delete', { id: concern.id }],
      ['speakers.update', { id: turn.speakerId, patch: { name: 'Sửa' } }],
    ];
    for (const [method, input] of attempts) {
      const result = parent.raw(method, input);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'refused' } });
      if (!result.ok) expect(result.error.message).toMatch(VIETNAMESE);
    }
    expect(dumpDatabase(parent.dbPath)).toEqual(before);
  });
});

describe('packages through the API', () => {
  it('a key exists from setup on, and the package carries it', async () => {
    const child = openTestBackend(tmp, 'child.sqlite');
    children.push(child);
    expect(child.call('keys.own', {})).toBeNull();
    child.call('unit.save', { name: 'Xã Tân Lập', level: 'xã', parentName: 'Tỉnh Hải Đông' });
    const key = child.call('keys.own', {})!;
    expect(key.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    const conference = child.call('conferences.create', { title: 'Hội nghị đối thoại', date: '2026-10-02', startTime: '08:00' });

    const first = await child.callAsync('packages.export', { conferenceId: conference.id });
    expect(first).toMatchObject({ revision: 1, conferenceId: conference.id });
    expect(first.fileName).toMatch(/^xa-tan-lap_2026-10-02_dinh-ky_r1\.doithoai$/);
    expect((await child.callAsync('packages.export', { conferenceId: conference.id })).revision).toBe(1);
    child.call('conferences.update', { id: conference.id, patch: { location: 'Hội trường xã' } });
    expect((await child.callAsync('packages.export', { conferenceId: conference.id })).revision).toBe(2);

    const before = dumpDatabase(parent.dbPath);
    const check = await parent.callAsync('packages.check', { file: { name: 'a.doithoai', base64: first.base64 } });
    expect(check).toMatchObject({ fingerprint: key.fingerprint, key: 'new', revisionStatus: 'new', refusal: null, conference: { revision: 1 } });
    expect(dumpDatabase(parent.dbPath)).toEqual(before);
  });

  it('says in Vietnamese why a file is not a package, and imports the good files beside it', async () => {
    const { base64 } = await childPackage(TAN_LAP);
    const results = await parent.callAsync('packages.import', {
      files: [
        { name: 'rong.doithoai', base64: '' },
        { name: 'tot.doithoai', base64 },
        { name: 'hong.doithoai', base64: Buffer.from('không phải zip').toString('base64') },
      ],
    });
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'imported', 'refused']);
    for (const r of [results[0]!, results[2]!]) expect(r.message).toMatch(VIETNAMESE);

    const check = await parent.rawAsync('packages.check', { file: { name: 'x', base64: Buffer.from('PK rác').toString('base64') } });
    expect(check).toMatchObject({ ok: false, error: { code: 'refused' } });
    const notBase64 = parent.raw('packages.import', { files: [{ name: 'x', base64: '!!!' }] });
    expect(notBase64).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('in the hosts the background worker checks the files: the same outcomes, problems and messages', async () => {
    parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    const good = await childPackage(TAN_LAP);
    const bytes = Buffer.from(good.base64, 'base64');
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    const files = [
      { name: 'hong.doithoai', base64: flipped.toString('base64') },
      { name: 'rac.doithoai', base64: Buffer.from('PK\x03\x04 rác').toString('base64') },
      { name: 'tot.doithoai', base64: good.base64 },
    ];
    const inThread = openTestBackend(tmp, 'in-thread.sqlite');
    children.push(inThread);
    inThread.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    const expected = await inThread.callAsync('packages.import', { files });

    const worker = createBackgroundWorker();
    parent.ctx.packageChecker = worker;
    try {
      const viaWorker = await parent.callAsync('packages.import', { files });
      expect(worker.running()).toBe(true);
      const shape = (results: typeof expected) => results.map((r) => [r.outcome, r.problem ?? null, r.message]);
      expect(shape(viaWorker)).toEqual(shape(expected));
      expect(viaWorker.map((r) => r.outcome)).toEqual(['refused', 'refused', 'imported']);
      expect(parent.call('conferences.get', { id: good.conferenceId }).counts).toEqual(inThread.call('conferences.get', { id: good.conferenceId }).counts);
      // The key crossed the thread as bytes and was pinned as such: a re-check sees it as the pinned one.
      const check = await parent.callAsync('packages.check', { file: files[2]! });
      expect(check).toMatchObject({ key: 'pinned', revisionStatus: 'same' });
    } finally {
      await worker.close();
    }
  });

  it('one batch: revisions out of order, and two packages of a unit not seen before', async () => {
    parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    const { child, conferenceId, base64: r1 } = await childPackage(TAN_LAP);
    child.call('conferences.update', { id: conferenceId, patch: { location: 'Nhà văn hóa' } });
    const r2 = (await child.callAsync('packages.export', { conferenceId })).base64;
    const second = child.call('conferences.create', { title: 'Hội nghị chuyên đề đất đai', kind: 'thematic', date: '2026-11-05', startTime: '14:00' });
    const other = (await child.callAsync('packages.export', { conferenceId: second.id })).base64;

    const results = await parent.callAsync('packages.import', {
      files: [
        { name: 'r2.doithoai', base64: r2 },
        { name: 'r1.doithoai', base64: r1 },
        { name: 'chuyen-de.doithoai', base64: other },
      ],
    });
    // The first pins the unit's key; the second of the same unit is checked against it.
    expect(results.map((r) => [r.outcome, r.revision])).toEqual([
      ['imported', 2],
      ['older', 1],
      ['imported', 1],
    ]);
    expect(parent.call('conferences.get', { id: conferenceId }).conference.location).toBe('Nhà văn hóa');
    expect(parent.call('overview.get', YEAR).completeness).toMatchObject({ reported: 1, byKind: { periodic: { conferences: 1 }, thematic: { conferences: 1 } } });
  });

  it('a background worker that stops mid-import refuses the files it held, writes nothing, and starts afresh', async () => {
    parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    const files = [await childPackage(TAN_LAP), await childPackage(HOA_BINH)].map((p, i) => ({ name: `${i}.doithoai`, base64: p.base64 }));
    const worker = createBackgroundWorker();
    parent.ctx.packageChecker = worker;
    try {
      const before = dumpDatabase(parent.dbPath);
      const importing = parent.callAsync('packages.import', { files });
      await worker.close();
      const results = await importing;
      expect(results.map((r) => r.outcome)).toEqual(['refused', 'refused']);
      for (const r of results) expect(r.message).toMatch(VIETNAMESE);
      expect(dumpDatabase(parent.dbPath)).toEqual(before);

      const again = await parent.callAsync('packages.import', { files });
      expect(again.map((r) => r.outcome)).toEqual(['imported', 'imported']);
      expect(worker.running()).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it('lays the documents out again when the conference is edited during an export', async () => {
    const child = openTestBackend(tmp, 'child.sqlite');
    children.push(child);
    child.call('unit.save', { name: 'Xã Tân Lập', level: 'xã', parentName: 'Tỉnh Hải Đông' });
    const conference = child.call('conferences.create', { title: 'Hội nghị đối thoại', date: '2026-10-02', startTime: '08:00', location: 'Hội trường cũ' });
    // The secretary changes the place while the first layout is under way.
    let layouts = 0;
    child.ctx.documents = {
      render: async (job) => {
        layouts++;
        if (layouts === 1) child.call('conferences.update', { id: conference.id, patch: { location: 'Nhà văn hóa thôn Đông' } });
        return inThreadRenderer.render(job);
      },
      close: async () => {},
    };
    const built = await child.callAsync('packages.export', { conferenceId: conference.id });
    expect(layouts).toBe(4); // minutes and report, twice
    const entries = unzip(Buffer.from(built.base64, 'base64'));
    const data = JSON.parse(entries.get('data.json')!.toString('utf8')) as { conference: { location: string } };
    expect(data.conference.location).toBe('Nhà văn hóa thôn Đông');
    expect(entries.get('minutes.docx')).toBeDefined();
    const minutes = unzip(entries.get('minutes.docx')!).get('word/document.xml')!.toString('utf8');
    expect(minutes).toContain('Nhà văn hóa thôn Đông');
    expect(minutes).not.toContain('Hội trường cũ');
  });

  it('does not offer the speakers of a child unit\'s conference as people of this hall', async () => {
    parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    const { child, conferenceId, base64 } = await childPackage(TAN_LAP);
    await parent.callAsync('packages.import', { files: [{ name: 'a.doithoai', base64 }] });
    const someone = child.call('conferences.get', { id: conferenceId }).turns[0]!;
    const name = child.call('conferences.get', { id: conferenceId }).speakers.find((sp) => sp.id === someone.speakerId)!.name;
    const own = parent.call('conferences.create', { title: 'Hội nghị của tỉnh', date: '2026-11-10', startTime: '08:00' });
    expect(child.call('speakers.suggest', { conferenceId, query: name }).length).toBeGreaterThan(0);
    expect(parent.call('speakers.suggest', { conferenceId: own.id, query: name })).toEqual([]);
  });

  it('a changed key is refused until the officer accepts it, then the package goes in', async () => {
    parent.call('unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh' });
    const { child, conferenceId, base64 } = await childPackage(TAN_LAP);
    await parent.callAsync('packages.import', { files: [{ name: 'a.doithoai', base64 }] });
    const oldKey = child.call('keys.own', {})!.fingerprint;

    // The commune reinstalled: a new database with the same unit id gets a new key.
    child.ctx.db.prepare('DELETE FROM own_keys').run();
    child.call('conferences.update', { id: conferenceId, patch: { location: 'Nhà văn hóa' } });
    const resent = await child.callAsync('packages.export', { conferenceId });
    const newKey = child.call('keys.own', {})!.fingerprint;
    expect(newKey).not.toBe(oldKey);

    const file = { name: 'b.doithoai', base64: resent.base64 };
    const [refused] = await parent.callAsync('packages.import', { files: [file] });
    expect(refused).toMatchObject({ outcome: 'refused', problem: 'key_changed' });
    expect(refused!.message).toContain(oldKey);
    const accepted = await parent.callAsync('packages.acceptKey', { file });
    expect(accepted).toMatchObject({ unitName: 'Xã Tân Lập', previous: oldKey, fingerprint: newKey });
    const [replaced] = await parent.callAsync('packages.import', { files: [file] });
    expect(replaced).toMatchObject({ outcome: 'replaced', revision: 2 });
  });
});
