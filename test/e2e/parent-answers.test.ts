/**
 * The parent answers its unit's forwarded matter in the app (issue 10), all in the browser:
 * the city opens the Lê Lợi matter in Theo dõi (received, but forwarded to it: not read-only),
 * answers it through the form with the note typed through an input method, exports the ward's
 * response file from Tổng hợp; the ward imports it, resolves its drainage matter itself, and
 * its counts as of 01/11/2026 are 10 resolved, 0 in progress, 5 open, 3 overdue.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, captureDownload, launchBrowser, loadScenarioFile, openApp, removeTempDir, screenshot, startHost, tempDir, waitFocus, type Host } from './support';

const NOTE = 'Thành phố đã bố trí vốn, hoàn thành giải phóng mặt bằng';
let browser: Browser;
let dir: string;
let ward: Host;
let city: Host;
let conferenceId: string;

const text = async (page: Page) => ((await page.locator('body').textContent()) ?? '').normalize('NFC');
beforeAll(async () => {
  browser = await launchBrowser();
  dir = tempDir('parent-answers-');
  ward = await startHost({ dbPath: path.join(dir, 'ward.sqlite') });
  city = await startHost({ dbPath: path.join(dir, 'city.sqlite') });
  const { id } = await apiCall(ward, 'scenarios.load', loadScenarioFile('phuong-hoa-binh-2026.json') as never);
  conferenceId = id;
  const sent = await apiCall(ward, 'packages.export', { conferenceId: id });
  await apiCall(city, 'unit.save', { name: 'Thành phố Hải An', level: 'thành phố', parentName: '' });
  const [imported] = await apiCall(city, 'packages.import', { files: [{ name: sent.fileName, base64: sent.base64 }] });
  expect(imported!.outcome).toBe('imported');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await ward?.stop();
  await city?.stop();
  removeTempDir(dir);
});

/** In Theo dõi: the one matter the search finds, its form opened from the keyboard. */
async function openFormFor(page: Page, query: string, shown: string) {
  await page.getByTestId('nav-followup').click();
  await page.getByTestId('followup-screen').waitFor();
  await page.getByPlaceholder('Gõ từ cần tìm').fill(query);
  // The list shows the search's one matter (not the previous search's rows still on screen).
  await expect
    .poll(async () => (await page.getByTestId('followup-text').allTextContents()).map((t) => t.normalize('NFC').includes(shown)), { timeout: 15_000 })
    .toEqual([true]);
  await page.getByTestId('followup-list').focus();
  await page.keyboard.press('Enter');
  const form = page.getByTestId('status-form');
  await form.waitFor();
  return form;
}

it('the city answers the Lê Lợi matter in Theo dõi, exports the response file from Tổng hợp, the ward imports it', async () => {
  // ── At the city ──
  const parent = await openApp(browser, city.url);
  const page = parent.page;
  await page.getByTestId('nav-followup').click();
  await page.getByTestId('followup-screen').waitFor();
  await page.getByPlaceholder('Gõ từ cần tìm').fill('thoat nuoc');
  await expect
    .poll(async () => (await page.getByTestId('followup-text').allTextContents()).map((t) => t.normalize('NFC').includes('thoát nước')), { timeout: 15_000 })
    .toEqual([true]);
  // A matter the ward keeps for itself stays "Chỉ xem": Enter opens nothing.
  const drainageRow = page.getByTestId('followup-row').first();
  expect(await drainageRow.textContent()).toContain('Chỉ xem');
  await page.getByTestId('followup-list').focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  expect(await page.getByTestId('status-form').count()).toBe(0);
  await page.getByTestId('detail-received').waitFor();

  const form = await openFormFor(page, 'le loi', 'Lê Lợi');
  expect(await page.getByTestId('followup-answer-here').count()).toBe(1);
  expect(await page.getByTestId('detail-answer-here').textContent()).toContain('tệp trả lời');
  await waitFocus(page, '[data-testid="status-resolved"]');
  await form.getByTestId('status-date').fill('25/10/2026');
  // The note through an input method: composed, then committed.
  await form.getByTestId('status-note').click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'Thành phố đã', selectionStart: 12, selectionEnd: 12 });
  await cdp.send('Input.insertText', { text: NOTE });
  expect((await form.getByTestId('status-note').inputValue()).normalize('NFC')).toBe(NOTE);
  await form.getByTestId('status-reference').fill('Công văn số 125/UBND-KT');
  await screenshot(page, 'parent-followup-form');
  await form.getByTestId('status-save').click();
  await form.waitFor({ state: 'detached' });

  const row = page.getByTestId('followup-row').first();
  await expect.poll(() => row.getAttribute('data-status')).toBe('resolved');
  await page.getByTestId('history-by-parent').waitFor();
  expect(await text(page)).toContain(NOTE);
  // The ward's own rows at the city are untouched: the answer is the city's.
  const [leLoi] = await apiCall(city, 'followup.list', { query: 'Lê Lợi' });
  expect((await apiCall(city, 'concerns.history', { concernId: leLoi!.id })).map((h) => [h.date, h.byParent === true])).toEqual([['2026-10-25', true]]);
  await screenshot(page, 'parent-followup-answered');

  // Tổng hợp: the ward has an answer, so its response file can be exported.
  await page.getByTestId('nav-overview').first().click();
  const button = page.getByTestId('export-response');
  await button.waitFor();
  await button.scrollIntoViewIfNeeded();
  await screenshot(page, 'parent-overview-export-response');
  const responseFile = await captureDownload(page, () => button.click(), path.join(dir, 'downloads'));
  expect(path.basename(responseFile)).toMatch(/^tra-loi_.*\.doithoai$/);
  expect(parent.problems).toEqual([]);

  // ── At the ward ──
  const unit = await openApp(browser, ward.url);
  const wp = unit.page;
  await wp.getByTestId('nav-overview').first().click();
  await wp.getByTestId('import-files').setInputFiles([responseFile]);
  const messages = async () => (await wp.getByTestId('import-message').allTextContents()).map((m) => m.normalize('NFC')).join('\n');
  await expect.poll(messages, { timeout: 30_000 }).toMatch(/Đã nhập trả lời của Thành phố Hải An: 1 nội dung/);

  // The ward resolves its drainage matter itself, dated 20/10/2026.
  const drainage = await openFormFor(wp, 'thoat nuoc', 'thoát nước');
  await drainage.getByTestId('status-date').fill('20/10/2026');
  await drainage.getByTestId('status-save').click();
  await drainage.waitFor({ state: 'detached' });

  const counts = await apiCall(ward, 'conferences.counts', { id: conferenceId, asOf: '2026-11-01' });
  expect({ resolved: counts.resolved, inProgress: counts.inProgress, open: counts.open, overdue: counts.overdue }).toEqual({ resolved: 10, inProgress: 0, open: 5, overdue: 3 });
  await wp.getByPlaceholder('Gõ từ cần tìm').fill('le loi');
  await wp.getByText('Công văn số 125/UBND-KT').first().waitFor();
  expect(await text(wp)).toMatch(/Đã giải quyết \(25\/10\/2026\)/);
  expect(unit.problems).toEqual([]);
}, 180_000);
