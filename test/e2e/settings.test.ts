/**
 * Settings and preparation details: the unit is edited and saved, the field list is
 * renamed, extended, reordered, deleted and restored; an impossible date is refused in
 * Vietnamese; the registration list is reordered from the keyboard.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  createConference,
  launchBrowser,
  openApp,
  registerSpeakers,
  removeTempDir,
  retype,
  setupUnit,
  snapshot,
  startHost,
  tempDir,
  waitSaved,
  withDb,
  type Host,
} from './support';

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

const fieldNames = () =>
  withDb(host.dbPath, (db) => db.prepare('SELECT name FROM fields WHERE deleted_at IS NULL ORDER BY position, name').all() as Array<{ name: string }>).map(
    (r) => r.name,
  );

it('edits the unit and the field list, validates dates and reorders speakers by keyboard', async () => {
  const { page, context, problems } = await openApp(browser, host.url);
  try {
    await setupUnit(page, { name: 'Xã Tân Lập', level: 'xã', parent: 'Tỉnh Hải Đông' });
    const unit = () => withDb(host.dbPath, (db) => db.prepare(`SELECT header_parent_line AS p, header_issuer_line AS i, place_name AS place FROM units WHERE name = 'Xã Tân Lập'`).get()) as Record<string, string>;
    expect(unit()).toEqual({ p: 'ĐẢNG BỘ TỈNH HẢI ĐÔNG', i: 'ĐẢNG ỦY XÃ TÂN LẬP', place: 'Tân Lập' });

    // Settings: the unit, saved with Enter (a unit is one record, written when the form is saved).
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-screen').waitFor();
    await page.getByTestId('unit-placeName').click();
    await retype(page, 'xã Tân Lập');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="unit-form-status"][data-state="saved"]').waitFor();
    await waitSaved(page);
    expect(unit().place).toBe('xã Tân Lập');

    // Fields: rename, add, move up, delete and undo, delete and restore from the list.
    const rows = page.getByTestId('field-row');
    await rows.nth(13).getByTestId('field-name').click();
    await retype(page, 'Các lĩnh vực khác');
    await page.getByTestId('new-field-name').click();
    await page.keyboard.type('Chuyển đổi số');
    await page.keyboard.press('Enter');
    await rows.nth(14).waitFor();
    await rows.nth(14).getByTestId('field-up').click();
    await waitSaved(page);
    let names = fieldNames();
    expect(names.slice(-2)).toEqual(['Chuyển đổi số', 'Các lĩnh vực khác']);

    await rows.nth(0).getByTestId('field-delete').click();
    await page.getByTestId('undo-button').click();
    await waitSaved(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="field-row"]').length === 15);
    expect(fieldNames()).toEqual(names);

    await rows.nth(12).getByTestId('field-delete').click(); // Cải cách hành chính
    await waitSaved(page);
    expect(fieldNames()).not.toContain('Cải cách hành chính');
    await page.getByRole('button', { name: 'Khôi phục' }).click();
    await waitSaved(page);
    names = fieldNames();
    expect(names).toContain('Cải cách hành chính');

    // An empty name is refused on screen and never sent.
    await rows.nth(0).getByTestId('field-name').click();
    await retype(page, '');
    await page.getByTestId('new-field-name').click();
    await page.getByText('Không được để trống.').waitFor();
    expect(fieldNames()).toEqual(names);
    await rows.nth(0).getByTestId('field-name').click();
    await page.keyboard.type('Quy hoạch, giải phóng mặt bằng, xây dựng cơ bản');
    await waitSaved(page);

    // Preparation: an impossible date is refused in Vietnamese, a real one is saved.
    await page.getByTestId('nav-list').click();
    const id = await createConference(page);
    await page.getByTestId('conference-date').click();
    await retype(page, '31/02/2026');
    await page.getByTestId('conference-start').click();
    await page.getByText('Ngày không hợp lệ').waitFor();
    const stored = snapshot(host.dbPath, id).conference.date;
    expect(stored).not.toBe('2026-02-31');
    await page.getByTestId('conference-date').click();
    await retype(page, '2/10/2026');
    await waitSaved(page);
    expect(snapshot(host.dbPath, id).conference.date).toBe('2026-10-02');

    // The registration list, reordered with Alt+↑ and the ↓ button.
    await registerSpeakers(page, [{ name: 'Một' }, { name: 'Hai' }, { name: 'Ba' }]);
    await page.getByTestId('registered-name').nth(2).click();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await page.getByTestId('registered-speaker').nth(1).getByTestId('speaker-down').click();
    await waitSaved(page);
    expect(snapshot(host.dbPath, id).registered.map((s) => s.name)).toEqual(['Ba', 'Hai', 'Một']);
    expect(await page.getByTestId('registered-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['Ba', 'Hai', 'Một']);

    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});
