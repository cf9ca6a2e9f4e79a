import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDetail, nextRegisteredSpeaker, useConf } from '../../../renderer/src/store/conference';
import { makeTempDir, openTestBackend, unitAndConference, type TempDir, type TestBackend } from '../support/temp-db';

describe('speakers', () => {
  let tmp: TempDir;
  let b: TestBackend;
  let conferenceId: string;
  beforeEach(() => {
    tmp = makeTempDir('doithoai-speakers-');
    b = openTestBackend(tmp);
    conferenceId = unitAndConference(b).id;
  });
  afterEach(() => {
    b.close();
    tmp.cleanup();
  });

  const register = (name: string, extra: { position?: string; organization?: string; address?: string } = {}) =>
    b.call('speakers.register', { conferenceId, speaker: { name, ...extra } });

  it('register in order, update, and get lists them registered first', () => {
    const a = register('Nguyễn Văn An', { position: 'Trưởng thôn', organization: 'Thôn Đông', address: 'Thôn Đông' });
    const c = register('Trần Thị Cúc');
    expect(a).toMatchObject({ conferenceId, name: 'Nguyễn Văn An', position: 'Trưởng thôn', organization: 'Thôn Đông', address: 'Thôn Đông', registrationOrder: 1 });
    expect(c.registrationOrder).toBe(2);

    const updated = b.call('speakers.update', { id: c.id, patch: { position: 'Chi hội trưởng Hội Phụ nữ' } });
    expect(updated).toEqual({ ...c, position: 'Chi hội trưởng Hội Phụ nữ' });
    const renamed = b.call('speakers.update', { id: c.id, patch: { name: 'Trần Thị Cúc Hoa' } });
    expect(renamed.name).toBe('Trần Thị Cúc Hoa');
    // The folded name follows the new name, so search finds it.
    expect(b.call('speakers.suggest', { conferenceId, query: 'cuc hoa' }).map((s) => s.id)).toEqual([c.id]);

    // Someone who takes the floor unregistered comes after the registered ones.
    b.call('turns.start', { conferenceId, speaker: { name: 'Khách mời' } });
    expect(b.call('conferences.get', { id: conferenceId }).speakers.map((s) => [s.name, s.registrationOrder])).toEqual([
      ['Nguyễn Văn An', 1],
      ['Trần Thị Cúc Hoa', 2],
      ['Khách mời', null],
    ]);
    expect(b.call('conferences.counts', { id: conferenceId }).speakersRegistered).toBe(2);
  });

  it('reorder sets the registration order to exactly the list given', () => {
    const a = register('A');
    const c = register('C');
    const d = register('D');
    const reordered = b.call('speakers.reorder', { conferenceId, ids: [d.id, a.id, c.id] });
    expect(reordered.map((s) => [s.id, s.registrationOrder])).toEqual([
      [d.id, 1],
      [a.id, 2],
      [c.id, 3],
    ]);
    expect(b.call('conferences.get', { id: conferenceId }).speakers.map((s) => s.id)).toEqual([d.id, a.id, c.id]);
    // A new registration goes to the end.
    expect(register('E').registrationOrder).toBe(4);
  });

  it('reorder refuses a list that is not the whole registered list, changing nothing', () => {
    const a = register('A');
    const c = register('C');
    const before = b.call('conferences.get', { id: conferenceId }).speakers;
    for (const ids of [[a.id], [a.id, a.id], [a.id, c.id, '6b55a028-168f-48bc-b4d9-b63b5dd04dc3'], [c.id, a.id, a.id]]) {
      const result = b.raw('speakers.reorder', { conferenceId, ids });
      expect(result, JSON.stringify(ids)).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    expect(b.call('conferences.get', { id: conferenceId }).speakers).toEqual(before);
  });

  it('delete and restore; a speaker who has spoken cannot be deleted', () => {
    const a = register('Nguyễn Văn An');
    const c = register('Trần Văn Cường');
    b.call('turns.start', { conferenceId, speakerId: a.id });

    expect(b.raw('speakers.delete', { id: a.id })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(b.call('speakers.delete', { id: c.id })).toEqual({ id: c.id, deletedAt: expect.any(String) });
    expect(b.call('conferences.get', { id: conferenceId }).speakers.map((s) => s.id)).toEqual([a.id]);
    expect(b.call('conferences.counts', { id: conferenceId }).speakersRegistered).toBe(1);
    expect(b.call('speakers.suggest', { conferenceId, query: 'cuong' })).toEqual([]);

    expect(b.call('speakers.restore', { id: c.id })).toEqual(c);
    expect(b.call('conferences.counts', { id: conferenceId }).speakersRegistered).toBe(2);
  });

  describe('suggest', () => {
    it('ignores diacritics and case, and đ matches d', () => {
      const an = register('Nguyễn Văn An');
      const binh = register('Nguyễn Văn Bình');
      const dao = register('Đào Thị Dung');
      register('Lê Hữu Phước');
      const ids = (query: string) => b.call('speakers.suggest', { conferenceId, query }).map((s) => s.id);
      expect(ids('nguyen van')).toEqual([an.id, binh.id]);
      expect(ids('NGUYỄN VĂN')).toEqual([an.id, binh.id]);
      expect(ids('van binh')).toEqual([binh.id]);
      expect(ids('dao')).toEqual([dao.id]);
      expect(ids('đào dung')).toEqual([dao.id]);
      expect(ids('xyz')).toEqual([]);
      expect(ids('   ')).toEqual([]);
    });

    it('two people sharing a name both appear, told apart by position and address', () => {
      const one = register('Nguyễn Văn Hùng', { position: 'Bí thư chi bộ', address: 'Thôn Đông' });
      const two = register('Nguyễn Văn Hùng', { position: 'Hội viên Hội Nông dân', address: 'Thôn Tây' });
      const found = b.call('speakers.suggest', { conferenceId, query: 'nguyen van hung' });
      expect(found.map((s) => s.id)).toEqual([one.id, two.id]);
      expect(found.map((s) => s.address)).toEqual(['Thôn Đông', 'Thôn Tây']);
      expect(found.every((s) => s.sameConference)).toBe(true);
    });

    it('finds speakers of earlier conferences, after this one’s, the same person once', () => {
      const earlier = b.call('conferences.create', { title: 'Hội nghị năm 2025', date: '2025-10-01' });
      const older = b.call('conferences.create', { title: 'Hội nghị năm 2024', date: '2024-10-01' });
      const past = b.call('speakers.register', { conferenceId: earlier.id, speaker: { name: 'Phạm Thị Lan', position: 'Tổ trưởng', address: 'Tổ 3' } });
      b.call('speakers.register', { conferenceId: older.id, speaker: { name: 'Phạm Thị Lan', position: 'Tổ trưởng', address: 'Tổ 3' } });
      const here = register('Phạm Thị Lanh');
      const found = b.call('speakers.suggest', { conferenceId, query: 'pham thi lan' });
      expect(found.map((s) => s.id)).toEqual([here.id, past.id]);
      expect(found[1]).toMatchObject({ sameConference: false, conferenceTitle: 'Hội nghị năm 2025', conferenceDate: '2025-10-01' });
      expect(b.call('speakers.suggest', { conferenceId, query: 'lan', limit: 1 })).toHaveLength(1);
    });
  });
});

describe('turns', () => {
  let tmp: TempDir;
  let b: TestBackend;
  let conferenceId: string;
  beforeEach(() => {
    tmp = makeTempDir('doithoai-turns-');
    b = openTestBackend(tmp);
    conferenceId = unitAndConference(b).id;
  });
  afterEach(() => {
    b.close();
    tmp.cleanup();
  });

  it('start is time-stamped, numbered in order, and makes a draft conference live', () => {
    const at = new Date('2026-10-02T01:15:00.000Z');
    b.ctx.now = () => at;
    const first = b.call('turns.start', { conferenceId });
    expect(first.turn).toMatchObject({ conferenceId, seq: 1, startedAt: at.toISOString(), summary: '', concerns: [] });
    expect(first.speaker).toMatchObject({ conferenceId, name: '', registrationOrder: null });
    expect(first.turn.speakerId).toBe(first.speaker.id);
    expect(b.call('conferences.get', { id: conferenceId }).conference.status).toBe('live');

    const second = b.call('turns.start', { conferenceId, speaker: { name: 'Bà Lụa', address: 'Thôn Bắc' } });
    expect(second.turn.seq).toBe(2);
    expect(second.speaker).toMatchObject({ name: 'Bà Lụa', address: 'Thôn Bắc', registrationOrder: null });
    expect(b.call('conferences.counts', { id: conferenceId }).turns).toBe(2);
  });

  it('the next registered speaker is proposed, and starting a turn with them keeps them registered', () => {
    const a = b.call('speakers.register', { conferenceId, speaker: { name: 'Nguyễn Văn An' } });
    const c = b.call('speakers.register', { conferenceId, speaker: { name: 'Trần Văn Cường' } });
    const d = b.call('speakers.register', { conferenceId, speaker: { name: 'Đỗ Thị Duyên' } });
    b.call('speakers.reorder', { conferenceId, ids: [c.id, a.id, d.id] });

    const propose = () => {
      loadDetail(b.call('conferences.get', { id: conferenceId }));
      return nextRegisteredSpeaker(useConf.getState());
    };
    expect(propose()).toBe(c.id);

    const { turn, speaker } = b.call('turns.start', { conferenceId, speakerId: c.id });
    expect(speaker).toMatchObject({ id: c.id, registrationOrder: 1 });
    expect(turn.speakerId).toBe(c.id);
    expect(propose()).toBe(a.id);

    // A turn started empty, then given the proposed speaker: the placeholder disappears.
    const blank = b.call('turns.start', { conferenceId });
    const set = b.call('turns.setSpeaker', { turnId: blank.turn.id, speakerId: a.id });
    expect(set.turn.speakerId).toBe(a.id);
    expect(set.speaker.id).toBe(a.id);
    const speakers = b.call('conferences.get', { id: conferenceId }).speakers;
    expect(speakers.map((s) => s.id)).toEqual([c.id, a.id, d.id]);
    expect(propose()).toBe(d.id);
    expect(b.call('conferences.counts', { id: conferenceId })).toMatchObject({ turns: 2, speakersRegistered: 3 });
  });

  it('a speaker of an earlier conference is copied into this one', () => {
    const earlier = b.call('conferences.create', { title: 'Năm trước', date: '2025-10-01' });
    const past = b.call('speakers.register', { conferenceId: earlier.id, speaker: { name: 'Vũ Văn Tám', position: 'Cựu chiến binh' } });
    const { speaker } = b.call('turns.start', { conferenceId, speakerId: past.id });
    expect(speaker.id).not.toBe(past.id);
    expect(speaker).toMatchObject({ conferenceId, name: 'Vũ Văn Tám', position: 'Cựu chiến binh', registrationOrder: null });
    expect(b.call('conferences.get', { id: earlier.id }).speakers).toEqual([past]);
  });

  it('update keeps the summary as typed; delete hides the turn and its concerns from counts; restore brings them back', () => {
    const { turn } = b.call('turns.start', { conferenceId, speaker: { name: 'Ông Hai' } });
    const summary = 'Đề nghị sửa đường liên thôn ';
    expect(b.call('turns.update', { id: turn.id, patch: { summary } }).summary).toBe(summary);
    b.call('concerns.add', { conferenceId, turnId: turn.id, initial: { handling: 'noted' } });
    b.call('concerns.add', { conferenceId, turnId: turn.id, initial: { handling: 'answered' } });
    b.call('concerns.add', { conferenceId, turnId: null, initial: { handling: 'noted' } });
    const counts = () => b.call('conferences.counts', { id: conferenceId });
    expect(counts()).toMatchObject({ turns: 1, concernsRaisedInTurns: 2, concernsPrecollected: 1, concernsTotal: 3, byHandling: { noted: 2, answered: 1 } });

    b.call('turns.delete', { id: turn.id });
    expect(counts()).toMatchObject({ turns: 0, concernsRaisedInTurns: 0, concernsPrecollected: 1, concernsTotal: 1, byHandling: { noted: 1, answered: 0 } });
    expect(b.call('conferences.get', { id: conferenceId }).turns).toEqual([]);
    expect(b.raw('turns.update', { id: turn.id, patch: { summary: 'x' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(b.call('conferences.list', {})[0]!.counts).toEqual({ turns: 0, concernsTotal: 1 });

    const restored = b.call('turns.restore', { id: turn.id });
    expect(restored.summary).toBe(summary);
    expect(restored.concerns).toHaveLength(2);
    expect(counts()).toMatchObject({ turns: 1, concernsTotal: 3, byHandling: { noted: 2, answered: 1 } });
  });
});
