/**
 * Follow-up through the API (issue 10): outcomes as of a date in the counts, the Theo dõi
 * list (filters, sort, numbers, live matters only), dated entries for one or many matters
 * with their refusals, the history, the default deadlines, and a package carrying it all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowupItem } from '../../../shared/api/types';
import { dumpDatabase, makeTempDir, openTestBackend, VIETNAMESE, type TempDir, type TestBackend } from '../support/temp-db';
import { exportBytes, loadFixture } from '../package/support';

const HOA_BINH = 'phuong-hoa-binh-2026.json';
/** The Hòa Bình conference is on 16/09/2026; "today" is pinned after it. */
const TODAY = new Date('2026-11-05T09:00:00');
const NOV_1 = '2026-11-01';

let tmp: TempDir;
let b: TestBackend;
let conferenceId: string;
let items: FollowupItem[];
const byText = (part: string): FollowupItem => {
  const found = items.find((i) => i.text.includes(part));
  if (!found) throw new Error(`no matter "${part}"`);
  return found;
};
const outcomes = (asOf?: string) => {
  const c = b.call('conferences.counts', { id: conferenceId, ...(asOf ? { asOf } : {}) });
  return { resolved: c.resolved, inProgress: c.inProgress, open: c.open, overdue: c.overdue };
};
const error = (method: string, input: unknown) => {
  const result = b.raw(method, input);
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error;
};

beforeEach(() => {
  tmp = makeTempDir('doithoai-followup-');
  b = openTestBackend(tmp);
  b.ctx.now = () => TODAY;
  conferenceId = loadFixture(b, HOA_BINH);
  items = b.call('followup.list', { asOf: NOV_1 });
});
afterEach(() => {
  b.close();
  tmp.cleanup();
});

describe('outcome counts as of a date', () => {
  it('Hòa Bình on 01/11/2026: 8 resolved, 0 in progress, 7 open, 4 overdue; the drainage matter resolved on 20/10 makes it 9, 0, 6, 3', () => {
    expect(outcomes(NOV_1)).toEqual({ resolved: 8, inProgress: 0, open: 7, overdue: 4 });
    expect(b.call('conferences.get', { id: conferenceId, asOf: NOV_1 }).counts).toMatchObject({ resolved: 8, inProgress: 0, open: 7, overdue: 4 });
    b.call('concerns.setStatus', { concernIds: [byText('thoát nước').id], status: 'resolved', date: '2026-10-20' });
    expect(outcomes(NOV_1)).toEqual({ resolved: 9, inProgress: 0, open: 6, overdue: 3 });
    // The day before the entry, the matter was still open: history is read as of the date.
    expect(outcomes('2026-10-19')).toEqual({ resolved: 8, inProgress: 0, open: 7, overdue: 3 });
    // Without a date: today (05/11/2026, pinned).
    expect(outcomes()).toEqual(outcomes('2026-11-05'));
  });
});

describe('followup.list', () => {
  it('sorts overdue first, then by deadline (none last), then conference date and number; numbers follow the documents', () => {
    const overdue = items.filter((i) => i.overdue);
    expect(overdue.map((i) => i.deadline)).toEqual(['2026-09-30', '2026-10-10', '2026-10-15', '2026-10-31']);
    expect(items.slice(0, 4)).toEqual(overdue);
    const rest = items.slice(4);
    expect(rest.slice(0, 2).map((i) => i.deadline)).toEqual(['2026-11-15', '2026-11-30']);
    expect(rest.slice(2).every((i) => i.deadline === null)).toBe(true);
    expect(rest.slice(2).map((i) => i.number)).toEqual([...rest.slice(2).map((i) => i.number)].sort((x, y) => x - y));
    // Numbered as the minutes number them: all 15, each once, the first turn's first matter is 1.
    expect(items.map((i) => i.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const detail = b.call('conferences.get', { id: conferenceId });
    const documentOrder = detail.turns.flatMap((t) => t.concerns.map((c) => c.id));
    for (const item of items) expect(documentOrder.indexOf(item.id) + 1, item.text).toBe(item.number);
  });

  it('numbers the pre-collected matters first, then the turns\' (Tân Lập: 21 collected beforehand), as the documents do', () => {
    const tanLap = loadFixture(b, 'xa-tan-lap-2026.json');
    const detail = b.call('conferences.get', { id: tanLap });
    // One pre-collected matter and one turn gone: the numbers after them close up.
    b.call('concerns.delete', { id: detail.precollected[3]!.id });
    b.call('turns.delete', { id: detail.turns[1]!.id });
    const after = b.call('conferences.get', { id: tanLap });
    const documentOrder = [...after.precollected, ...after.turns.flatMap((t) => t.concerns)].map((c) => c.id);
    const listed = b.call('followup.list', { conferenceId: tanLap });
    expect(listed).toHaveLength(documentOrder.length);
    for (const item of listed) expect(documentOrder.indexOf(item.id) + 1, item.text).toBe(item.number);
    expect(listed.filter((i) => i.speakerName === '')).toHaveLength(20);
  });

  it('each item carries the conference, unit, agency, speaker, outcome with its date and days left', () => {
    const drain = byText('thoát nước');
    expect(drain).toMatchObject({
      conferenceId,
      conferenceDate: '2026-09-16',
      unitName: 'Phường Hòa Bình',
      imported: false,
      handling: 'assigned',
      agencyName: 'Phòng Kinh tế, Hạ tầng và Đô thị',
      agencyId: expect.any(String),
      fieldName: 'Tài nguyên, môi trường, vệ sinh môi trường',
      deadline: '2026-10-31',
      status: 'open',
      statusDate: '2026-09-16',
      overdue: true,
      daysLeft: -1,
      speakerName: 'Nguyễn Văn Đức',
      lastNote: '',
      lastReference: '',
    });
    expect(byText('Lê Lợi')).toMatchObject({ handling: 'forwarded', status: 'open', deadline: null, daysLeft: null, overdue: false, agencyName: null });
    expect(byText('mặt đường ngõ 12')).toMatchObject({ handling: 'answered', status: 'resolved', statusDate: '2026-09-16' });
    expect(byText('Hồ sơ cấp giấy')).toMatchObject({ daysLeft: 29, overdue: false });

    b.call('concerns.setStatus', { concernIds: [drain.id], status: 'inProgress', date: '2026-10-20', note: 'Đang nạo vét', reportedBy: 'Phòng KT', reference: 'Công văn số 125/UBND-KT' });
    const [after] = b.call('followup.list', { asOf: NOV_1, query: 'thoat nuoc khu dan cu so 3' });
    expect(after).toMatchObject({ id: drain.id, status: 'inProgress', statusDate: '2026-10-20', overdue: true, lastNote: 'Đang nạo vét', lastReference: 'Công văn số 125/UBND-KT' });
    // As of a day before the entry, the entry is not there yet.
    const [before] = b.call('followup.list', { asOf: '2026-10-19', query: 'thoát nước khu dân cư số 3' });
    expect(before).toMatchObject({ status: 'open', statusDate: '2026-09-16', lastNote: '', overdue: false, daysLeft: 12 });
  });

  it('filters by outcome, overdue, due within N days, agency, field, conference, unit, period, folded text; limit', () => {
    const ids = (input: Parameters<typeof b.call<'followup.list'>>[1]) => b.call('followup.list', { asOf: NOV_1, ...input }).map((i) => i.id).sort();
    const where = (test: (i: FollowupItem) => boolean) => items.filter(test).map((i) => i.id).sort();

    expect(ids({ status: ['resolved'] })).toEqual(where((i) => i.status === 'resolved'));
    expect(ids({ status: ['resolved'] })).toHaveLength(8);
    expect(ids({ status: ['open', 'inProgress'] })).toHaveLength(7);
    expect(ids({ overdue: true })).toEqual(where((i) => i.overdue));
    expect(ids({ overdue: false })).toHaveLength(11);
    // Due within 14 days of 01/11: the deadline 15/11 is in, 30/11 is not, passed ones are not "due".
    expect(ids({ dueWithinDays: 14 })).toEqual([byText('Ban quản trị').id]);
    expect(ids({ dueWithinDays: 29 })).toEqual([byText('Ban quản trị').id, byText('Hồ sơ cấp giấy').id].sort());
    const agencyId = byText('Ban quản trị').agencyId!;
    expect(ids({ agencyId })).toEqual(where((i) => i.agencyId === agencyId));
    expect(ids({ agencyId })).toHaveLength(2);
    const field = b.call('fields.list', {}).find((f) => f.name === 'Quốc phòng, an ninh, trật tự an toàn xã hội')!;
    expect(ids({ fieldId: field.id })).toHaveLength(2);
    expect(ids({ conferenceId })).toHaveLength(15);
    expect(ids({ unitId: byText('Lê Lợi').unitId })).toHaveLength(15);
    expect(ids({ unitId: crypto.randomUUID() })).toEqual([]);
    expect(ids({ from: '2026-09-16', to: '2026-09-16' })).toHaveLength(15);
    expect(ids({ from: '2026-09-17' })).toEqual([]);
    expect(ids({ to: '2026-09-15' })).toEqual([]);
    // Diacritics and case ignored, every word must occur; the agency's and speaker's names count.
    expect(ids({ query: 'LE LOI' })).toEqual([byText('Lê Lợi').id]);
    expect(ids({ query: 'đường lê lợi' })).toEqual([byText('Lê Lợi').id]);
    expect(ids({ query: 'dia chinh' })).toEqual([byText('Hồ sơ cấp giấy').id]);
    expect(ids({ query: 'nguyen van duc' })).toHaveLength(2);
    expect(ids({ query: 'le loi camera' })).toEqual([]);
    expect(b.call('followup.list', { asOf: NOV_1, limit: 3 }).map((i) => i.id)).toEqual(items.slice(0, 3).map((i) => i.id));
  });

  it('as of today (read from concerns.status) it agrees with the history rule the counts use', () => {
    b.call('concerns.setStatus', { concernIds: [byText('thoát nước').id, byText('Lê Lợi').id], status: 'inProgress', date: '2026-10-01' });
    b.call('concerns.setStatus', { concernIds: [byText('thoát nước').id], status: 'resolved', date: '2026-10-20' });
    // A later entry dated earlier does not win over the latest date.
    b.call('concerns.setStatus', { concernIds: [byText('thoát nước').id], status: 'open', date: '2026-10-05' });
    b.call('concerns.setStatus', { concernIds: [byText('mặt đường ngõ 12').id], status: 'open', date: '2026-11-05' });
    b.call('concerns.update', { id: byText('Ban quản trị').id, patch: { handling: 'noted' } });
    const list = b.call('followup.list', {});
    const counts = b.call('conferences.counts', { id: conferenceId, asOf: '2026-11-05' });
    const tally = (status: string) => list.filter((i) => i.status === status).length;
    expect({ resolved: tally('resolved'), inProgress: tally('inProgress'), open: tally('open'), overdue: list.filter((i) => i.overdue).length }).toEqual({
      resolved: counts.resolved,
      inProgress: counts.inProgress,
      open: counts.open,
      overdue: counts.overdue,
    });
    expect(counts).toMatchObject({ resolved: 9, inProgress: 1, open: 5 });
    expect(list.find((i) => i.text.includes('thoát nước'))).toMatchObject({ status: 'resolved', statusDate: '2026-10-20' });
    expect(b.call('followup.list', { status: ['inProgress'] }).map((i) => i.id)).toEqual([byText('Lê Lợi').id]);
    expect(b.call('followup.list', { overdue: true })).toHaveLength(counts.overdue);
  });

  it('lists live matters only: not deleted, not behind a deleted turn, not of a deleted conference', () => {
    const detail = b.call('conferences.get', { id: conferenceId });
    const turn = detail.turns.find((t) => t.concerns.length === 2)!;
    b.call('concerns.delete', { id: byText('Lê Lợi').id });
    b.call('turns.delete', { id: turn.id });
    const left = b.call('followup.list', {});
    expect(left).toHaveLength(15 - 1 - 2);
    expect(left.some((i) => i.text.includes('Lê Lợi') || turn.concerns.some((c) => c.id === i.id))).toBe(false);
    // Numbers close up, as in the documents.
    expect(left.map((i) => i.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    b.call('conferences.delete', { id: conferenceId });
    expect(b.call('followup.list', {})).toEqual([]);
  });

  it('a search with LIKE wildcards or quotes matches them as text', () => {
    expect(b.call('followup.list', { query: '%' })).toEqual([]);
    expect(b.call('followup.list', { query: '_' })).toEqual([]);
    expect(b.call('followup.list', { query: "' OR 1=1 --" })).toEqual([]);
    expect(b.call('followup.list', { query: '   ' })).toHaveLength(15);
  });
});

describe('concerns.setStatus', () => {
  it('updates several matters in one request, each with its own entry, and answers them as of today', () => {
    const chosen = [byText('Lê Lợi'), byText('thoát nước'), byText('Điểm tập kết rác')];
    const answered = b.call('concerns.setStatus', { concernIds: [...chosen.map((i) => i.id), chosen[0]!.id], status: 'inProgress', date: '2026-11-05', reportedBy: 'UBND phường' });
    expect(answered.map((i) => i.id)).toEqual(chosen.map((i) => i.id));
    expect(answered.every((i) => i.status === 'inProgress' && i.statusDate === '2026-11-05')).toBe(true);
    for (const item of chosen) expect(b.call('concerns.history', { concernId: item.id })).toHaveLength(1);
    expect(outcomes()).toMatchObject({ inProgress: 3 });
  });

  it('refuses, writing nothing: a date after today or before the conference, an unknown or deleted matter, a bad request', () => {
    const good = byText('thoát nước').id;
    const deleted = byText('Lê Lợi').id;
    b.call('concerns.delete', { id: deleted });
    const before = dumpDatabase(b.dbPath);

    const future = error('concerns.setStatus', { concernIds: [good], status: 'resolved', date: '2026-11-06' });
    expect(future).toMatchObject({ code: 'invalid_input', issues: [{ path: ['date'] }] });
    expect(future.message).toContain('06/11/2026');
    const early = error('concerns.setStatus', { concernIds: [good], status: 'resolved', date: '2026-09-15' });
    expect(early).toMatchObject({ code: 'invalid_input', issues: [{ path: ['date'] }] });
    expect(early.message).toContain('16/09/2026');
    expect(error('concerns.setStatus', { concernIds: [good, crypto.randomUUID()], status: 'resolved', date: '2026-10-20' }).code).toBe('not_found');
    expect(error('concerns.setStatus', { concernIds: [good, deleted], status: 'resolved', date: '2026-10-20' }).code).toBe('not_found');
    for (const input of [
      { concernIds: [], status: 'resolved', date: '2026-10-20' },
      { concernIds: Array.from({ length: 501 }, () => crypto.randomUUID()), status: 'resolved', date: '2026-10-20' },
      { concernIds: ['không-phải-mã'], status: 'resolved', date: '2026-10-20' },
      { concernIds: [good], status: 'done', date: '2026-10-20' },
      { concernIds: [good], status: 'resolved', date: '20/10/2026' },
      { concernIds: [good], status: 'resolved', date: '2026-02-30' },
      { concernIds: [good], status: 'resolved', date: '2026-10-20', note: 'x'.repeat(20_001) },
      { concernIds: [good], status: 'resolved', date: '2026-10-20', reference: 'Công văn 😀' },
      { concernIds: [good], status: 'resolved', date: '2026-10-20', extra: 1 },
    ]) {
      const e = error('concerns.setStatus', input);
      expect(e.code, JSON.stringify(input).slice(0, 80)).toBe('invalid_input');
      expect(e.message).toMatch(VIETNAMESE);
    }
    expect(dumpDatabase(b.dbPath)).toEqual(before);
  });

  it('a matter of a conference received from a unit below is refused: the unit records its own outcomes', async () => {
    const parent = openTestBackend(tmp, 'parent.sqlite');
    try {
      parent.ctx.now = () => TODAY;
      parent.call('unit.save', { name: 'Thành phố Hải Đông', level: 'thành phố' });
      const [result] = await parent.callAsync('packages.import', { files: [{ name: 'hb.doithoai', base64: (await exportBytes(b, conferenceId)).toString('base64') }] });
      expect(result!.outcome).toBe('imported');
      const received = parent.call('followup.list', { asOf: NOV_1 });
      expect(received).toHaveLength(15);
      expect(received.every((i) => i.imported)).toBe(true);
      const before = dumpDatabase(parent.dbPath);
      const result2 = parent.raw('concerns.setStatus', { concernIds: [received[0]!.id], status: 'resolved', date: '2026-10-20' });
      expect(result2).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(!result2.ok && result2.error.message).toMatch(/tự ghi kết quả giải quyết/);
      expect(dumpDatabase(parent.dbPath)).toEqual(before);
    } finally {
      parent.close();
    }
  });

  it('a change of outcome makes the next export a new revision', async () => {
    const first = await b.callAsync('packages.export', { conferenceId });
    expect((await b.callAsync('packages.export', { conferenceId })).revision).toBe(first.revision);
    b.call('concerns.setStatus', { concernIds: [byText('thoát nước').id], status: 'resolved', date: '2026-10-20' });
    expect((await b.callAsync('packages.export', { conferenceId })).revision).toBe(first.revision + 1);
  });
});

describe('a package imported at the parent', () => {
  it('works out each matter\'s latest outcome again: an old package carrying "open" for answered matters, and the history it carries', async () => {
    b.call('concerns.setStatus', { concernIds: [byText('thoát nước').id], status: 'resolved', date: '2026-10-20', note: 'Đã nạo vét', reference: 'CV 125' });
    // As a database from before the follow-up kept it: every matter 'open', whatever its handling or history.
    b.ctx.db.prepare(`UPDATE concerns SET status = 'open'`).run();
    const parent = openTestBackend(tmp, 'parent.sqlite');
    try {
      parent.ctx.now = () => TODAY;
      parent.call('unit.save', { name: 'Thành phố Hải Đông', level: 'thành phố' });
      const [result] = await parent.callAsync('packages.import', { files: [{ name: 'hb.doithoai', base64: (await exportBytes(b, conferenceId)).toString('base64') }] });
      expect(result!.outcome).toBe('imported');
      const stored = parent.ctx.db.prepare('SELECT status, COUNT(*) AS n FROM concerns WHERE conference_id = ? GROUP BY status ORDER BY status').all(conferenceId);
      expect(stored).toEqual([{ status: 'open', n: 6 }, { status: 'resolved', n: 9 }]);
      expect(parent.call('conferences.counts', { id: conferenceId, asOf: NOV_1 })).toMatchObject({ resolved: 9, inProgress: 0, open: 6, overdue: 3 });
      const [drain] = parent.call('followup.list', { query: 'thoát nước khu', asOf: NOV_1 });
      expect(drain).toMatchObject({ imported: true, status: 'resolved', statusDate: '2026-10-20', lastNote: 'Đã nạo vét', lastReference: 'CV 125' });
      expect(parent.call('followup.list', { status: ['resolved'] })).toHaveLength(9);
    } finally {
      parent.close();
    }
  });
});

describe('concerns.history', () => {
  it('lists the entries by date, then by the time they were recorded; a later entry corrects, nothing is rewritten', () => {
    const id = byText('thoát nước').id;
    let clock = 0;
    b.ctx.now = () => new Date(TODAY.getTime() + 1000 * clock++);
    b.call('concerns.setStatus', { concernIds: [id], status: 'resolved', date: '2026-10-25', note: 'Nhầm' });
    b.call('concerns.setStatus', { concernIds: [id], status: 'inProgress', date: '2026-10-01', note: 'Đã khảo sát', reportedBy: 'Phòng KT', reference: 'CV 1' });
    b.call('concerns.setStatus', { concernIds: [id], status: 'open', date: '2026-10-25', note: 'Sửa lại: chưa xong' });
    const history = b.call('concerns.history', { concernId: id });
    expect(history.map((h) => [h.date, h.status, h.note])).toEqual([
      ['2026-10-01', 'inProgress', 'Đã khảo sát'],
      ['2026-10-25', 'resolved', 'Nhầm'],
      ['2026-10-25', 'open', 'Sửa lại: chưa xong'],
    ]);
    expect(history[0]).toMatchObject({ concernId: id, reportedBy: 'Phòng KT', reference: 'CV 1', createdAt: expect.any(String) });
    // The latest entry of the day wins; before it, the earlier ones.
    expect(b.call('followup.list', { query: 'thoat nuoc khu', asOf: NOV_1 })[0]!.status).toBe('open');
    expect(b.call('followup.list', { query: 'thoat nuoc khu', asOf: '2026-10-24' })[0]!.status).toBe('inProgress');
    expect(error('concerns.history', { concernId: crypto.randomUUID() }).code).toBe('not_found');
    expect(error('concerns.history', { concernId: 'x' }).code).toBe('invalid_input');
  });
});

describe('followupSettings', () => {
  it('defaults to 30 days for both, keeps what is saved, refuses 0, 366, fractions and strings', () => {
    expect(b.call('followupSettings.get', {})).toEqual({ deadlineDays: { assigned: 30, forwarded: 30 } });
    expect(b.call('followupSettings.save', { deadlineDays: { assigned: 15, forwarded: 60 } })).toEqual({ deadlineDays: { assigned: 15, forwarded: 60 } });
    expect(b.call('followupSettings.get', {})).toEqual({ deadlineDays: { assigned: 15, forwarded: 60 } });
    for (const deadlineDays of [{ assigned: 0, forwarded: 30 }, { assigned: 30, forwarded: 366 }, { assigned: 1.5, forwarded: 30 }, { assigned: '30', forwarded: 30 }, { assigned: 30 }]) {
      const e = error('followupSettings.save', { deadlineDays });
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(/Giao giải quyết \(số ngày\)|Kiến nghị cấp trên \(số ngày\)/);
    }
    expect(b.call('followupSettings.get', {})).toEqual({ deadlineDays: { assigned: 15, forwarded: 60 } });
    // A value no version of the app wrote: the defaults, rather than a failure.
    b.ctx.db.prepare(`UPDATE settings SET value = '{"assigned": -4' WHERE key = 'followup.deadlineDays'`).run();
    expect(b.call('followupSettings.get', {})).toEqual({ deadlineDays: { assigned: 30, forwarded: 30 } });
  });
});

describe('hostile list requests', () => {
  it('are refused with a Vietnamese message naming the field', () => {
    for (const [input, label] of [
      [{ limit: 5001 }, 'Số dòng tối đa'],
      [{ limit: 0 }, 'Số dòng tối đa'],
      [{ asOf: '2026-02-30' }, 'Tính đến ngày'],
      [{ from: '2026-12-01', to: '2026-01-01' }, 'Hội nghị đến ngày'],
      [{ status: ['done'] }, 'Kết quả giải quyết'],
      [{ query: 'x'.repeat(201) }, 'Nội dung tìm'],
      [{ dueWithinDays: -1 }, 'Sắp đến hạn'],
      [{ agencyId: '1; DROP TABLE concerns' }, 'Cơ quan giải quyết'],
    ] as const) {
      const e = error('followup.list', input);
      expect(e.code, JSON.stringify(input)).toBe('invalid_input');
      expect(e.message).toContain(label);
    }
    expect(error('conferences.get', { id: conferenceId, asOf: '01/11/2026' }).message).toContain('Tính đến ngày');
  });
});
