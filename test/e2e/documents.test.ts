/**
 * Documents in the app: the preview shows the minutes as they print (every speaker, the
 * edited "Nơi nhận"), each export button downloads a real file of its format, and an export
 * of a long conference never holds up the secretary's typing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openBackend } from '../../electron/backend';
import { call, generateConference } from '../bench/generate';
import { ROOT, apiCall, launchBrowser, loadScenarioFile, openApp, removeTempDir, startHost, tempDir, type Host } from './support';

const scenario = loadScenarioFile('xa-tan-lap-2026.json');

let browser: Browser;
let host: Host;
let dir: string;
let conferenceId: string;
let longConferenceId: string;
let longConcernId: string;

beforeAll(async () => {
  dir = tempDir();
  const dbPath = path.join(dir, 'doithoai.sqlite');
  // A 300-turn conference for the "never blocks typing" check, written before the host starts.
  const backend = openBackend({ dbPath, host: 'test' });
  call(backend, 'unit.save', { name: 'Xã Thử Nghiệm', level: 'xã', parentName: 'Tỉnh Thử Nghiệm' });
  longConferenceId = generateConference(backend, 300, 2);
  const detail = call<{ turns: Array<{ concerns: Array<{ id: string }> }> }>(backend, 'conferences.get', { id: longConferenceId });
  longConcernId = detail.turns[0]!.concerns[0]!.id;
  backend.close();

  host = await startHost({ dbPath });
  browser = await launchBrowser();
  const { conferenceIds } = await apiCall(host, 'demo.load', {});
  const titles = await Promise.all(conferenceIds.map((id) => apiCall(host, 'conferences.get', { id })));
  conferenceId = titles.find((d) => d.conference.title === scenario.conference.title.normalize('NFC'))!.conference.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dir) removeTempDir(dir);
});

it('previews the minutes with every speaker, follows the edited "Nơi nhận", and exports each format', async () => {
  const { page, context, problems } = await openApp(browser, host.url);
  try {
    await page.evaluate((id) => {
      window.location.hash = `#/hoi-nghi/${id}/van-ban`;
    }, conferenceId);
    await page.getByTestId('documents-screen').waitFor();
    const preview = page.getByTestId('minutes-preview');
    await preview.waitFor();
    const text = (await preview.innerText()).normalize('NFC');
    expect(text).toContain('BIÊN BẢN');
    for (const turn of scenario.turns) expect(text).toContain(turn.speaker.name.normalize('NFC'));

    // "Nơi nhận" typed in the form reaches the preview.
    const recipients = page.getByTestId('doc-recipients-minutes');
    await recipients.fill('Ban Thường vụ Tỉnh ủy;\nLưu: VP Đảng ủy.');
    await expect.poll(async () => (await page.getByTestId('preview-recipients').innerText()).normalize('NFC')).toContain('Ban Thường vụ Tỉnh ủy');
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'documents-preview.png'), fullPage: false });

    const out = path.join(dir, 'downloads');
    fs.mkdirSync(out, { recursive: true });
    const magic: Record<string, string> = { docx: 'PK', xlsx: 'PK', pdf: '%PDF' };
    for (const [kind, format] of [
      ['minutes', 'docx'],
      ['minutes', 'pdf'],
      ['report', 'docx'],
      ['report', 'xlsx'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}-${format}`).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${kind === 'minutes' ? 'bien-ban' : 'bao-cao'}_xa-tan-lap_02-10-2026\\.${format}$`));
      const file = path.join(out, download.suggestedFilename());
      await download.saveAs(file);
      expect(fs.readFileSync(file).subarray(0, magic[format]!.length).toString('latin1'), `${kind}.${format}`).toBe(magic[format]);
      if (format === 'pdf') {
        const pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
        expect(pdfText).toContain(scenario.turns[0]!.speaker.name.normalize('NFC'));
        expect(pdfText).toContain('Ban Thường vụ Tỉnh ủy');
      }
    }
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});

it('keeps saving keystrokes while a long conference is being laid out as PDF', async () => {
  const order: string[] = [];
  const render = apiCall(host, 'documents.render', { conferenceId: longConferenceId, kind: 'minutes', format: 'pdf' }).then((file) => {
    order.push('pdf');
    return file;
  });
  // Typing goes on meanwhile: each save is answered while the PDF is still being made.
  for (let i = 1; i <= 5; i++) {
    await apiCall(host, 'concerns.update', { id: longConcernId, patch: { text: `gõ tiếp ${i}` } });
    order.push(`save ${i}`);
  }
  const file = await render;
  expect(order.slice(0, 5)).toEqual(['save 1', 'save 2', 'save 3', 'save 4', 'save 5']);
  expect(Buffer.from(file.base64, 'base64').subarray(0, 4).toString('latin1')).toBe('%PDF');
});

it('signs for the People’s Committee only with an office that fits, and keeps the settings typed (issue 8, A3)', async () => {
  // The same demo unit in government style: its only chair is the Party secretary.
  const unit = (await apiCall(host, 'unit.get', {}))!;
  await apiCall(host, 'unit.save', {
    name: unit.name,
    level: unit.level,
    parentName: unit.parentName ?? '',
    documentStyle: 'government',
    headerParentLine: '',
    headerIssuerLine: `ỦY BAN NHÂN DÂN ${unit.name.toLocaleUpperCase('vi')}`,
    placeName: unit.placeName,
  });
  // One of the unit's own conferences (the demo ones belong to other units), chaired by the Party secretary.
  const chairs = scenario.conference.chairs.map((c) => ({ name: c.name.normalize('NFC'), position: c.position.normalize('NFC') }));
  const own = await apiCall(host, 'conferences.create', { title: 'Hội nghị đối thoại năm 2026', date: '2026-10-02', chairs });
  const { page, context, problems } = await openApp(browser, host.url);
  try {
    await page.evaluate((id) => {
      window.location.hash = `#/hoi-nghi/${id}/van-ban`;
    }, own.id);
    const signature = page.getByTestId('doc-signature-report');
    await signature.waitFor();
    const chair = scenario.conference.chairs[0]!.name.normalize('NFC');
    // No chair is a Chủ tịch: the title prints over an empty name, and the screen says why.
    expect((await signature.innerText()).normalize('NFC')).toContain('TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH');
    expect((await signature.innerText()).normalize('NFC')).not.toContain(chair);
    await page.getByTestId('doc-signer-warning-report').waitFor();
    // The Bí thư is offered, but among the offices that do not fit.
    const groups = await page.getByTestId('doc-signer-choice-report').locator('optgroup').evaluateAll((gs) =>
      gs.map((g) => [g.getAttribute('label'), [...g.querySelectorAll('option')].map((o) => o.textContent)]),
    );
    expect(groups).toEqual([['Chức vụ khác (cần ghi lại chức vụ người ký)', [`${chair} — Bí thư Đảng ủy xã`]]]);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'documents-signer-warning.png'), fullPage: false });

    // Choosing him still does not pair him with CHỦ TỊCH…
    await page.getByTestId('doc-signer-choice-report').selectOption({ index: 0 });
    await expect.poll(async () => (await page.getByTestId('doc-signer-name-report').inputValue()).normalize('NFC')).toBe(chair);
    await expect.poll(async () => page.getByTestId('doc-signer-warning-report').count()).toBe(1);
    expect((await signature.innerText()).normalize('NFC')).not.toContain(chair);
    // …until the office he signs in is written: then it signs, and the warning goes.
    await page.getByTestId('doc-signer-position-report').fill('Chủ tịch UBND xã');
    await page.getByTestId('doc-number-report').fill('9');
    await expect.poll(async () => (await signature.innerText()).normalize('NFC')).toContain(`CHỦ TỊCH — ${chair}`);
    expect(await page.getByTestId('doc-signer-warning-report').count()).toBe(0);
    await expect.poll(async () => (await page.getByTestId('doc-saved-report').innerText()).normalize('NFC')).toBe('Đã lưu.');

    // Kept: after a reload, and in the file the report is downloaded as.
    await page.reload();
    await page.getByTestId('doc-signature-report').waitFor();
    expect(await page.getByTestId('doc-number-report').inputValue()).toBe('9');
    expect((await page.getByTestId('doc-signer-position-report').inputValue()).normalize('NFC')).toBe('Chủ tịch UBND xã');
    const setup = await apiCall(host, 'documents.defaults', { conferenceId: own.id, kind: 'report' });
    expect(setup).toMatchObject({ number: '9', signerFits: true, signature: { titles: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: chair } });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'documents-signer.png'), fullPage: false });
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}, 60_000);
