import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorCode } from '../../../shared/api/errors';
import { API_METHODS } from '../../../shared/api/contract';
import { DEFAULT_FIELDS } from '../../../shared/fields';
import { dumpDatabase, makeTempDir, openTestBackend, unitAndConference, VIETNAMESE, type TempDir, type TestBackend } from '../support/temp-db';

const MISSING = '6b55a028-168f-48bc-b4d9-b63b5dd04dc3';

describe('an invalid request gets a typed Vietnamese error and writes nothing', () => {
  let tmp: TempDir;
  let b: TestBackend;
  let ids: { conference: string; closed: string; turn: string; otherTurn: string; speaker: string; spoken: string; concern: string; field: string };

  beforeAll(() => {
    tmp = makeTempDir('doithoai-invalid-');
    b = openTestBackend(tmp);
    const conference = unitAndConference(b).id;
    const speaker = b.call('speakers.register', { conferenceId: conference, speaker: { name: 'Nguyễn Văn An' } }).id;
    const spoken = b.call('speakers.register', { conferenceId: conference, speaker: { name: 'Trần Thị Bình' } }).id;
    const turn = b.call('turns.start', { conferenceId: conference, speakerId: spoken }).turn.id;
    const concern = b.call('concerns.add', { conferenceId: conference, turnId: turn, initial: { text: 'Đường hỏng', handling: 'noted' } }).id;
    const closed = b.call('conferences.create', { title: 'Đã kết thúc', date: '2026-09-01' }).id;
    const otherTurn = b.call('turns.start', { conferenceId: closed }).turn.id;
    // An explicit end: the clock when the test runs may be before the 08:00 start, which is refused.
    b.call('conferences.close', { id: closed, endTime: '11:00' });
    const field = b.call('fields.create', { name: 'Chuyển đổi số' }).id;
    ids = { conference, closed, turn, otherTurn, speaker, spoken, concern, field };
  });
  afterAll(() => {
    b.close();
    tmp.cleanup();
  });

  type Case = [label: string, method: string, input: () => unknown, code: ApiErrorCode, message?: RegExp];
  const cases: Case[] = [
    ['unknown method', 'conferences.frobnicate', () => ({}), 'unknown_method', /^Chức năng không tồn tại\.$/],
    ['method from the object prototype', 'constructor', () => ({}), 'unknown_method'],
    ['input is not an object', 'conferences.get', () => 'abc', 'invalid_input'],
    ['input is an array', 'conferences.create', () => [], 'invalid_input'],
    ['missing id', 'conferences.get', () => ({}), 'invalid_input', /\(Mã bản ghi: Mã không hợp lệ/],
    ['id is not a UUID', 'conferences.delete', () => ({ id: 'không-phải-mã' }), 'invalid_input', /Mã không hợp lệ/],
    ['title of the wrong type', 'conferences.create', () => ({ title: 42, date: '2026-10-02' }), 'invalid_input', /\(Tên hội nghị: Phải là chuỗi ký tự/],
    ['blank title', 'conferences.create', () => ({ title: '   ', date: '2026-10-02' }), 'invalid_input', /Không được để trống/],
    ['title too long', 'conferences.create', () => ({ title: 'a'.repeat(501), date: '2026-10-02' }), 'invalid_input', /Không được dài quá 500/],
    ['31/02 is not a date', 'conferences.create', () => ({ title: 'T', date: '2026-02-31' }), 'invalid_input', /\(Ngày hội nghị: Ngày không hợp lệ/],
    ['dd/mm/yyyy travels as ISO', 'conferences.create', () => ({ title: 'T', date: '02/10/2026' }), 'invalid_input', /Ngày không hợp lệ/],
    ['date of the wrong type', 'conferences.create', () => ({ title: 'T', date: 20261002 }), 'invalid_input'],
    ['25:00 is not a time', 'conferences.update', () => ({ id: ids.conference, patch: { startTime: '25:00' } }), 'invalid_input', /Giờ không hợp lệ/],
    ['unknown kind', 'conferences.update', () => ({ id: ids.conference, patch: { kind: 'weekly' } }), 'invalid_input', /Hình thức hội nghị không hợp lệ/],
    ['unknown key', 'conferences.create', () => ({ title: 'T', date: '2026-10-02', unitId: MISSING }), 'invalid_input'],
    ['unknown key in a patch', 'conferences.update', () => ({ id: ids.conference, patch: { status: 'closed' } }), 'invalid_input'],
    ['fractional head count', 'conferences.update', () => ({ id: ids.conference, patch: { attendeeCount: 1.5 } }), 'invalid_input'],
    ['negative head count', 'conferences.update', () => ({ id: ids.conference, patch: { attendeeCount: -1 } }), 'invalid_input'],
    ['chairs not a list', 'conferences.update', () => ({ id: ids.conference, patch: { chairs: 'Ông A' } }), 'invalid_input'],
    ['boolean of the wrong type', 'fields.list', () => ({ includeDeleted: 'yes' }), 'invalid_input'],
    ['nonexistent conference', 'conferences.update', () => ({ id: MISSING, patch: { title: 'Mới' } }), 'not_found', /^Không tìm thấy hội nghị\.$/],
    ['nonexistent conference to start', 'conferences.start', () => ({ id: MISSING }), 'not_found'],
    ['nonexistent conference to register in', 'speakers.register', () => ({ conferenceId: MISSING, speaker: { name: 'A' } }), 'not_found'],
    ['nonexistent speaker', 'speakers.update', () => ({ id: MISSING, patch: { name: 'B' } }), 'not_found', /^Không tìm thấy đại biểu\.$/],
    ['nonexistent turn', 'turns.update', () => ({ id: MISSING, patch: { summary: 'x' } }), 'not_found', /^Không tìm thấy lượt ý kiến\.$/],
    ['nonexistent speaker for a turn', 'turns.start', () => ({ conferenceId: ids.conference, speakerId: MISSING }), 'not_found'],
    ['nonexistent speaker for an existing turn', 'turns.setSpeaker', () => ({ turnId: ids.turn, speakerId: MISSING }), 'not_found'],
    ['nonexistent concern', 'concerns.update', () => ({ id: MISSING, patch: { text: 'x' } }), 'not_found', /^Không tìm thấy nội dung\.$/],
    ['nonexistent turn for a concern', 'concerns.add', () => ({ conferenceId: ids.conference, turnId: MISSING }), 'not_found'],
    ['nonexistent field (checked after the row is inserted)', 'concerns.add', () => ({ conferenceId: ids.conference, turnId: ids.turn, initial: { text: 'Mới', fieldId: MISSING } }), 'invalid_input', /Lĩnh vực không có trong danh sách/],
    ['nonexistent field in an update', 'concerns.update', () => ({ id: ids.concern, patch: { text: 'Sửa', agencyName: 'Phòng Mới', fieldId: MISSING } }), 'invalid_input'],
    ['turn of another conference', 'concerns.add', () => ({ conferenceId: ids.conference, turnId: ids.otherTurn }), 'refused'],
    ['unknown handling', 'concerns.update', () => ({ id: ids.concern, patch: { handling: 'resolved' } }), 'invalid_input', /Hình thức xử lý không hợp lệ/],
    ['deadline 31/02', 'concerns.update', () => ({ id: ids.concern, patch: { deadline: '2026-02-31' } }), 'invalid_input', /Ngày không hợp lệ/],
    ['unknown status', 'concerns.update', () => ({ id: ids.concern, patch: { status: 'done' } }), 'invalid_input'],
    ['start a closed conference', 'conferences.start', () => ({ id: ids.closed }), 'refused', /Hội nghị đã kết thúc/],
    ['delete a speaker who has spoken', 'speakers.delete', () => ({ id: ids.spoken }), 'refused', /đã có lượt ý kiến/],
    ['reorder with a missing speaker', 'speakers.reorder', () => ({ conferenceId: ids.conference, ids: [ids.speaker] }), 'refused'],
    ['field name already in the list', 'fields.update', () => ({ id: ids.field, patch: { name: 'QUẢN LÝ ĐẤT ĐAI' } }), 'refused'],
    ['field position of the wrong type', 'fields.update', () => ({ id: DEFAULT_FIELDS[0]!.id, patch: { position: 'đầu' } }), 'invalid_input'],
    ['suggest limit out of range', 'speakers.suggest', () => ({ conferenceId: ids.conference, query: 'a', limit: 0 }), 'invalid_input'],
    ['unit without a name', 'unit.save', () => ({ level: 'xã' }), 'invalid_input'],
    ['demo with arguments', 'demo.load', () => ({ force: true }), 'invalid_input'],
  ];

  it.each(cases)('%s', (_label, method, input, code, message) => {
    const before = dumpDatabase(b.dbPath);
    const result = b.raw(method, input());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(VIETNAMESE);
    if (message) expect(result.error.message).toMatch(message);
    if (result.error.issues) {
      // Every detail is Vietnamese too: the message is shown to the secretary as it is.
      for (const issue of result.error.issues) expect(issue.message, JSON.stringify(issue)).toMatch(VIETNAMESE);
    }
    expect(JSON.stringify(result)).not.toMatch(/\bat .+\.ts:\d+|SQLITE_/);
    expect(dumpDatabase(b.dbPath)).toEqual(before);
  });

  // Issue 8, C13: "name: Không được dài quá…" showed a key path to the secretary.
  it('names the wrong place in Vietnamese, never as a key path', () => {
    const messages = [
      b.raw('unit.save', { name: 'x'.repeat(201), level: 'commune' }),
      b.raw('conferences.update', { id: ids.conference, patch: { title: 'x'.repeat(501) } }),
      b.raw('concerns.update', { id: ids.concern, patch: { deadline: '2026-02-31' } }),
      b.raw('conferences.update', { id: ids.conference, patch: { chairs: [{ name: 'x'.repeat(201), position: '' }] } }),
      b.raw('speakers.update', { id: ids.speaker, patch: { name: 'x'.repeat(201) } }),
      b.raw('agencies.rename', { id: ids.conference, name: ' ' }),
      b.raw('agencies.merge', { from: 'x', into: ids.conference }),
      b.raw('turns.update', { id: ids.conference, patch: { startTime: '25:00' } }),
    ].map((r) => (r.ok ? '' : r.error.message));
    expect(messages).toEqual([
      expect.stringContaining('(Tên đơn vị: Không được dài quá 200'),
      expect.stringContaining('(Tên hội nghị: Không được dài quá 500'),
      expect.stringContaining('(Hạn giải quyết: Ngày không hợp lệ'),
      expect.stringContaining('(Chủ trì thứ 1 — Họ tên: Không được dài quá 200'),
      expect.stringContaining('(Họ tên: Không được dài quá 200'),
      expect.stringContaining('(Tên cơ quan: Không được để trống'),
      expect.stringContaining('(Cơ quan cần gộp: '),
      expect.stringContaining('(Giờ bắt đầu lượt: '),
    ]);
    for (const m of messages) expect(m).not.toMatch(/\b(patch|name|title|deadline|chairs)\b|[a-z]\.[a-z]/);
  });

  it('the setup above really is in the database (the dumps compare real rows)', () => {
    const dump = dumpDatabase(b.dbPath);
    expect(dump.conferences).toHaveLength(2);
    expect(dump.speakers).toHaveLength(3);
    expect(dump.turns).toHaveLength(2);
    expect(dump.concerns).toHaveLength(1);
    expect(dump.fields).toHaveLength(15);
  });

  it('every method of the contract refuses an unknown key without writing', () => {
    const before = dumpDatabase(b.dbPath);
    for (const method of API_METHODS) {
      const result = b.raw(method, { zzz: 1 });
      expect(result, method).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(dumpDatabase(b.dbPath)).toEqual(before);
    expect(b.logged).toEqual([]);
  });
});
