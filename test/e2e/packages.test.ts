/**
 * Sending a conference up and reading it at the parent, through the UI of two hosts on two
 * databases: the commune exports its signed package from the documents screen; the province
 * lists its communes by hand, imports the file, sees who has reported and the counts, opens
 * the conference read-only; importing the same file again changes nothing, a damaged copy is
 * refused in Vietnamese, and a package signed with a new key waits for a deliberate acceptance.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sha256, unzip } from '../unit/package/support';
import {
  ROOT,
  apiCall,
  captureDownload,
  launchBrowser,
  loadScenarioFile,
  openApp,
  removeTempDir,
  setupUnit,
  startHost,
  tempDir,
  type AppPage,
  type Host,
} from './support';

const scenario = loadScenarioFile('xa-tan-lap-2026.json');
const CHILD = scenario.unit.name.normalize('NFC'); // Xã Tân Lập
const SILENT = 'Xã Hòa Lạc'; // listed by hand, never reports
const PROVINCE = { name: 'Tỉnh Hải Đông', level: 'tỉnh', parent: '' };

let browser: Browser;
let dir: string;
let childHost: Host;
let parentHost: Host;
let parent: AppPage;
let conferenceId: string;
let packageFile: string;
let childFingerprint: string;

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').normalize('NFC');
const results = (page: Page) => page.getByTestId('import-result');

/** Drops files on the drop zone, as dragged from the file manager. */
async function dropFiles(page: Page, files: string[]): Promise<void> {
  const payload = files.map((f) => ({ name: path.basename(f), bytes: [...fs.readFileSync(f)] }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, payload);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

/**
 * Chooses files in "Chọn tệp…" (or drops them on the zone) and waits until the new result
 * lines have their outcome.
 */
async function importThroughUi(
  page: Page,
  files: string[],
  how: 'pick' | 'drop' = 'pick',
): Promise<Array<{ outcome: string; message: string; problem: string | null }>> {
  const before = await results(page).count();
  if (how === 'drop') await dropFiles(page, files);
  else await page.getByTestId('import-files').setInputFiles(files);
  await page.waitForFunction(
    (n) => {
      const rows = [...document.querySelectorAll('[data-testid="import-result"]')];
      return rows.length === n && rows.every((r) => r.getAttribute('data-outcome') !== 'pending');
    },
    before + files.length,
    { timeout: 30_000 },
  );
  const rows = await results(page).evaluateAll((els) =>
    els.map((e) => ({
      outcome: e.getAttribute('data-outcome') ?? '',
      message: (e.querySelector('[data-testid="import-message"]')?.textContent ?? '').normalize('NFC'),
      problem: e.getAttribute('data-problem'),
    })),
  );
  return rows.slice(before);
}

async function aggregates(page: Page) {
  const read = async (id: string) => Number((await text(page, id)).replace(/\./g, ''));
  return {
    conferences: await read('agg-conferences'),
    attendance: await read('agg-attendance'),
    turns: await read('agg-turns'),
    concerns: await read('agg-concerns'),
  };
}

/** "Thêm đơn vị cấp dưới": name, Enter, and the unit shows in the tree. */
async function addChildUnitByHand(page: Page, name: string): Promise<void> {
  await page.getByTestId('child-unit-name').fill(name);
  await page.getByTestId('child-unit-name').press('Enter');
  await page.locator(`[data-testid="child-unit"][data-unit-name="${name}"]`).waitFor();
}

async function openOverview(page: Page): Promise<void> {
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('overview-screen').waitFor();
  await page.getByTestId('completeness-label').waitFor();
}

beforeAll(async () => {
  dir = tempDir();
  childHost = await startHost({ dbPath: path.join(dir, 'xa.sqlite') });
  parentHost = await startHost({ dbPath: path.join(dir, 'tinh.sqlite') });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await parent?.context.close();
  await browser?.close();
  await childHost?.stop();
  await parentHost?.stop();
  if (dir) removeTempDir(dir);
});

it('exports a package at the commune and shows the unit key for the phone check', async () => {
  const child = await openApp(browser, childHost.url);
  const { page } = child;
  try {
    await setupUnit(page, scenario.unit);
    const { conferenceIds } = await apiCall(childHost, 'demo.load', {});
    const details = await Promise.all(conferenceIds.map((id) => apiCall(childHost, 'conferences.get', { id })));
    conferenceId = details.find((d) => d.conference.title === scenario.conference.title.normalize('NFC'))!.conference.id;

    await page.getByTestId('nav-settings').click();
    childFingerprint = await text(page, 'own-key-fingerprint');
    expect(childFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);

    await page.evaluate((id) => {
      window.location.hash = `#/hoi-nghi/${id}/van-ban`;
    }, conferenceId);
    await page.getByTestId('documents-screen').waitFor();
    packageFile = await captureDownload(page, () => page.getByTestId('export-package').click(), path.join(dir, 'downloads'));
    expect(path.basename(packageFile)).toMatch(/^xa-tan-lap_2026-10-02_dinh-ky_r1\.doithoai$/);
    expect(fs.readFileSync(packageFile).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await text(page, 'export-package-result')).toContain('lần gửi 1');
    expect(child.problems).toEqual([]);
  } finally {
    await child.context.close();
  }
});

it('imports at the province: who reported, the counts, the read-only conference, repeats and damage', async () => {
  parent = await openApp(browser, parentHost.url);
  const { page, problems } = parent;
  await setupUnit(page, PROVINCE);
  await openOverview(page);

  // The communes that must report, listed by hand before anything arrives.
  for (const name of [CHILD, SILENT]) await addChildUnitByHand(page, name);
  await expect.poll(() => text(page, 'completeness-label')).toBe('0/2 xã');

  // The commune's file: imported onto the unit listed by hand (same name), not a third one.
  const [first] = await importThroughUi(page, [packageFile]);
  expect(first!.outcome).toBe('imported');
  expect(first!.message).toContain('Đã nhập hội nghị');
  await expect.poll(() => text(page, 'completeness-label')).toBe('1/2 xã');
  expect(await text(page, 'completeness-missing')).toContain(SILENT);
  expect(await text(page, 'completeness-missing')).not.toContain(CHILD);
  expect(await page.getByTestId('child-unit').count()).toBe(2);
  const childRow = page.locator(`[data-testid="child-unit"][data-unit-name="${CHILD}"]`);
  // The fingerprint the commune reads out over the phone is the one pinned here.
  expect(((await childRow.textContent()) ?? '').normalize('NFC')).toContain(childFingerprint);
  expect(((await childRow.getByTestId('received-conference').textContent()) ?? '').normalize('NFC')).toContain('02/10/2026');

  const expected = { conferences: 1, attendance: scenario.conference.attendeeCount!, turns: scenario.expected.turns, concerns: scenario.expected.concernsTotal };
  expect(await aggregates(page)).toEqual(expected);
  const byField = await page.getByTestId('agg-by-field').locator('tbody tr').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.children[0]!.textContent!.normalize('NFC'), Number(r.children[1]!.textContent)])),
  );
  expect(byField).toEqual(scenario.expected.byField);

  await page.screenshot({ path: path.join(ROOT, 'test-results', 'overview.png'), fullPage: true });
  // "Theo đơn vị" is whole at 1366 px: no column cut off or hidden behind a scroll bar (issue 8, C16).
  const byUnit = await page.getByTestId('agg-by-unit').evaluate((t) => ({ table: t.scrollWidth, room: t.parentElement!.clientWidth }));
  expect(byUnit.table).toBeLessThanOrEqual(byUnit.room);

  // The aggregate report downloads.
  const xlsx = await captureDownload(page, () => page.getByTestId('export-summary-xlsx').click(), path.join(dir, 'downloads'));
  expect(fs.readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');

  // Drill down: the conference read-only, its minutes in the preview, no editing screens.
  await childRow.getByTestId('open-imported').click();
  await page.getByTestId('documents-screen').waitFor();
  const banner = await text(page, 'imported-banner');
  expect(banner).toContain(`Hội nghị do ${CHILD} gửi lên (lần gửi 1) — chỉ xem`);
  const preview = page.getByTestId('minutes-preview');
  await preview.waitFor();
  const minutes = ((await preview.innerText()) ?? '').normalize('NFC');
  expect(minutes).toContain('BIÊN BẢN');
  expect(minutes).toContain(scenario.turns[0]!.speaker.name.normalize('NFC'));
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'overview-drill-down.png'), fullPage: false });
  expect(await page.getByTestId('nav-prepare').count()).toBe(0);
  expect(await page.getByTestId('nav-live').count()).toBe(0);
  expect(await page.getByTestId('export-package').count()).toBe(0);
  // Asking for the editing screen by address lands on the read-only view.
  await page.evaluate((id) => {
    window.location.hash = `#/hoi-nghi/${id}/truc-tiep`;
  }, conferenceId);
  await page.waitForFunction((id) => window.location.hash === `#/hoi-nghi/${id}/van-ban`, conferenceId);
  await page.getByTestId('imported-banner').waitFor();

  // The province's own list does not mix in what the communes sent.
  await page.getByTestId('nav-list').click();
  await page.getByTestId('list-screen').waitFor();
  expect(await page.getByTestId('conference-row').count()).toBe(0);

  // The same file again: nothing changes.
  await openOverview(page);
  await expect.poll(() => text(page, 'completeness-label')).toBe('1/2 xã');
  const [again] = await importThroughUi(page, [packageFile]);
  expect(again!.outcome).toBe('unchanged');
  expect(again!.message).toContain('đã nhập trước đó');

  // A damaged copy: refused with a sentence in Vietnamese, counts as they were.
  const bytes = fs.readFileSync(packageFile);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = bytes[at]! ^ 0xff;
  const damaged = path.join(dir, 'downloads', 'xa-tan-lap-hong.doithoai');
  fs.writeFileSync(damaged, bytes);
  const [bad] = await importThroughUi(page, [damaged]);
  expect(bad!.outcome).toBe('refused');
  expect(bad!.message).toMatch(/[ăâđêôơư]/i);
  expect(bad!.message).not.toMatch(/error|exception|undefined/i);
  expect(await aggregates(page)).toEqual(expected);
  expect(await text(page, 'completeness-label')).toBe('1/2 xã');
  // A file that is not a package at all (a Word file chosen by mistake) is named as such, not by its ZIP internals.
  const notPackage = path.join(dir, 'downloads', 'bien-ban.doithoai');
  fs.copyFileSync(path.join(ROOT, 'package.json'), notPackage);
  const [other] = await importThroughUi(page, [notPackage]);
  expect(other).toMatchObject({ outcome: 'refused', message: 'Tệp này không phải gói .doithoai.' });

  // A commune listed under another spelling merges into the unit its package created;
  // one listed by mistake is deleted.
  await addChildUnitByHand(page, 'TT Tân Lập');
  await expect.poll(() => text(page, 'completeness-label')).toBe('1/3 xã');
  const typo = page.locator('[data-testid="child-unit"][data-unit-name="TT Tân Lập"]');
  await typo.getByTestId('child-unit-merge').click();
  await typo.getByTestId('merge-target').selectOption({ label: CHILD });
  await typo.getByTestId('confirm-merge').click();
  await expect.poll(() => text(page, 'completeness-label')).toBe('1/2 xã');
  await addChildUnitByHand(page, 'Xã Nhập Nhầm');
  await page.locator('[data-testid="child-unit"][data-unit-name="Xã Nhập Nhầm"]').getByTestId('child-unit-delete').click();
  await expect.poll(() => page.getByTestId('child-unit').count()).toBe(2);
  expect(await text(page, 'completeness-label')).toBe('1/2 xã');
  expect(problems).toEqual([]);
});

it('refuses a package signed with a new key until the officer accepts it after the phone call', async () => {
  const { page, problems } = parent;
  // The commune's laptop is reinstalled from a backup without its key: same unit, new key.
  await childHost.stop();
  const copy = path.join(dir, 'xa-cai-lai.sqlite');
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(childHost.dbPath + suffix)) fs.copyFileSync(childHost.dbPath + suffix, copy + suffix);
  }
  const db = new Database(copy);
  db.prepare('DELETE FROM own_keys').run();
  db.close();
  childHost = await startHost({ dbPath: copy });
  await apiCall(childHost, 'conferences.update', { id: conferenceId, patch: { conclusion: 'Kết luận đã bổ sung sau hội nghị.' } });
  const exported = await apiCall(childHost, 'packages.export', { conferenceId });
  expect(exported.revision).toBe(2);
  const newFingerprint = (await apiCall(childHost, 'keys.own', {}))!.fingerprint;
  expect(newFingerprint).not.toBe(childFingerprint);
  const file = path.join(dir, 'downloads', exported.fileName);
  fs.writeFileSync(file, Buffer.from(exported.base64, 'base64'));

  const [refused] = await importThroughUi(page, [file]);
  expect(refused!.outcome).toBe('refused');
  expect(refused!.problem).toBe('key_changed');
  const row = results(page).last();
  await row.getByTestId('accept-key').click();
  const dialog = page.getByTestId('accept-key-dialog');
  await dialog.getByTestId('new-fingerprint').waitFor();
  expect(await text(page, 'old-fingerprint')).toBe(childFingerprint);
  expect(await text(page, 'new-fingerprint')).toBe(newFingerprint);
  // "Hủy" has the focus: Enter by habit does not accept a key.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cancel-accept-key');
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'overview-accept-key.png'), fullPage: false });
  await dialog.getByTestId('confirm-accept-key').click();
  await page.waitForFunction(() => {
    const rows = document.querySelectorAll('[data-testid="import-result"]');
    return rows[rows.length - 1]?.getAttribute('data-outcome') === 'replaced';
  });
  expect(((await row.getByTestId('import-message').textContent()) ?? '').normalize('NFC')).toContain('lần gửi 2');
  const childRow = page.locator(`[data-testid="child-unit"][data-unit-name="${CHILD}"]`);
  await expect.poll(async () => ((await childRow.textContent()) ?? '').normalize('NFC')).toContain(newFingerprint);
  expect(((await childRow.getByTestId('received-conference').textContent()) ?? '').normalize('NFC')).toContain('lần gửi 2');
  expect(problems).toEqual([]);
});

it('gathers packages before the own unit is set up', async () => {
  const host = await startHost({ dbPath: path.join(dir, 'chi-tong-hop.sqlite') });
  const app = await openApp(browser, host.url);
  const { page, problems } = app;
  try {
    await page.getByTestId('setup-screen').waitFor();
    await page.getByTestId('setup-overview-only').click();
    await page.getByTestId('overview-screen').waitFor();
    const [result] = await importThroughUi(page, [packageFile], 'drop');
    expect(result!.outcome).toBe('imported');
    await expect.poll(() => text(page, 'completeness-label')).toBe('1/1 xã');
    expect(await aggregates(page)).toEqual({ conferences: 1, attendance: scenario.conference.attendeeCount!, turns: scenario.expected.turns, concerns: scenario.expected.concernsTotal });
    // A file too large to be a package is refused on the spot, without being sent.
    const huge = path.join(dir, 'qua-lon.doithoai');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 65 * 1024 * 1024);
    const [big] = await importThroughUi(page, [huge]);
    expect(big!.outcome).toBe('refused');
    expect(big!.message).toContain('quá giới hạn 64 MB');
    await page.getByTestId('open-imported').click();
    await page.getByTestId('imported-banner').waitFor();
    await page.getByTestId('minutes-preview').waitFor();
    await page.getByTestId('back-to-overview').click();
    await page.getByTestId('overview-screen').waitFor();
    await page.getByTestId('nav-setup').click();
    await page.getByTestId('setup-screen').waitFor();
    expect(problems).toEqual([]);
  } finally {
    await app.context.close();
    await host.stop();
  }
});

it('shows the unit’s own documents at the province: its style, number and signer, and the signed originals (issue 8, A2)', async () => {
  const { page, problems } = parent;
  // The commune turns out to issue as its People's Committee, and numbers and signs its minutes.
  const unit = (await apiCall(childHost, 'unit.get', {}))!;
  await apiCall(childHost, 'unit.save', {
    name: unit.name,
    level: unit.level,
    parentName: unit.parentName ?? '',
    documentStyle: 'government',
    headerParentLine: '',
    headerIssuerLine: 'ỦY BAN NHÂN DÂN XÃ TÂN LẬP',
    placeName: 'Tân Lập',
  });
  await apiCall(childHost, 'documents.save', { conferenceId, kind: 'minutes', settings: { number: '5' } });
  const exported = await apiCall(childHost, 'packages.export', { conferenceId });
  const file = path.join(dir, 'downloads', exported.fileName);
  fs.writeFileSync(file, Buffer.from(exported.base64, 'base64'));
  const ownMinutes = await apiCall(childHost, 'documents.preview', { conferenceId, settings: {} });

  await openOverview(page);
  const [result] = await importThroughUi(page, [file]);
  expect(result!.outcome).toBe('replaced');
  await page.locator(`[data-testid="child-unit"][data-unit-name="${CHILD}"]`).getByTestId('open-imported').click();
  await page.getByTestId('imported-banner').waitFor();
  // The conference opened before is shown at the revision just imported, not as it was in memory.
  expect(await text(page, 'imported-banner')).toContain(`(lần gửi ${exported.revision})`);
  const preview = page.getByTestId('minutes-preview');
  await expect.poll(async () => ((await preview.innerText()) ?? '').normalize('NFC')).toContain('Số: 05/BB-UBND');
  const shown = ((await preview.innerText()) ?? '').normalize('NFC');
  expect(shown).toContain('ỦY BAN NHÂN DÂN');
  expect(shown).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(shown).not.toMatch(/ĐẢNG ỦY XÃ|-BB\/ĐU/);
  // The same blocks as the commune's own preview.
  expect(await apiCall(parentHost, 'documents.preview', { conferenceId, settings: {} })).toEqual(ownMinutes);
  // The unit's settings are shown and cannot be changed here.
  expect(await page.getByTestId('doc-number-minutes').inputValue()).toBe('5');
  expect(await page.getByTestId('doc-number-minutes').getAttribute('readonly')).not.toBeNull();
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'overview-drill-down-government.png'), fullPage: false });

  // "Tải bản gốc": the signed minutes.docx exactly as it came in the package.
  const original = await captureDownload(page, () => page.getByTestId('original-minutes').click(), path.join(dir, 'downloads'));
  const manifest = JSON.parse(unzip(fs.readFileSync(file)).get('manifest.json')!.toString('utf8')) as { files: Record<string, { sha256: string }> };
  expect(sha256(fs.readFileSync(original))).toBe(manifest.files['minutes.docx']!.sha256);
  expect(problems).toEqual([]);
}, 120_000);
