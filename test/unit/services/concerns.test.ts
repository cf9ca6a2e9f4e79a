import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../../../shared/fields';
import { makeTempDir, openTestBackend, unitAndConference, type TempDir, type TestBackend } from '../support/temp-db';

const LAND = DEFAULT_FIELDS[1]!; // Quản lý đất đai
const ROADS = DEFAULT_FIELDS[7]!; // Giao thông, hạ tầng kỹ thuật

describe('concerns', () => {
  let tmp: TempDir;
  let b: TestBackend;
  let conferenceId: string;
  let turnId: string;
  beforeEach(() => {
    tmp = makeTempDir('doithoai-concerns-');
    b = openTestBackend(tmp);
    conferenceId = unitAndConference(b).id;
    turnId = b.call('turns.start', { conferenceId, speaker: { name: 'Ông Ba' } }).turn.id;
  });
  afterEach(() => {
    b.close();
    tmp.cleanup();
  });

  const counts = () => b.call('conferences.counts', { id: conferenceId });

  it('add to a turn and to the pre-collected list, numbered separately, counted by source, field and handling', () => {
    // Outcomes as of a fixed date, so the deadline below is not yet passed whatever the clock says.
    const countsOn = () => b.call('conferences.counts', { id: conferenceId, asOf: '2026-12-01' });
    expect(countsOn()).toEqual({
      turns: 1,
      concernsRaisedInTurns: 0,
      concernsPrecollected: 0,
      concernsTotal: 0,
      byField: {},
      byHandling: { answered: 0, assigned: 0, forwarded: 0, noted: 0 },
      speakersRegistered: 0,
      resolved: 0,
      inProgress: 0,
      open: 0,
      overdue: 0,
    });
    const k1 = b.call('concerns.add', { conferenceId, turnId, initial: { fieldId: LAND.id, text: 'Cấp sổ đỏ chậm', handling: 'answered', answeredBy: 'Chủ tịch UBND xã', answer: 'Sẽ cấp trong quý IV' } });
    const k2 = b.call('concerns.add', { conferenceId, turnId, initial: { fieldId: ROADS.id, handling: 'assigned', agencyName: 'Phòng Kinh tế', deadline: '2026-12-31' } });
    const p1 = b.call('concerns.add', { conferenceId, turnId: null, initial: { fieldId: LAND.id, handling: 'forwarded' } });
    expect(k1).toMatchObject({ conferenceId, turnId, source: 'turn', seq: 1, fieldId: LAND.id, text: 'Cấp sổ đỏ chậm', handling: 'answered', answeredBy: 'Chủ tịch UBND xã', status: 'resolved' });
    // Answered at the conference: resolved on its date (issue 10); assigned and forwarded start open.
    expect([k2.status, p1.status]).toEqual(['open', 'open']);
    expect(k2).toMatchObject({ seq: 2, handling: 'assigned', agencyName: 'Phòng Kinh tế', agencyId: expect.any(String), deadline: '2026-12-31' });
    expect(p1).toMatchObject({ turnId: null, source: 'precollected', seq: 1 });

    expect(countsOn()).toEqual({
      turns: 1,
      concernsRaisedInTurns: 2,
      concernsPrecollected: 1,
      concernsTotal: 3,
      byField: { [LAND.name]: 2, [ROADS.name]: 1 },
      byHandling: { answered: 1, assigned: 1, forwarded: 1, noted: 0 },
      speakersRegistered: 0,
      resolved: 1,
      inProgress: 0,
      open: 2,
      overdue: 0,
    });
    const detail = b.call('conferences.get', { id: conferenceId });
    expect(detail.turns[0]!.concerns.map((c) => c.id)).toEqual([k1.id, k2.id]);
    expect(detail.precollected.map((c) => c.id)).toEqual([p1.id]);
    expect(detail.counts).toEqual(counts());
  });

  it('update changes counts by field and handling; a status change is kept in its history', () => {
    const k = b.call('concerns.add', { conferenceId, turnId, initial: { fieldId: LAND.id, handling: 'noted' } });
    const updated = b.call('concerns.update', { id: k.id, patch: { fieldId: ROADS.id, handling: 'assigned', agencyName: 'Phòng Kinh tế', deadline: '2027-01-15', text: 'Đường hỏng' } });
    expect(updated).toMatchObject({ fieldId: ROADS.id, handling: 'assigned', agencyName: 'Phòng Kinh tế', deadline: '2027-01-15', text: 'Đường hỏng' });
    expect(counts()).toMatchObject({ byField: { [ROADS.name]: 1 }, byHandling: { noted: 0, assigned: 1 } });

    // The agency catalog learns the name once, whatever its spelling.
    b.call('concerns.add', { conferenceId, turnId, initial: { agencyName: 'phong kinh te' } });
    expect(b.call('agencies.list', { query: '' })).toEqual([{ id: updated.agencyId, name: 'Phòng Kinh tế' }]);
    expect(b.call('agencies.list', { query: 'kinh tê' })).toHaveLength(1);

    b.ctx.now = () => new Date('2027-01-10T02:00:00.000Z');
    expect(b.call('concerns.update', { id: k.id, patch: { status: 'resolved', note: 'Đã sửa xong' } })).toMatchObject({ status: 'resolved', note: 'Đã sửa xong' });
    b.call('concerns.update', { id: k.id, patch: { status: 'resolved' } });
    expect(b.ctx.db.prepare('SELECT concern_id, status, changed_on FROM concern_status_changes').all()).toEqual([
      { concern_id: k.id, status: 'resolved', changed_on: '2027-01-10' },
    ]);

    // Clearing handling and field takes the concern out of those counts.
    b.call('concerns.update', { id: k.id, patch: { fieldId: null, handling: null, agencyName: null } });
    expect(counts()).toMatchObject({ concernsTotal: 2, byField: {}, byHandling: { answered: 0, assigned: 0, forwarded: 0, noted: 0 } });
  });

  it('a status change is dated by the hall’s calendar, not by UTC', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    try {
      const k = b.call('concerns.add', { conferenceId, turnId });
      // 06:30 on 10 January in Vietnam is still 9 January in UTC.
      b.ctx.now = () => new Date('2027-01-09T23:30:00.000Z');
      b.call('concerns.update', { id: k.id, patch: { status: 'inProgress' } });
      expect(b.ctx.db.prepare('SELECT changed_on FROM concern_status_changes').all()).toEqual([{ changed_on: '2027-01-10' }]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('delete hides it from get and counts; restore brings it back', () => {
    const keep = b.call('concerns.add', { conferenceId, turnId, initial: { fieldId: LAND.id, handling: 'noted' } });
    const drop = b.call('concerns.add', { conferenceId, turnId, initial: { fieldId: ROADS.id, handling: 'answered' } });
    const pre = b.call('concerns.add', { conferenceId, turnId: null, initial: { fieldId: ROADS.id, handling: 'forwarded' } });

    expect(b.call('concerns.delete', { id: drop.id })).toEqual({ id: drop.id, deletedAt: expect.any(String) });
    b.call('concerns.delete', { id: pre.id });
    expect(counts()).toMatchObject({ concernsRaisedInTurns: 1, concernsPrecollected: 0, concernsTotal: 1, byField: { [LAND.name]: 1 }, byHandling: { answered: 0, forwarded: 0, noted: 1 } });
    const detail = b.call('conferences.get', { id: conferenceId });
    expect(detail.turns[0]!.concerns.map((c) => c.id)).toEqual([keep.id]);
    expect(detail.precollected).toEqual([]);
    expect(b.call('conferences.list', {})[0]!.counts.concernsTotal).toBe(1);
    expect(b.raw('concerns.update', { id: drop.id, patch: { text: 'x' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(b.raw('concerns.delete', { id: drop.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    expect(b.call('concerns.restore', { id: drop.id })).toMatchObject({ id: drop.id, fieldId: ROADS.id, handling: 'answered' });
    b.call('concerns.restore', { id: pre.id });
    expect(counts()).toMatchObject({ concernsRaisedInTurns: 2, concernsPrecollected: 1, concernsTotal: 3, byHandling: { answered: 1, forwarded: 1, noted: 1 } });
  });

  it('a concern counted under a field keeps counting when the field is later deleted', () => {
    b.call('concerns.add', { conferenceId, turnId, initial: { fieldId: LAND.id } });
    b.call('fields.delete', { id: LAND.id });
    expect(counts().byField).toEqual({ [LAND.name]: 1 });
  });

  it('two fields of the same name (one deleted, one re-created) count under that name together', () => {
    const other = DEFAULT_FIELDS[13]!; // Lĩnh vực khác
    b.call('concerns.add', { conferenceId, turnId, initial: { fieldId: other.id } });
    b.call('fields.delete', { id: other.id });
    const again = b.call('fields.create', { name: other.name });
    b.call('concerns.add', { conferenceId, turnId, initial: { fieldId: again.id } });
    b.call('concerns.add', { conferenceId, turnId: null, initial: { fieldId: again.id } });
    expect(counts().byField).toEqual({ [other.name]: 3 });
  });

  it('a turn of another conference, or an unknown field, is refused and nothing is added', () => {
    const other = b.call('conferences.create', { title: 'Khác', date: '2026-10-03' });
    const otherTurn = b.call('turns.start', { conferenceId: other.id }).turn;
    expect(b.raw('concerns.add', { conferenceId, turnId: otherTurn.id })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(b.raw('concerns.add', { conferenceId, turnId, initial: { fieldId: '6b55a028-168f-48bc-b4d9-b63b5dd04dc3' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Lĩnh vực không có trong danh sách.' },
    });
    expect(b.ctx.db.prepare('SELECT COUNT(*) AS n FROM concerns').get()).toEqual({ n: 0 });
  });
});
