/**
 * At the parent (issue 10): a matter its unit forwarded shows the parent's own latest answer
 * in Theo dõi as of the list's date, the unit's outcome otherwise, and its history lists the
 * parent's entries beside the unit's, marked — the unit's data left as it came.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPackages } from '../../../electron/services/package-import';
import { dumpDatabase, makeTempDir, openTestBackend, type TempDir, type TestBackend } from '../support/temp-db';
import { exportBytes, loadFixture } from '../package/support';

const HOA_BINH = 'phuong-hoa-binh-2026.json';
const TODAY = new Date('2026-11-05T09:00:00');
let tmp: TempDir;
let unit: TestBackend;
let parent: TestBackend;
let conferenceId: string;

const listed = (asOf: string, extra: Record<string, unknown> = {}) => parent.call('followup.list', { asOf, conferenceId, ...extra });
const leLoiAt = (asOf: string) => listed(asOf).find((i) => i.text.includes('Lê Lợi'))!;

beforeEach(async () => {
  tmp = makeTempDir();
  unit = openTestBackend(tmp, 'unit.sqlite');
  parent = openTestBackend(tmp, 'parent.sqlite');
  parent.ctx.now = () => TODAY;
  parent.call('unit.save', { name: 'Thành phố Hải An', level: 'thành phố', parentName: '' });
  conferenceId = loadFixture(unit, HOA_BINH);
  // The unit has already said something of the matter: the parent's answer must win over it.
  const leLoi = unit.call('followup.list', { conferenceId, asOf: '2026-11-01' }).find((i) => i.text.includes('Lê Lợi'))!;
  unit.ctx.now = () => TODAY;
  unit.call('concerns.setStatus', { concernIds: [leLoi.id], status: 'inProgress', date: '2026-10-01', note: 'Đã gửi văn bản lên thành phố.' });
  const [imported] = await importPackages(parent.ctx, [{ name: 'hoa-binh.doithoai', bytes: await exportBytes(unit, conferenceId) }]);
  expect(imported!.outcome).toBe('imported');
});
afterEach(() => {
  unit.close();
  parent.close();
  tmp.cleanup();
});

describe('the parent’s view of a forwarded matter', () => {
  it('shows the unit’s outcome until the parent answers, then the parent’s latest answer as of the date', () => {
    const before = leLoiAt('2026-11-01');
    expect(before).toMatchObject({ imported: true, handling: 'forwarded', status: 'inProgress', statusDate: '2026-10-01', lastNote: 'Đã gửi văn bản lên thành phố.' });
    const unitRows = dumpDatabase(parent.dbPath).concern_status_changes;

    parent.call('concerns.setStatus', { concernIds: [before.id], status: 'inProgress', date: '2026-10-15', note: 'Thành phố đang bố trí vốn.' });
    parent.call('concerns.setStatus', {
      concernIds: [before.id],
      status: 'resolved',
      date: '2026-10-25',
      note: 'Đã hoàn thành giải phóng mặt bằng.',
      reportedBy: 'UBND thành phố',
      reference: 'Công văn số 125/UBND-KT',
    });

    expect(leLoiAt('2026-11-01')).toMatchObject({ status: 'resolved', statusDate: '2026-10-25', overdue: false, lastNote: 'Đã hoàn thành giải phóng mặt bằng.', lastReference: 'Công văn số 125/UBND-KT' });
    expect(leLoiAt('2026-10-20')).toMatchObject({ status: 'inProgress', statusDate: '2026-10-15', lastNote: 'Thành phố đang bố trí vốn.' });
    // Before the parent's first answer: the unit's outcome.
    expect(leLoiAt('2026-10-10')).toMatchObject({ status: 'inProgress', statusDate: '2026-10-01', lastNote: 'Đã gửi văn bản lên thành phố.' });
    // The outcome filters see the parent's answer.
    expect(listed('2026-11-01', { status: ['resolved'] }).some((i) => i.id === before.id)).toBe(true);
    expect(listed('2026-11-01', { status: ['inProgress'] }).some((i) => i.id === before.id)).toBe(false);
    // The unit's rows are as they came.
    expect(dumpDatabase(parent.dbPath).concern_status_changes).toEqual(unitRows);
  });

  it('lists the parent’s entries in the history beside the unit’s, marked', () => {
    const leLoi = leLoiAt('2026-11-01');
    parent.call('concerns.setStatus', { concernIds: [leLoi.id], status: 'resolved', date: '2026-10-25', note: 'Đã hoàn thành.', reportedBy: 'UBND thành phố' });
    const history = parent.call('concerns.history', { concernId: leLoi.id });
    expect(history.map((h) => [h.date, h.status, h.byParent === true])).toEqual([
      ['2026-10-01', 'inProgress', false],
      ['2026-10-25', 'resolved', true],
    ]);
    expect(history[1]).toMatchObject({ note: 'Đã hoàn thành.', reportedBy: 'UBND thành phố' });
    // At the unit nothing changed until it imports the response file.
    expect(unit.call('concerns.history', { concernId: leLoi.id }).map((h) => h.date)).toEqual(['2026-10-01']);
  });

  it('Tổng hợp counts each unit’s answered matters: a response file can go down once there is one', () => {
    expect(parent.call('childUnits.list', {}).map((u) => u.answeredMatters)).toEqual([0]);
    const leLoi = leLoiAt('2026-11-01');
    parent.call('concerns.setStatus', { concernIds: [leLoi.id], status: 'inProgress', date: '2026-10-15' });
    parent.call('concerns.setStatus', { concernIds: [leLoi.id], status: 'resolved', date: '2026-10-25' });
    expect(parent.call('childUnits.list', {}).map((u) => [u.name, u.answeredMatters])).toEqual([['Phường Hòa Bình', 1]]);
  });

  it('leaves the unit’s other matters with the unit’s outcome', () => {
    const others = listed('2026-11-01').filter((i) => i.handling !== 'forwarded');
    const unitView = unit.call('followup.list', { conferenceId, asOf: '2026-11-01' });
    for (const item of others) expect(item.status).toBe(unitView.find((u) => u.id === item.id)!.status);
  });
});
