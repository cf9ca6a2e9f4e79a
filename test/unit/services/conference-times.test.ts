/**
 * Start and end time of a conference, and the time of each turn, are the secretary's to
 * correct: an end before the start on the one date is refused with a Vietnamese message
 * that names the field, and writes nothing. A required title stays required when edited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, makeTempDir, openTestBackend, unitAndConference, VIETNAMESE, type TempDir, type TestBackend } from '../support/temp-db';

let tmp: TempDir;
let b: TestBackend;
let conferenceId: string;
beforeEach(() => {
  tmp = makeTempDir('doithoai-times-');
  b = openTestBackend(tmp);
  conferenceId = unitAndConference(b).id;
  b.call('conferences.update', { id: conferenceId, patch: { startTime: '19:30' } });
});
afterEach(() => {
  b.close();
  tmp.cleanup();
});

function refusal(method: string, input: unknown): { code: string; message: string; issues?: Array<{ path: Array<string | number>; message: string }> } {
  const before = dumpDatabase(b.dbPath);
  const result = b.raw(method, input);
  if (result.ok) throw new Error(`${method} was accepted`);
  expect(dumpDatabase(b.dbPath)).toEqual(before);
  expect(result.error.message).toMatch(VIETNAMESE);
  return result.error;
}

describe('end time', () => {
  it('is refused before the start, naming the end-time field', () => {
    const error = refusal('conferences.update', { id: conferenceId, patch: { endTime: '00:26' } });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('Giờ kết thúc (00:26) không được trước giờ bắt đầu (19:30)');
    expect(error.issues?.[0]?.path).toEqual(['patch', 'endTime']);
  });

  it('is accepted at or after the start, and cleared with null', () => {
    expect(b.call('conferences.update', { id: conferenceId, patch: { endTime: '19:30' } }).endTime).toBe('19:30');
    expect(b.call('conferences.update', { id: conferenceId, patch: { endTime: '23:55' } }).endTime).toBe('23:55');
    expect(b.call('conferences.update', { id: conferenceId, patch: { endTime: null } }).endTime).toBeNull();
  });

  it('moving the start past the end is refused on the start field', () => {
    b.call('conferences.update', { id: conferenceId, patch: { endTime: '21:00' } });
    const error = refusal('conferences.update', { id: conferenceId, patch: { startTime: '21:15' } });
    expect(error.message).toContain('Giờ bắt đầu (21:15) không được sau giờ kết thúc (21:00)');
    expect(error.issues?.[0]?.path).toEqual(['patch', 'startTime']);
    // Both together are judged together.
    const both = b.call('conferences.update', { id: conferenceId, patch: { startTime: '21:15', endTime: '22:00' } });
    expect([both.startTime, both.endTime]).toEqual(['21:15', '22:00']);
  });

  it('is checked when a conference is created with both times', () => {
    const error = refusal('conferences.create', { title: 'Đối thoại', date: '2026-10-02', startTime: '14:00', endTime: '08:00' });
    expect(error.message).toContain('Giờ kết thúc (08:00)');
  });

  it('closing takes the end time the secretary confirmed', () => {
    b.ctx.now = () => new Date(2026, 9, 3, 0, 26);
    const closed = b.call('conferences.close', { id: conferenceId, endTime: '23:40' });
    expect([closed.status, closed.endTime]).toEqual(['closed', '23:40']);
  });

  it('closing after midnight on the clock is refused, not printed as "0 giờ 26 phút cùng ngày"', () => {
    b.ctx.now = () => new Date(2026, 9, 3, 0, 26);
    const error = refusal('conferences.close', { id: conferenceId });
    expect(error.message).toContain('Giờ kết thúc (00:26)');
    expect(b.call('conferences.get', { id: conferenceId }).conference.status).not.toBe('closed');
    refusal('conferences.close', { id: conferenceId, endTime: '19:00' });
  });

  it('the minutes print the corrected end time', () => {
    b.call('conferences.close', { id: conferenceId, endTime: '22:05' });
    b.call('conferences.reopen', { id: conferenceId });
    b.call('conferences.update', { id: conferenceId, patch: { endTime: '23:10' } });
    const preview = b.call('documents.preview', { conferenceId, settings: {} });
    const text = [...preview.body, ...preview.closing].flatMap((p) => p.runs.map((r) => r.text)).join(' ');
    expect(text).toContain('kết thúc vào hồi 23 giờ 10 phút cùng ngày');
  });
});

describe('turn time', () => {
  it('an edited HH:mm moves startedAt to that time on the conference date', () => {
    b.ctx.now = () => new Date(2026, 9, 3, 0, 12);
    const { turn } = b.call('turns.start', { conferenceId, speaker: { name: 'Lê Văn Tám' } });
    const edited = b.call('turns.update', { id: turn.id, patch: { startTime: '21:45' } });
    expect(edited.startedAt).toBe(new Date(2026, 9, 2, 21, 45).toISOString());
    expect(b.call('conferences.get', { id: conferenceId }).turns[0]!.startedAt).toBe(edited.startedAt);
  });

  it('refuses a time that is not HH:mm and writes nothing', () => {
    const { turn } = b.call('turns.start', { conferenceId, speaker: { name: 'Lê Văn Tám' } });
    const error = refusal('turns.update', { id: turn.id, patch: { startTime: '25:10' } });
    expect(error.message).toContain('Giờ không hợp lệ (HH:mm)');
  });
});

describe('title', () => {
  it('cannot be emptied by an edit; the stored title stays', () => {
    for (const title of ['', '   ']) {
      const error = refusal('conferences.update', { id: conferenceId, patch: { title } });
      expect(error.issues?.[0]).toEqual({ path: ['patch', 'title'], message: 'Không được để trống.' });
    }
    expect(b.call('conferences.get', { id: conferenceId }).conference.title).toBe('Hội nghị đối thoại quý IV');
  });
});
