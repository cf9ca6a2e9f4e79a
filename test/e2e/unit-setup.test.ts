/**
 * First-run setup and the unit in Cài đặt (issue 8, A4, C13, C14), at 1366×768: the name is
 * typed key by key with a body in front ("UBND phường Đông Hưng"), the preview shows the
 * header the documents print in either style, nothing is written until the form is saved,
 * and then exactly one parent row. A name that is too long is named next to its field, in
 * Vietnamese, nothing is retried, and the app header keeps what was saved.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createConference, launchBrowser, screenshot, openApp, removeTempDir, retype, startConference, startHost, tempDir, waitFocus, withDb, type Host } from './support';

let browser: Browser;
let host: Host;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  host = await startHost({ dbPath: `${dir}/doithoai.sqlite` });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dir) removeTempDir(dir);
});

interface UnitRow {
  name: string;
  level: string;
  parent_id: string | null;
  document_style: string;
  header_parent_line: string | null;
  header_issuer_line: string | null;
}
const units = () => withDb(host.dbPath, (db) => db.prepare('SELECT name, level, parent_id, document_style, header_parent_line, header_issuer_line FROM units ORDER BY created_at').all() as UnitRow[]);

it('setup: preview of both styles, one write on save, one parent row; in settings a bad name is named next to its field', async () => {
  const { page, context, problems } = await openApp(browser, host.url);
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('setup-screen').waitFor();
    await page.getByTestId('unit-name').click();
    await page.keyboard.type('UBND phường Đông Hưng');
    await page.getByTestId('unit-parentName').click();
    await page.keyboard.type('Thành phố Hải Phòng');

    // The level comes from the name; the typed UBND is recognised, not repeated.
    expect(await page.getByTestId('unit-level').inputValue()).toBe('phường');
    await expect.poll(() => page.getByTestId('unit-name-stripped').textContent()).toContain('“Phường Đông Hưng”');
    const left = () => page.getByTestId('header-preview-left').innerText();
    const right = () => page.getByTestId('header-preview-right').innerText();
    expect((await left()).split('\n')).toEqual(['ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG', 'ĐẢNG ỦY PHƯỜNG ĐÔNG HƯNG', '*', 'Số ….-BB/ĐU']);
    expect(await right()).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');

    await page.getByTestId('unit-style-government').check();
    expect((await left()).split('\n')).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG ĐÔNG HƯNG', 'Số: ….../BB-UBND']);
    expect(await right()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
    expect(await page.getByTestId('unit-headerParentLine').inputValue()).toBe('');
    await page.getByTestId('unit-style-party').check();

    // Forty-odd keystrokes, and not one row yet.
    expect(units()).toEqual([]);
    await screenshot(page, 'unit-setup-preview');
    await page.getByTestId('unit-parentName').press('Enter');
    await page.getByTestId('list-screen').waitFor();

    const rows = units();
    expect(rows).toHaveLength(2);
    const own = rows.find((r) => r.name === 'Phường Đông Hưng')!;
    const parents = rows.filter((r) => r.name === 'Thành phố Hải Phòng');
    expect(parents).toHaveLength(1);
    expect(own).toMatchObject({
      level: 'phường',
      document_style: 'party',
      header_parent_line: 'ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG',
      header_issuer_line: 'ĐẢNG ỦY PHƯỜNG ĐÔNG HƯNG',
    });
    expect(await page.locator('.brand-unit').innerText()).toBe('Phường Đông Hưng');

    // Cài đặt: a 201-character name.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-screen').waitFor();
    await page.getByTestId('unit-name').fill('Phường ' + 'Đ'.repeat(194));
    await page.getByTestId('unit-name').press('Enter');
    const error = page.getByTestId('unit-name-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('Tên đơn vị: Không được dài quá 200 ký tự.');
    expect(await page.getByTestId('unit-form-status').getAttribute('data-state')).toBe('failed');
    // Not retried, not saved, and the app header shows what the database holds.
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('save-indicator').innerText()).not.toMatch(/thử lại/);
    expect(units().map((r) => r.name).sort()).toEqual(['Phường Đông Hưng', 'Thành phố Hải Phòng']);
    expect(await page.locator('.brand-unit').innerText()).toBe('Phường Đông Hưng');

    // Corrected and saved with the button: the header follows, still one parent row.
    await page.getByTestId('unit-name').fill('Phường Đông Hưng Mới');
    expect(await error.count()).toBe(0);
    await page.getByTestId('unit-save').click();
    await page.locator('[data-testid="unit-form-status"][data-state="saved"]').waitFor();
    expect(await page.locator('.brand-unit').innerText()).toBe('Phường Đông Hưng Mới');
    expect(units().filter((r) => r.name === 'Thành phố Hải Phòng')).toHaveLength(1);
    expect(units()).toHaveLength(2);

    // B9: an honorific typed into a speaker's name is flagged beside the field.
    await page.getByTestId('nav-list').click();
    await createConference(page);
    await startConference(page);
    await page.keyboard.press('F2');
    await waitFocus(page, '[data-testid="speaker-input"]');
    await page.keyboard.type('Ông Đinh Công Ưởng');
    const warning = page.getByTestId('speaker-honorific');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Bỏ danh xưng “Ông” khỏi họ tên');
    await screenshot(page, 'unit-setup-speaker-honorific');
    await retype(page, 'Đinh Công Ưởng');
    await warning.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}, 120_000);
