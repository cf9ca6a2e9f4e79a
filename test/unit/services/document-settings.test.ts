/**
 * The documents screen's settings are kept per conference and kind (issue 8, A2/A3): what was
 * typed comes back, a signer left at the default follows the chairs when they are corrected,
 * and a signer chosen on purpose stays.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir, openTestBackend, type TempDir, type TestBackend } from '../support/temp-db';
import { loadFixture } from '../package/support';
import { readDocx, setStyle } from '../documents/support';

let tmp: TempDir;
let b: TestBackend;
let id: string;
beforeEach(() => {
  tmp = makeTempDir('doithoai-doc-settings-');
  b = openTestBackend(tmp);
  id = loadFixture(b, 'phuong-hoa-binh-2026.json');
  setStyle(b.ctx, 'government');
});
afterEach(() => {
  b.close();
  tmp.cleanup();
});

const BI_THU = { name: 'Lê Thị Minh Tâm', position: 'Bí thư Đảng ủy phường' };
const CHU_TICH = { name: 'Trần Quốc Hưng', position: 'Phó Bí thư, Chủ tịch UBND phường' };

it('keeps what was typed for each kind, apart', () => {
  b.call('documents.save', { conferenceId: id, kind: 'report', settings: { number: '12', recipients: ['Như trên;'], date: '2026-10-06' } });
  expect(b.call('documents.defaults', { conferenceId: id, kind: 'report' })).toMatchObject({ number: '12', recipients: ['- Như trên;'], date: '2026-10-06', readOnly: false });
  expect(b.call('documents.defaults', { conferenceId: id, kind: 'minutes' })).toMatchObject({ number: '', date: '2026-09-16' });
  // A later save of one setting keeps the others.
  b.call('documents.save', { conferenceId: id, kind: 'report', settings: { number: '13' } });
  expect(b.call('documents.defaults', { conferenceId: id, kind: 'report' })).toMatchObject({ number: '13', date: '2026-10-06' });
});

it('a date or "Nơi nhận" left at the default follows the conference when it is corrected later', () => {
  const shown = b.call('documents.defaults', { conferenceId: id, kind: 'minutes' });
  // The screen sends every setting with the number she typed: the shown date and recipients too.
  b.call('documents.save', { conferenceId: id, kind: 'minutes', settings: { number: '05', date: shown.date, recipients: shown.recipients } });
  b.call('conferences.update', { id, patch: { date: '2026-09-17' } });
  expect(b.call('documents.defaults', { conferenceId: id, kind: 'minutes' })).toMatchObject({ number: '05', date: '2026-09-17', recipients: shown.recipients });
  // A date she changed on purpose stays.
  b.call('documents.save', { conferenceId: id, kind: 'minutes', settings: { date: '2026-09-20' } });
  b.call('conferences.update', { id, patch: { date: '2026-09-18' } });
  expect(b.call('documents.defaults', { conferenceId: id, kind: 'minutes' })).toMatchObject({ date: '2026-09-20' });
});

it('offers the chairs that fit first and signs by the Chủ tịch by default', () => {
  const setup = b.call('documents.defaults', { conferenceId: id, kind: 'report' });
  expect(setup.signerChoices).toEqual([
    { ...CHU_TICH, fits: true },
    { ...BI_THU, fits: false },
  ]);
  expect(setup).toMatchObject({ signer: CHU_TICH, signerFits: true, signature: { titles: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: CHU_TICH.name } });
});

it('a signer whose office does not fit is saved but never printed under the title', () => {
  const setup = b.call('documents.save', { conferenceId: id, kind: 'report', settings: { signer: BI_THU } });
  expect(setup).toMatchObject({ signer: BI_THU, signerFits: false, signature: { titles: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: '' } });
});

it('the default signer follows the chairs when they are corrected; a signer chosen on purpose stays', () => {
  b.call('documents.save', { conferenceId: id, kind: 'report', settings: { number: '1', signer: CHU_TICH } });
  const corrected = { ...CHU_TICH, name: 'Trần Quốc Hùng' };
  b.call('conferences.update', { id, patch: { chairs: [BI_THU, corrected] } });
  expect(b.call('documents.defaults', { conferenceId: id, kind: 'report' }).signature.name).toBe('Trần Quốc Hùng');

  const deputy = { name: 'Ngô Văn Lâm', position: 'Phó Chủ tịch UBND phường' };
  b.call('documents.save', { conferenceId: id, kind: 'report', settings: { signer: deputy } });
  b.call('conferences.update', { id, patch: { chairs: [BI_THU, CHU_TICH, deputy] } });
  expect(b.call('documents.defaults', { conferenceId: id, kind: 'report' })).toMatchObject({
    signer: deputy,
    signature: { titles: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: deputy.name },
  });
});

it('what was saved is printed, also when nothing is typed with the request; an unknown conference is not found', async () => {
  b.call('documents.save', { conferenceId: id, kind: 'report', settings: { number: '12' } });
  const file = await b.callAsync('documents.render', { conferenceId: id, kind: 'report', format: 'docx' });
  expect(readDocx(Buffer.from(file.base64, 'base64')).paragraphs).toContain('Số: 12/BC-UBND');
  expect(b.raw('documents.save', { conferenceId: '00000000-0000-4000-8000-000000000000', kind: 'report', settings: {} })).toMatchObject({
    ok: false,
    error: { code: 'not_found' },
  });
});
