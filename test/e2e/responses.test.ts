/**
 * Answers travelling back down, through two hosts on two databases (issue 10): the ward
 * sends its conference up; the city answers the matter forwarded to it and exports the
 * response file; the ward's officer imports it in "Tổng hợp" like a package, is told whose
 * key was pinned and its fingerprint, and finds the matter resolved in Theo dõi with the
 * city's date, result and reference. The same file again changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall, launchBrowser, loadScenarioFile, openApp, removeTempDir, startHost, tempDir, type Host } from './support';

let browser: Browser;
let dir: string;
let ward: Host;
let city: Host;
let responseFile: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = tempDir('responses-');
  ward = await startHost({ dbPath: path.join(dir, 'ward.sqlite') });
  city = await startHost({ dbPath: path.join(dir, 'city.sqlite') });
  // The scenario file is the API's input as it stands (scenarios.load checks it like load-scenario).
  const { id } = await apiCall(ward, 'scenarios.load', loadScenarioFile('phuong-hoa-binh-2026.json') as never);
  const sent = await apiCall(ward, 'packages.export', { conferenceId: id });
  await apiCall(city, 'unit.save', { name: 'Thành phố Hải An', level: 'thành phố', parentName: '' });
  const [imported] = await apiCall(city, 'packages.import', { files: [{ name: sent.fileName, base64: sent.base64 }] });
  expect(imported!.outcome).toBe('imported');
  const leLoi = (await apiCall(city, 'followup.list', { query: 'Lê Lợi' }))[0]!;
  await apiCall(city, 'concerns.setStatus', {
    concernIds: [leLoi.id],
    status: 'resolved',
    date: '2026-10-25',
    note: 'Thành phố đã bố trí vốn, hoàn thành giải phóng mặt bằng',
    reportedBy: 'UBND thành phố Hải An',
    reference: 'Công văn số 125/UBND-KT',
  });
  const response = await apiCall(city, 'responses.export', { unitId: leLoi.unitId });
  expect(response.matters).toBe(1);
  responseFile = path.join(dir, response.fileName);
  fs.writeFileSync(responseFile, Buffer.from(response.base64, 'base64'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await ward?.stop();
  await city?.stop();
  removeTempDir(dir);
});

it('the ward imports the city’s response in Tổng hợp and sees the matter resolved in Theo dõi', async () => {
  const { page, problems } = await openApp(browser, ward.url);
  await page.getByRole('button', { name: 'Tổng hợp' }).or(page.getByText('Tổng hợp', { exact: true })).first().click();
  await page.getByTestId('import-files').setInputFiles([responseFile]);
  const messages = async () => (await page.getByTestId('import-message').allTextContents()).map((m) => m.normalize('NFC')).join('\n');
  await expect.poll(messages, { timeout: 30_000 }).toMatch(/Đã nhập trả lời của Thành phố Hải An: 1 nội dung/);
  expect(await messages()).toMatch(/vân tay [0-9A-F]{4}(-[0-9A-F]{4}){4}/);

  await page.getByText('Theo dõi', { exact: true }).first().click();
  await page.getByPlaceholder('Gõ từ cần tìm').fill('le loi');
  await page.getByText('Công văn số 125/UBND-KT').waitFor();
  await expect.poll(async () => ((await page.locator('body').textContent()) ?? '').normalize('NFC')).toMatch(/Đã giải quyết \(25\/10\/2026\)/);

  // The same file again: nothing new.
  await page.getByText('Tổng hợp', { exact: true }).first().click();
  await page.getByTestId('import-files').setInputFiles([responseFile]);
  await expect.poll(messages, { timeout: 30_000 }).toMatch(/Tệp trả lời của Thành phố Hải An đã nhập trước đó/);
  expect(problems).toEqual([]);
});
