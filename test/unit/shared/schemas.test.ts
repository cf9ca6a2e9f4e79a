import { describe, expect, it } from 'vitest';
import { API_METHODS, contract, isApiMethod } from '../../../shared/api/contract';
import * as s from '../../../shared/api/schemas';

const nfd = (x: string) => x.normalize('NFD');
const ID = '6b55a028-168f-48bc-b4d9-b63b5dd04dc3';

describe('request schemas', () => {
  it('normalise every text to NFC, nested ones included', () => {
    const parsed = s.conferenceCreate.parse({
      title: nfd('Hội nghị đối thoại'),
      date: '2026-10-02',
      chairs: [{ name: nfd('Nguyễn Văn Hưởng'), position: nfd('Bí thư') }],
      secretary: { name: nfd('Trần Thu Hà'), position: '' },
      guests: [nfd('Đại diện Tỉnh ủy')],
      report: nfd('Báo cáo'),
    });
    expect(parsed.title).toBe('Hội nghị đối thoại');
    expect(parsed.chairs).toEqual([{ name: 'Nguyễn Văn Hưởng', position: 'Bí thư' }]);
    expect(parsed.secretary.name).toBe('Trần Thu Hà');
    expect(parsed.guests).toEqual(['Đại diện Tỉnh ủy']);
    expect(parsed.report).toBe('Báo cáo');

    const concern = s.concernUpdate.parse({ id: ID, patch: { text: nfd('Đường hỏng'), agencyName: nfd('Phòng Kinh tế'), note: nfd('Ghi chú') } });
    expect(concern.patch).toEqual({ text: 'Đường hỏng', agencyName: 'Phòng Kinh tế', note: 'Ghi chú' });
    expect(s.speakerSuggest.parse({ conferenceId: ID, query: nfd('Đức') }).query).toBe('Đức');
    expect(s.unitInput.parse({ name: nfd('Xã Tân Lập'), level: 'xã' }).name).toBe('Xã Tân Lập');
  });

  it('never trim: the secretary is mid-word when autosave fires', () => {
    expect(s.turnUpdate.parse({ id: ID, patch: { summary: ' Đề nghị  ' } }).patch.summary).toBe(' Đề nghị  ');
    expect(s.concernUpdate.parse({ id: ID, patch: { text: 'Đường ' } }).patch.text).toBe('Đường ');
    expect(s.conferenceCreate.parse({ title: ' Hội nghị ', date: '2026-10-02' }).title).toBe(' Hội nghị ');
    expect(s.speakerUpdate.parse({ id: ID, patch: { name: 'Nguyễn ' } }).patch.name).toBe('Nguyễn ');
  });

  it('fill defaults', () => {
    expect(s.conferenceCreate.parse({ title: 'T', date: '2026-10-02' })).toEqual({
      title: 'T',
      date: '2026-10-02',
      kind: 'periodic',
      startTime: '08:00',
      endTime: null,
      location: '',
      planRef: '',
      chairs: [],
      secretary: { name: '', position: '' },
      guests: [],
      attendeeCount: null,
      attendanceNote: '',
      report: '',
      conclusion: '',
    });
    expect(s.turnStart.parse({ conferenceId: ID })).toEqual({ conferenceId: ID, speakerId: null });
    expect(s.fieldsList.parse({})).toEqual({ includeDeleted: false });
    expect(s.speakerSuggest.parse({ conferenceId: ID, query: '' }).limit).toBe(10);
  });

  it('reject bad shapes', () => {
    const bad: Array<[string, { safeParse(v: unknown): { success: boolean } }, unknown]> = [
      ['not an object', s.byId, 'abc'],
      ['array', s.byId, [ID]],
      ['missing id', s.byId, {}],
      ['id not a uuid', s.byId, { id: '123' }],
      ['unknown key', s.byId, { id: ID, extra: 1 }],
      ['title a number', s.conferenceCreate, { title: 1, date: '2026-10-02' }],
      ['blank title', s.conferenceCreate, { title: ' \t ', date: '2026-10-02' }],
      ['title too long', s.conferenceCreate, { title: 'x'.repeat(s.LIMITS.line + 1), date: '2026-10-02' }],
      ['31/02', s.conferenceCreate, { title: 'T', date: '2026-02-31' }],
      ['date as dd/mm/yyyy', s.conferenceCreate, { title: 'T', date: '02/10/2026' }],
      ['time 24:00', s.conferenceCreate, { title: 'T', date: '2026-10-02', startTime: '24:00' }],
      ['unknown kind', s.conferenceCreate, { title: 'T', date: '2026-10-02', kind: 'weekly' }],
      ['too many chairs', s.conferenceCreate, { title: 'T', date: '2026-10-02', chairs: Array.from({ length: 101 }, () => ({ name: '', position: '' })) }],
      ['chair without position', s.conferenceCreate, { title: 'T', date: '2026-10-02', chairs: [{ name: 'A' }] }],
      ['status is not editable', s.conferenceUpdate, { id: ID, patch: { status: 'closed' } }],
      ['fractional head count', s.conferenceUpdate, { id: ID, patch: { attendeeCount: 2.5 } }],
      ['negative head count', s.conferenceUpdate, { id: ID, patch: { attendeeCount: -1 } }],
      ['unknown handling', s.concernUpdate, { id: ID, patch: { handling: 'done' } }],
      ['deadline 31/02', s.concernUpdate, { id: ID, patch: { deadline: '2026-02-31' } }],
      ['unknown status', s.concernUpdate, { id: ID, patch: { status: 'closed' } }],
      ['concern text too long', s.concernUpdate, { id: ID, patch: { text: 'x'.repeat(s.LIMITS.text + 1) } }],
      ['concern without turnId key', s.concernAdd, { conferenceId: ID }],
      ['blank speaker name', s.speakerRegister, { conferenceId: ID, speaker: { name: '  ' } }],
      ['reorder with a bad id', s.speakerReorder, { conferenceId: ID, ids: ['x'] }],
      ['suggest limit 0', s.speakerSuggest, { conferenceId: ID, query: 'a', limit: 0 }],
      ['suggest limit 51', s.speakerSuggest, { conferenceId: ID, query: 'a', limit: 51 }],
      ['unknown unit level', s.unitInput, { name: 'Thôn A', level: 'thôn' }],
      ['unknown document style', s.unitInput, { name: 'Xã A', level: 'xã', documentStyle: 'other' }],
      ['field position negative', s.fieldUpdate, { id: ID, patch: { position: -1 } }],
      ['empty takes nothing', s.empty, { a: 1 }],
    ];
    for (const [label, schema, value] of bad) expect(schema.safeParse(value).success, label).toBe(false);
  });

  it('errors written by the schemas are Vietnamese', () => {
    const messages = (schema: { safeParse(v: unknown): { error?: { issues: Array<{ message: string }> } } }, value: unknown) =>
      schema.safeParse(value).error?.issues.map((i) => i.message);
    expect(messages(s.byId, { id: 'x' })).toEqual(['Mã không hợp lệ.']);
    expect(messages(s.conferenceCreate, { title: '  ', date: '2026-02-31' })).toEqual(['Không được để trống.', 'Ngày không hợp lệ (dd/mm/yyyy).']);
    expect(messages(s.conferenceCreate, { title: 5, date: '2026-10-02', startTime: '7:00' })).toEqual(['Phải là chuỗi ký tự.', 'Giờ không hợp lệ (HH:mm).']);
    expect(messages(s.concernUpdate, { id: ID, patch: { handling: 'x' } })).toEqual(['Hình thức xử lý không hợp lệ.']);
    expect(messages(s.unitInput, { name: 'A', level: 'thôn' })).toEqual(['Cấp đơn vị không hợp lệ.']);
  });

  it('the contract has a schema per method, and only its own methods', () => {
    expect(API_METHODS.length).toBeGreaterThan(30);
    for (const method of API_METHODS) {
      expect(isApiMethod(method)).toBe(true);
      expect(typeof contract[method].input.safeParse).toBe('function');
    }
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'conferences', '']) expect(isApiMethod(name), name).toBe(false);
  });
});
