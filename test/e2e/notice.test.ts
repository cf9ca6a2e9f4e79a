/**
 * The conclusion notice on the documents screen (issue 10), at 1366×768: a third card beside
 * the minutes and the report, whose number, date and "Nơi nhận" are saved as she types (a bad
 * date is named next to the field in Vietnamese and not saved), and whose DOCX and PDF
 * downloads carry what she typed and list each assigned matter under its agency with its deadline.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall, captureDownload, launchBrowser, loadScenarioFile, openApp, reopen, removeTempDir, screenshot, startHost, tempDir, type Host } from './support';

const scenario = loadScenarioFile('phuong-hoa-binh-2026.json');

let browser: Browser;
let host: Host;
let dir: string;
let conferenceId: string;

beforeAll(async () => {
  dir = tempDir();
  host = await startHost({ dbPath: path.join(dir, 'doithoai.sqlite') });
  browser = await launchBrowser();
  const { conferenceIds } = await apiCall(host, 'demo.load', {});
  const details = await Promise.all(conferenceIds.map((id) => apiCall(host, 'conferences.get', { id })));
  conferenceId = details.find((d) => d.conference.title === scenario.conference.title.normalize('NFC'))!.conference.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dir) removeTempDir(dir);
});

it('saves the notice’s settings as she types and downloads it as DOCX and PDF', async () => {
  const { page, context, problems } = await openApp(browser, host.url);
  try {
    await page.evaluate((id) => {
      window.location.hash = `#/hoi-nghi/${id}/van-ban`;
    }, conferenceId);
    const card = page.getByTestId('doc-card-notice');
    await card.getByTestId('doc-number-notice').waitFor();
    // The third card, with its own default "Nơi nhận" naming each agency given a matter.
    expect((await card.locator('h2').innerText()).normalize('NFC')).toBe('Thông báo kết luận');
    expect((await page.getByTestId('doc-recipients-notice').inputValue()).normalize('NFC')).toContain('- Bộ phận Địa chính;');
    expect((await page.getByTestId('doc-signature-notice').innerText()).normalize('NFC')).toContain('T/M ĐẢNG ỦY / BÍ THƯ');

    // A half-typed date: the Vietnamese message next to the field, the date not saved.
    await page.getByTestId('doc-date-notice').fill('31/02/2026');
    await expect.poll(async () => (await card.getByRole('alert').allInnerTexts()).join(' ').normalize('NFC')).toMatch(/ngày/i);
    await page.getByTestId('doc-number-notice').fill('15');
    await page.getByTestId('doc-date-notice').fill('21/09/2026');
    await page.getByTestId('doc-recipients-notice').fill('Bộ phận Địa chính;\nLưu: VT.');
    await expect.poll(async () => (await page.getByTestId('doc-saved-notice').innerText()).normalize('NFC')).toBe('Đã lưu.');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'documents-notice');

    // Saved: after a reload the card shows what she typed; the report's number is its own.
    await reopen(page, host.url);
    await page.getByTestId('doc-number-notice').waitFor();
    await expect.poll(() => page.getByTestId('doc-number-notice').inputValue()).toBe('15');
    expect(await page.getByTestId('doc-date-notice').inputValue()).toBe('21/09/2026');
    expect(await page.getByTestId('doc-number-report').inputValue()).toBe('');

    const out = path.join(dir, 'downloads');
    const docx = await captureDownload(page, () => page.getByTestId('export-notice-docx').click(), out);
    expect(path.basename(docx)).toBe('thong-bao_phuong-hoa-binh_16-09-2026.docx');
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(docx)))['word/document.xml']!).replace(/\u00a0/g, ' ');
    const pdf = await captureDownload(page, () => page.getByTestId('export-notice-pdf').click(), out);
    expect(path.basename(pdf)).toBe('thong-bao_phuong-hoa-binh_16-09-2026.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').normalize('NFC');
    for (const expected of ['THÔNG BÁO', 'Số 15-TB/ĐU', 'ngày 21 tháng 9 năm 2026', '- Bộ phận Địa chính;', '- Lưu: VT.', '2.3. Bộ phận Địa chính (01 nội dung):', 'Thời hạn giải quyết: 30/11/2026.']) {
      expect(text, `PDF: ${expected}`).toContain(expected);
      expect(xml, `DOCX: ${expected}`).toContain(expected);
    }
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}, 120_000);
