import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatTime } from '../../../shared/dates';
import { makeTempDir, openTestBackend, UNIT, unitAndConference, type TempDir, type TestBackend } from '../support/temp-db';

describe('conferences', () => {
  let tmp: TempDir;
  let b: TestBackend;
  beforeEach(() => {
    tmp = makeTempDir('doithoai-conf-');
    b = openTestBackend(tmp);
  });
  afterEach(() => {
    b.close();
    tmp.cleanup();
  });

  it('cannot be created before the unit is set up', () => {
    const result = b.raw('conferences.create', { title: 'Đối thoại', date: '2026-10-02' });
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!result.ok) expect(result.error.message).toContain('Chưa thiết lập đơn vị');
    expect(b.ctx.db.prepare('SELECT COUNT(*) AS n FROM conferences').get()).toEqual({ n: 0 });
  });

  it('are created with defaults, in draft, belonging to the own unit', () => {
    const unit = b.call('unit.save', UNIT);
    const conference = b.call('conferences.create', { title: 'Hội nghị đối thoại', date: '2026-10-02' });
    expect(conference).toMatchObject({
      unitId: unit.id,
      title: 'Hội nghị đối thoại',
      kind: 'periodic',
      date: '2026-10-02',
      startTime: '08:00',
      endTime: null,
      location: '',
      chairs: [],
      secretary: { name: '', position: '' },
      guests: [],
      attendeeCount: null,
      status: 'draft',
    });
    expect(conference.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(conference.createdAt).toBe(conference.updatedAt);
  });

  it('every preparation field can be updated, and get returns it', () => {
    const { id } = unitAndConference(b);
    const patch = {
      title: 'Hội nghị đối thoại chuyên đề đất đai',
      kind: 'thematic' as const,
      date: '2026-11-20',
      startTime: '14:30',
      location: 'Hội trường UBND xã',
      planRef: 'Kế hoạch số 45-KH/ĐU',
      chairs: [
        { name: 'Nguyễn Văn Hùng', position: 'Bí thư Đảng ủy' },
        { name: 'Lê Thị Mai', position: 'Chủ tịch UBND xã' },
      ],
      secretary: { name: 'Trần Thu Hà', position: 'Văn phòng Đảng ủy' },
      guests: ['Đại diện Ban Dân vận Tỉnh ủy'],
      attendeeCount: 120,
      attendanceNote: 'Đủ thành phần',
      report: 'Báo cáo kết quả 9 tháng',
      conclusion: 'Đồng chí Bí thư kết luận',
    };
    b.ctx.now = () => new Date('2026-11-01T03:00:00.000Z');
    const updated = b.call('conferences.update', { id, patch });
    expect(updated).toMatchObject(patch);
    expect(updated.updatedAt).toBe('2026-11-01T03:00:00.000Z');
    expect(b.call('conferences.get', { id }).conference).toEqual(updated);

    // A partial patch touches only its keys.
    const again = b.call('conferences.update', { id, patch: { attendeeCount: null } });
    expect(again).toEqual({ ...updated, attendeeCount: null });
  });

  it('start → live, close stamps the end time, start is refused once closed, reopen → live', () => {
    const { id } = unitAndConference(b);
    expect(b.call('conferences.start', { id }).status).toBe('live');

    const closingTime = new Date(2026, 9, 2, 11, 47, 30);
    b.ctx.now = () => closingTime;
    const closed = b.call('conferences.close', { id });
    expect(closed.status).toBe('closed');
    expect(closed.endTime).toBe(formatTime(closingTime));
    expect(closed.endTime).toBe('11:47');

    const refused = b.raw('conferences.start', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!refused.ok) expect(refused.error.message).toContain('Hội nghị đã kết thúc');

    const reopened = b.call('conferences.reopen', { id });
    expect(reopened.status).toBe('live');
    expect(reopened.endTime).toBe('11:47');
  });

  it('delete hides it from list and get; restore brings it back unchanged', () => {
    const kept = unitAndConference(b, 'Hội nghị A');
    const gone = b.call('conferences.create', { title: 'Hội nghị B', date: '2026-09-01' });
    expect(b.call('conferences.list', {}).map((c) => c.id)).toEqual([kept.id, gone.id]);

    const deleted = b.call('conferences.delete', { id: gone.id });
    expect(deleted).toEqual({ id: gone.id, deletedAt: expect.any(String) });
    expect(b.call('conferences.list', {}).map((c) => c.id)).toEqual([kept.id]);
    expect(b.raw('conferences.get', { id: gone.id })).toEqual({ ok: false, error: { code: 'not_found', message: 'Không tìm thấy hội nghị.' } });
    expect(b.raw('conferences.counts', { id: gone.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Nothing can be added to a deleted conference.
    expect(b.raw('speakers.register', { conferenceId: gone.id, speaker: { name: 'Ông A' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const restored = b.call('conferences.restore', { id: gone.id });
    expect({ ...restored, updatedAt: '' }).toEqual({ ...gone, updatedAt: '' });
    expect(b.call('conferences.list', {}).map((c) => c.id)).toEqual([kept.id, gone.id]);
  });

  it('list gives unit name and live counts, newest date first', () => {
    const a = unitAndConference(b, 'Hội nghị tháng 10');
    const c = b.call('conferences.create', { title: 'Hội nghị tháng 12', date: '2026-12-01' });
    const { turn } = b.call('turns.start', { conferenceId: a.id });
    b.call('concerns.add', { conferenceId: a.id, turnId: turn.id });
    b.call('concerns.add', { conferenceId: a.id, turnId: null });
    const list = b.call('conferences.list', {});
    expect(list.map((r) => r.id)).toEqual([c.id, a.id]);
    expect(list[1]).toMatchObject({ title: 'Hội nghị tháng 10', unitName: UNIT.name, status: 'live', counts: { turns: 1, concernsTotal: 2 } });
    expect(list[0]).toMatchObject({ status: 'draft', counts: { turns: 0, concernsTotal: 0 } });
  });
});
