/**
 * Rules at the edges of the model: a deleted conference cannot be edited through its
 * parts, closing twice keeps the first end time, undoing a speaker's deletion never gives
 * two people the same place, fixed choices accept decomposed Vietnamese.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dumpDatabase, makeTempDir, openTestBackend, unitAndConference, type TempDir, type TestBackend } from '../support/temp-db';

let tmp: TempDir;
let b: TestBackend;
let conferenceId: string;
beforeEach(() => {
  tmp = makeTempDir('doithoai-edges-');
  b = openTestBackend(tmp);
  conferenceId = unitAndConference(b).id;
});
afterEach(() => {
  b.close();
  tmp.cleanup();
});

it('refuses edits to the turns, concerns and speakers of a deleted conference and writes nothing', () => {
  const { turn, speaker } = b.call('turns.start', { conferenceId, speaker: { name: 'Lê Văn Tám' } });
  const concern = b.call('concerns.add', { conferenceId, turnId: turn.id, initial: { text: 'Đường hỏng' } });
  b.call('conferences.delete', { id: conferenceId });
  const before = dumpDatabase(b.dbPath);

  for (const [method, input] of [
    ['concerns.update', { id: concern.id, patch: { text: 'Đường hỏng nặng' } }],
    ['concerns.add', { conferenceId, turnId: turn.id, initial: {} }],
    ['turns.update', { id: turn.id, patch: { summary: 'x' } }],
    ['turns.start', { conferenceId, speakerId: null }],
    ['speakers.update', { id: speaker.id, patch: { position: 'Trưởng thôn' } }],
  ] as const) {
    const result = b.raw(method, input);
    expect(result.ok, method).toBe(false);
    if (!result.ok) expect(result.error.code, method).toBe('not_found');
  }
  expect(dumpDatabase(b.dbPath)).toEqual(before);

  // Restoring the conference makes it editable again.
  b.call('conferences.restore', { id: conferenceId });
  expect(b.call('concerns.update', { id: concern.id, patch: { text: 'Đường hỏng nặng' } }).text).toBe('Đường hỏng nặng');
});

it('closing a closed conference keeps the end time it was first given', () => {
  b.ctx.now = () => new Date(2026, 9, 2, 10, 45);
  expect(b.call('conferences.close', { id: conferenceId }).endTime).toBe('10:45');
  b.ctx.now = () => new Date(2026, 9, 2, 11, 30);
  expect(b.call('conferences.close', { id: conferenceId }).endTime).toBe('10:45');
  b.call('conferences.reopen', { id: conferenceId });
  expect(b.call('conferences.close', { id: conferenceId }).endTime).toBe('11:30');
});

it('undoing the deletion of a registered speaker whose place was taken puts them last', () => {
  const register = (name: string) => b.call('speakers.register', { conferenceId, speaker: { name } });
  const an = register('Nguyễn Văn An');
  const binh = register('Trần Thị Bình');
  b.call('speakers.delete', { id: binh.id });
  const cuc = register('Phạm Thị Cúc'); // takes place 2
  expect(cuc.registrationOrder).toBe(2);
  expect(b.call('speakers.restore', { id: binh.id }).registrationOrder).toBe(3);
  const orders = b.call('conferences.get', { id: conferenceId }).speakers.map((s) => [s.name, s.registrationOrder]);
  expect(orders).toEqual([
    [an.name, 1],
    [cuc.name, 2],
    [binh.name, 3],
  ]);

  // With nobody in the way, the speaker gets the old place back.
  b.call('speakers.delete', { id: an.id });
  expect(b.call('speakers.restore', { id: an.id }).registrationOrder).toBe(1);
});

it('accepts fixed choices typed decomposed (NFD) and stores them composed', () => {
  const unit = b.call('unit.save', { name: 'Phường Hòa Bình', level: 'phường'.normalize('NFD') as 'phường', parentName: 'Tỉnh Thử' });
  expect(unit.level).toBe('phường');
  expect(b.call('unit.get', {})?.level).toBe('phường');
});
