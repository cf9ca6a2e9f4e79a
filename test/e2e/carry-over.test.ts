/**
 * Issue 10, carry-over: preparing a unit's next conference shows what became of the matters
 * of its earlier one, as of the new conference's date (Hòa Bình sample, then a 2027
 * conference of the same unit). The minutes' side is pinned in test/unit/documents/follow-up.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall, launchBrowser, loadScenarioFile, openApp, removeTempDir, retype, startHost, tempDir, waitSaved, type Host } from './support';

let browser: Browser;
let host: Host;
let dir: string;
let earlierId: string;
let nextId: string;

beforeAll(async () => {
  dir = tempDir();
  host = await startHost({ dbPath: path.join(dir, 'doithoai.sqlite') });
  browser = await launchBrowser();
  earlierId = (await apiCall(host, 'scenarios.load', loadScenarioFile('phuong-hoa-binh-2026.json'))).id;
  nextId = (await apiCall(host, 'conferences.create', { title: 'Hội nghị đối thoại phường Hòa Bình năm 2027', date: '2027-03-20' })).id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dir) removeTempDir(dir);
});

it('the preparation screen shows the earlier conference, its counts on the date, and the matters still open', async () => {
  const { page, context, problems } = await openApp(browser, host.url);
  try {
    await page.evaluate((id) => {
      window.location.hash = `#/hoi-nghi/${id}`;
    }, nextId);
    const section = page.getByTestId('carry-over');
    await section.waitFor();
    expect((await section.locator('h2').innerText()).normalize('NFC')).toBe('Kết quả giải quyết ý kiến, kiến nghị tại hội nghị trước');
    const conference = section.getByTestId('carry-conference');
    expect(await conference.count()).toBe(1);
    expect(await conference.getAttribute('data-conference-id')).toBe(earlierId);
    const counts = () => conference.getByTestId('carry-counts').innerText().then((t) => t.normalize('NFC').replace(/\s+/g, ' '));
    // 5 answered + 3 noted resolved at the conference; 6 assigned + the forwarded Lê Lợi road still open; 6 deadlines passed by 20/03/2027.
    expect(await counts()).toBe('Tổng số: 15 nội dung Đã giải quyết: 8 Đang giải quyết: 0 Chưa giải quyết: 7 Quá hạn: 6');
    const rows = section.getByTestId('carry-matter');
    expect(await rows.count()).toBe(7);
    const leLoi = rows.filter({ hasText: 'đường Lê Lợi' });
    expect(await leLoi.count()).toBe(1);
    const cells = (await leLoi.locator('td').allInnerTexts()).map((t) => t.normalize('NFC').trim());
    expect(cells).toEqual(['4', expect.stringContaining('Dự án mở rộng đường Lê Lợi'), 'Kiến nghị cấp trên', 'Cấp trên', '', 'Chưa giải quyết']);
    // Answered at the conference: not carried.
    expect(await rows.filter({ hasText: 'ngõ 12' }).count()).toBe(0);

    // The outcomes are as of the conference's date: moved to 20/10/2026, only three deadlines had passed.
    await page.getByTestId('conference-date').click();
    await retype(page, '20/10/2026');
    await waitSaved(page);
    await expect.poll(counts, { timeout: 5000 }).toBe('Tổng số: 15 nội dung Đã giải quyết: 8 Đang giải quyết: 0 Chưa giải quyết: 7 Quá hạn: 3');

    // The earlier conference is one click away.
    await conference.getByRole('button', { name: 'Mở hội nghị' }).click();
    await page.waitForFunction((id) => window.location.hash.startsWith(`#/hoi-nghi/${id}`), earlierId);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}, 60_000);

it("the documents screen says the report's outcomes are counted on the report's date", async () => {
  const { page, context, problems } = await openApp(browser, host.url);
  try {
    await page.evaluate((id) => {
      window.location.hash = `#/hoi-nghi/${id}/van-ban`;
    }, earlierId);
    await page.getByTestId('documents-screen').waitFor();
    const hint = page.getByTestId('doc-report-as-of');
    await hint.waitFor();
    expect((await hint.innerText()).normalize('NFC')).toBe('Kết quả giải quyết trong báo cáo (Biểu 01, Biểu 02) tính đến ngày này.');
    expect(await page.getByTestId('doc-settings-minutes').getByTestId('doc-report-as-of').count()).toBe(0);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}, 60_000);
