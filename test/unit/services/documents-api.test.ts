/**
 * The document methods of the API: defaults, preview and render (in this thread and in
 * the worker the hosts use), and the refusals, in Vietnamese, of what cannot be made.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatchAsync } from '../../../electron/services/dispatch';
import { createBackgroundWorker } from '../../../electron/worker/client';
import { makeTempDir, openTestBackend, unitAndConference, type TempDir, type TestBackend } from '../support/temp-db';

let tmp: TempDir;
let b: TestBackend;
let conferenceId: string;
beforeEach(() => {
  tmp = makeTempDir('doithoai-docs-api-');
  b = openTestBackend(tmp);
  conferenceId = unitAndConference(b).id;
  const { turn } = b.call('turns.start', { conferenceId, speaker: { name: 'Đặng Thị Ngọc Ánh' } });
  b.call('concerns.add', { conferenceId, turnId: turn.id, initial: { text: 'Đề nghị lắp đèn đường thôn Đông.', handling: 'noted' } });
});
afterEach(() => {
  b.close();
  tmp.cleanup();
});

it('gives editable defaults and a preview that follows them', () => {
  const defaults = b.call('documents.defaults', { conferenceId, kind: 'minutes' });
  expect(defaults.date).toBe('2026-10-02');
  expect(defaults.recipients.length).toBeGreaterThan(0);
  const preview = b.call('documents.preview', { conferenceId, settings: { recipients: ['- Ban Thường vụ Tỉnh ủy;'] } });
  expect(preview.title).toBe('BIÊN BẢN');
  expect(preview.recipients.join('\n')).toContain('Ban Thường vụ Tỉnh ủy');
  const text = preview.body.flatMap((p) => p.runs.map((r) => r.text)).join(' ');
  expect(text).toContain('Đặng Thị Ngọc Ánh');
  expect(text).toContain('Đề nghị lắp đèn đường thôn Đông');
});

it('renders each format after the transaction, in this thread and in the worker thread', async () => {
  const magic = { docx: 'PK', pdf: '%PDF', xlsx: 'PK' } as const;
  for (const [kind, format] of [
    ['minutes', 'docx'],
    ['minutes', 'pdf'],
    ['report', 'docx'],
    ['report', 'xlsx'],
  ] as const) {
    const result = await dispatchAsync(b.ctx, 'documents.render', { conferenceId, kind, format });
    expect(result.ok, `${kind}.${format}`).toBe(true);
    if (!result.ok) continue;
    const file = result.value as { fileName: string; base64: string };
    expect(file.fileName).toMatch(new RegExp(`_02-10-2026\\.${format}$`));
    expect(Buffer.from(file.base64, 'base64').subarray(0, magic[format].length).toString('latin1')).toBe(magic[format]);
  }

  // The worker the hosts use (the TypeScript source run through tsx) makes the same PDF
  // as this thread, the command line's way: same text, page for page.
  const pdfText = (base64: string) => {
    const file = tmp.file(`${Math.random().toString(36).slice(2)}.pdf`);
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };
  const inThread = await dispatchAsync(b.ctx, 'documents.render', { conferenceId, kind: 'minutes', format: 'pdf' });
  b.ctx.documents = createBackgroundWorker();
  try {
    const viaWorker = await dispatchAsync(b.ctx, 'documents.render', { conferenceId, kind: 'minutes', format: 'pdf' });
    expect(viaWorker, JSON.stringify(viaWorker).slice(0, 300)).toMatchObject({ ok: true });
    if (!viaWorker.ok || !inThread.ok) return;
    const text = pdfText((viaWorker.value as { base64: string }).base64);
    expect(text).toContain('Đặng Thị Ngọc Ánh');
    expect(text).toBe(pdfText((inThread.value as { base64: string }).base64));
  } finally {
    await b.ctx.documents.close();
  }
});

it('refuses, in Vietnamese, a format the document does not come in and a conference that does not exist', async () => {
  const wrong = await dispatchAsync(b.ctx, 'documents.render', { conferenceId, kind: 'report', format: 'pdf' });
  expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  if (!wrong.ok) expect(wrong.error.message).toContain('báo cáo: DOCX, XLSX');
  const missing = await dispatchAsync(b.ctx, 'documents.render', { conferenceId: '00000000-0000-4000-8000-000000000000', kind: 'minutes', format: 'pdf' });
  expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Không tìm thấy hội nghị.' } });
  // The synchronous door refuses document rendering rather than answering a promise.
  expect(b.raw('documents.render', { conferenceId, kind: 'minutes', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'internal' } });
});
