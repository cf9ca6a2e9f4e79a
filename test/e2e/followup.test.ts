/**
 * Issue 10, the secretary's side of the follow-up, in the real UI at 1366×768: the default
 * deadline days in Cài đặt, recording matters on the live screen (the deadline filled in
 * for assigned and forwarded ones, Alt+5 on an answered one), then Theo dõi — the overdue
 * filter, two matters updated at once from the keyboard with a Vietnamese note typed
 * through an input method, a refused date shown at its field, the history beside the
 * list, the search without diacritics, and the list per agency printed to A4 PDF.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
import {
  apiCall,
  isoToVn,
  launchBrowser,
  loadScenarioFile,
  openApp,
  removeTempDir,
  reopen,
  screenshot,
  startHost,
  tempDir,
  waitFocus,
  waitSaved,
  withDb,
  type AppPage,
  type Host,
} from './support';

let browser: Browser;
let host: Host;
let dir: string;
let app: AppPage;
let page: Page;
let cdp: CDPSession;
let conferenceId: string;

/** Waits for the screen to show something (a list refresh may take a while on a busy machine). */
function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000 });
}

/** Dates around the host's today (the backend refuses an outcome dated after it). */
function isoDaysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const TODAY = isoDaysFromToday(0);
const CONFERENCE_DATE = isoDaysFromToday(-60);
const ASSIGNED_DEADLINE = isoDaysFromToday(-40); // conference date + 20 days (set below in Cài đặt)
const FORWARDED_DEADLINE = isoDaysFromToday(-30); // conference date + 30 days (the default)
const ANSWERED_DEADLINE = isoDaysFromToday(5);

const TEXTS = {
  assigned: 'Mương thoát nước khu dân cư số 3 bị bồi lấp, mưa lớn là ngập',
  forwarded: 'Đường tỉnh 295 đoạn qua xã xuống cấp, đề nghị tỉnh đầu tư sửa chữa',
  answered: 'Hỏi về chế độ hỗ trợ học phí cho con hộ cận nghèo',
};
const NOTE = 'Đã khảo sát hiện trạng, đang lập dự toán nạo vét';

interface HistoryRow {
  status: string;
  changed_on: string;
  note: string;
  reported_by: string;
  reference_doc: string;
}

function historyOf(concernId: string): HistoryRow[] {
  return withDb(
    host.dbPath,
    (db) =>
      db
        .prepare('SELECT status, changed_on, note, reported_by, reference_doc FROM concern_status_changes WHERE concern_id = ? ORDER BY changed_on, created_at, rowid')
        .all(concernId) as HistoryRow[],
  );
}

function concernByText(text: string): { id: string; deadline: string | null; status: string } {
  return withDb(host.dbPath, (db) => db.prepare('SELECT id, deadline, status FROM concerns WHERE text = ? AND deleted_at IS NULL').get(text) as { id: string; deadline: string | null; status: string });
}

beforeAll(async () => {
  dir = tempDir();
  host = await startHost({ dbPath: `${dir}/doithoai.sqlite` });
  await apiCall(host, 'unit.save', { name: 'Xã Tân Lập', level: 'xã', parentName: 'Tỉnh Phú Thọ' });
  const conference = await apiCall(host, 'conferences.create', { title: 'Hội nghị đối thoại quý III', date: CONFERENCE_DATE });
  conferenceId = conference.id;
  await apiCall(host, 'conferences.start', { id: conferenceId });
  browser = await launchBrowser();
  app = await openApp(browser, host.url);
  page = app.page;
  cdp = await page.context().newCDPSession(page);
});

afterAll(async () => {
  await app?.context.close();
  await browser?.close();
  await host?.stop();
  if (dir) removeTempDir(dir);
});

/** A new matter (F3) in the current turn: its text typed, then the handling key. */
async function newMatter(text: string, handlingKey: string): Promise<Locator> {
  const items = page.getByTestId('concern-item');
  const before = await items.count();
  await page.keyboard.press('F3');
  const item = items.nth(before);
  await item.waitFor();
  await waitFocus(page, '[data-testid="concern-field"]');
  await page.keyboard.press('Escape');
  await item.getByTestId('concern-text').click();
  await page.keyboard.type(text);
  await page.keyboard.press(handlingKey);
  return item;
}

describe('Cài đặt: the default deadline days', () => {
  it('a number out of range is refused beside its box; 20 days for assigned matters is saved', async () => {
    await reopen(page, host.url, { route: '/cai-dat' });
    const card = page.getByTestId('deadline-days');
    const assigned = card.getByTestId('deadline-days-assigned');
    await assigned.waitFor();
    expect(await assigned.inputValue()).toBe('30');
    expect(await card.getByTestId('deadline-days-forwarded').inputValue()).toBe('30');
    await assigned.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('400');
    await page.keyboard.press('Tab');
    await card.getByTestId('field-problem').waitFor();
    expect(await card.getByTestId('field-problem').textContent()).toBe('Nhập số ngày từ 1 đến 365.');
    await assigned.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    expect(await card.getByTestId('field-problem').count()).toBe(0);
    expect(await apiCall(host, 'followupSettings.get', {})).toEqual({ deadlineDays: { assigned: 20, forwarded: 30 } });
    await screenshot(page, 'followup-settings');
  });
});

describe('the live screen', () => {
  it('assigning or forwarding fills the deadline from the conference date and Cài đặt, in the box, editable', async () => {
    await reopen(page, host.url, { route: `/hoi-nghi/${conferenceId}/truc-tiep` });
    await page.getByTestId('live-screen').waitFor();
    await page.keyboard.press('F2');
    await waitFocus(page, '[data-testid="speaker-input"]');
    await page.keyboard.type('Trần Văn Nam');
    await page.keyboard.press('Enter');

    const assigned = await newMatter(TEXTS.assigned, 'Alt+2');
    await waitFocus(page, '[data-testid="agency-input"]');
    expect(await assigned.getByTestId('deadline-input').inputValue()).toBe(isoToVn(ASSIGNED_DEADLINE));
    await page.keyboard.type('Phòng Kinh tế');
    await page.keyboard.press('Tab');
    await waitFocus(page, '[data-testid="deadline-input"]');

    const forwarded = await newMatter(TEXTS.forwarded, 'Alt+3');
    await forwarded.getByTestId('deadline-input').waitFor();
    expect(await forwarded.getByTestId('deadline-input').inputValue()).toBe(isoToVn(FORWARDED_DEADLINE));
    await forwarded.getByTestId('agency-input').click();
    await page.keyboard.type('UBND tỉnh');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    expect(concernByText(TEXTS.assigned).deadline).toBe(ASSIGNED_DEADLINE);
    expect(concernByText(TEXTS.forwarded).deadline).toBe(FORWARDED_DEADLINE);
  });

  it('Alt+5 marks an answered matter as still needing action (open on the conference date), asks for agency and deadline; again, resolved — later entries, never a rewrite', async () => {
    const answered = await newMatter(TEXTS.answered, 'Alt+1');
    await waitFocus(page, '[data-testid="answered-by"]');
    await waitSaved(page);
    expect(await answered.getByTestId('needs-action-badge').count()).toBe(0);
    const id = concernByText(TEXTS.answered).id;
    expect(concernByText(TEXTS.answered).status).toBe('resolved');

    await page.keyboard.press('Alt+5');
    await answered.getByTestId('needs-action-badge').waitFor();
    expect(await answered.getByTestId('needs-action-badge').textContent()).toBe('Cần giải quyết tiếp');
    await waitFocus(page, '[data-testid="agency-input"]');
    await page.keyboard.type('Phòng Văn hóa - Xã hội');
    await page.keyboard.press('Tab');
    await waitFocus(page, '[data-testid="deadline-input"]');
    await page.keyboard.type(isoToVn(ANSWERED_DEADLINE));
    await waitSaved(page);
    expect(historyOf(id).map((h) => [h.status, h.changed_on])).toEqual([['open', CONFERENCE_DATE]]);
    expect(concernByText(TEXTS.answered)).toMatchObject({ status: 'open', deadline: ANSWERED_DEADLINE });
    await screenshot(page, 'followup-live-needs-action');

    // Pressed again: settled at the conference after all — a second entry.
    await page.keyboard.press('Alt+5');
    await waitSaved(page);
    await answered.getByTestId('needs-action-badge').waitFor({ state: 'detached' });
    expect(historyOf(id).map((h) => [h.status, h.changed_on])).toEqual([
      ['open', CONFERENCE_DATE],
      ['resolved', CONFERENCE_DATE],
    ]);
    // And once more: it does need action.
    await answered.getByTestId('needs-action').click();
    await answered.getByTestId('needs-action-badge').waitFor();
    await waitSaved(page);
    expect(historyOf(id).map((h) => h.status)).toEqual(['open', 'resolved', 'open']);
    expect(app.problems).toEqual([]);
  });
});

describe('Theo dõi', () => {
  const rows = () => page.getByTestId('followup-row');
  const rowOf = (text: string) => rows().filter({ hasText: text });

  it('lists every matter with its deadline in words; the overdue filter keeps the two overdue, most overdue first', async () => {
    await page.getByTestId('nav-followup').click();
    await page.getByTestId('followup-screen').waitFor();
    await waitFocus(page, '[data-testid="followup-list"]');
    await poll(() => rows().count()).toBe(3);
    expect(await rowOf(TEXTS.assigned).getByTestId('followup-due').textContent()).toBe('quá hạn 40 ngày');
    expect(await rowOf(TEXTS.assigned).getByTestId('followup-deadline').textContent()).toBe(isoToVn(ASSIGNED_DEADLINE));
    expect(await rowOf(TEXTS.answered).getByTestId('followup-due').textContent()).toBe('còn 5 ngày');
    await screenshot(page, 'followup-list');

    await page.getByTestId('filter-overdue').check();
    await poll(() => rows().count()).toBe(2);
    expect(await rows().getByTestId('followup-text').allTextContents()).toEqual([TEXTS.assigned, TEXTS.forwarded]);
    await page.getByTestId('filter-due-soon').check();
    await page.getByTestId('filter-overdue').uncheck();
    await poll(() => rows().count()).toBe(1);
    expect(await rows().getByTestId('followup-text').textContent()).toBe(TEXTS.answered);
    await page.getByTestId('filter-due-soon').uncheck();
    await page.getByTestId('filter-overdue').check();
    await poll(() => rows().count()).toBe(2);
  });

  it('Ctrl+A and Enter update both at once: a date after today is refused at its field, a note typed through the IME is saved as typed', async () => {
    const ids = [concernByText(TEXTS.assigned).id, concernByText(TEXTS.forwarded).id];
    await page.getByTestId('followup-list').focus();
    await page.keyboard.press('Control+A');
    await poll(() => page.getByTestId('followup-count').textContent()).toBe('2 nội dung — đã đánh dấu 2');
    await page.keyboard.press('Enter');
    const form = page.getByTestId('status-form');
    await form.waitFor();
    expect(await form.locator('h2').textContent()).toBe('Cập nhật kết quả giải quyết 2 nội dung');
    expect(await form.getByTestId('status-form-matters').textContent()).toContain(TEXTS.forwarded);

    // ← from "Đã giải quyết" chooses "Đang giải quyết".
    await waitFocus(page, '[data-testid="status-resolved"]');
    await page.keyboard.press('ArrowLeft');
    expect(await form.getByTestId('status-inProgress').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await waitFocus(page, '[data-testid="status-date"]');
    expect(await form.getByTestId('status-date').inputValue()).toBe(isoToVn(TODAY));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(isoToVn(isoDaysFromToday(1)));
    await page.keyboard.press('Enter');
    await form.getByTestId('status-date-message').waitFor();
    expect(await form.getByTestId('status-date-message').textContent()).toContain('ở sau hôm nay');
    expect(await form.getByTestId('status-date').getAttribute('aria-invalid')).toBe('true');
    // Answered in the form: nothing is waiting to be sent again.
    expect(await page.getByTestId('save-indicator').getAttribute('data-state')).toBe('saved');
    expect(ids.flatMap(historyOf)).toEqual([]);
    // The refusal was the backend's answer (HTTP 400), which Chromium logs: expected here, once.
    expect(app.problems.splice(0)).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);

    await page.keyboard.press('Control+A');
    await page.keyboard.type(isoToVn(TODAY));
    expect(await form.getByTestId('status-date-message').count()).toBe(0);
    // Who reported it: the agency typeahead; Enter on a suggestion picks it and does not save.
    await page.keyboard.press('Tab');
    await waitFocus(page, '[data-testid="status-reported-by"]');
    await page.keyboard.type('phong kinh');
    await page.getByTestId('reporter-suggestions').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await form.getByTestId('status-reported-by').inputValue()).toBe('Phòng Kinh tế');
    expect(await form.isVisible()).toBe(true);

    // The note, through an input method: Ctrl+Enter while it composes belongs to the IME.
    await form.getByTestId('status-note').click();
    await cdp.send('Input.imeSetComposition', { text: 'Đã khả', selectionStart: 6, selectionEnd: 6 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, modifiers: 2 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, modifiers: 2 });
    await page.waitForTimeout(150);
    expect(await form.isVisible()).toBe(true);
    expect(ids.flatMap(historyOf)).toEqual([]);
    await cdp.send('Input.insertText', { text: NOTE });
    expect(await form.getByTestId('status-note').inputValue()).toBe(NOTE);

    await form.getByTestId('status-reference').click();
    await page.keyboard.type('Công văn số 125/UBND-KT');
    await screenshot(page, 'followup-form');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await waitFocus(page, '[data-testid="followup-list"]');
    await waitSaved(page);

    for (const id of ids) {
      expect(historyOf(id)).toEqual([{ status: 'inProgress', changed_on: TODAY, note: NOTE.normalize('NFC'), reported_by: 'Phòng Kinh tế', reference_doc: 'Công văn số 125/UBND-KT' }]);
    }
    // Still overdue (in progress is not resolved), now "Đang giải quyết", marks cleared.
    await poll(() => rows().getByTestId('followup-outcome').allTextContents()).toEqual(['Đang giải quyết', 'Đang giải quyết']);
    expect(await page.getByTestId('followup-count').textContent()).toBe('2 nội dung');
    expect(app.problems).toEqual([]);
  });

  it('the history of the matter under the cursor: every entry dated, newest last, nothing to edit, and it says how to correct', async () => {
    await page.getByTestId('filter-overdue').uncheck();
    await poll(() => rows().count()).toBe(3);
    await page.getByTestId('followup-list').focus();
    // Move the cursor to the answered matter, wherever the sort put it.
    const order = await rows().getByTestId('followup-text').allTextContents();
    await page.keyboard.press('Home');
    for (let i = 0; i < order.indexOf(TEXTS.answered); i++) await page.keyboard.press('ArrowDown');
    const history = page.getByTestId('followup-history');
    await poll(() => history.getByTestId('history-entry').count()).toBe(3);
    expect(await history.getByTestId('history-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['open', 'resolved', 'open']);
    expect(await history.getByTestId('history-date').allTextContents()).toEqual(Array(3).fill(isoToVn(CONFERENCE_DATE)));
    expect(await history.locator('input, textarea, button, select, [contenteditable]').count()).toBe(0);
    expect(await history.getByTestId('history-hint').textContent()).toContain('ghi sai thì cập nhật thêm một lần mới');

    await page.keyboard.press('Home');
    for (let i = 0; i < order.indexOf(TEXTS.assigned); i++) await page.keyboard.press('ArrowDown');
    await poll(() => history.getByTestId('history-note').allTextContents()).toEqual([NOTE]);
    await screenshot(page, 'followup-history');
  });

  it('the search ignores diacritics; the period is the conferences\' dates, a malformed one named under its box', async () => {
    await page.getByTestId('followup-search').fill('muong thoat nuoc');
    await poll(() => rows().getByTestId('followup-text').allTextContents()).toEqual([TEXTS.assigned]);
    await page.getByTestId('filter-clear').click();
    await poll(() => rows().count()).toBe(3);

    await page.getByTestId('followup-from').fill(isoToVn(isoDaysFromToday(-59)));
    await poll(() => rows().count()).toBe(0);
    await page.getByTestId('followup-from').fill(isoToVn(CONFERENCE_DATE));
    await poll(() => rows().count()).toBe(3);
    await page.getByTestId('followup-to').fill('31/13/2026');
    await page.getByTestId('followup-to').press('Tab');
    await page.getByTestId('followup-to-message').waitFor();
    expect(await page.getByTestId('followup-to-message').textContent()).toContain('Ngày không hợp lệ');
    expect(await page.getByTestId('followup-to').getAttribute('aria-invalid')).toBe('true');
    expect(await rows().count()).toBe(3);
    await page.getByTestId('filter-clear').click();
    expect(await page.getByTestId('followup-to').inputValue()).toBe('');
    await poll(() => rows().count()).toBe(3);
    expect(await page.getByTestId('followup-search').inputValue()).toBe('');
  });

  it('"In danh sách theo cơ quan" prints the filter in force, one agency per page, on A4', async () => {
    await page.getByTestId('filter-overdue').check();
    await poll(() => rows().count()).toBe(2);
    await page.getByTestId('followup-print-open').click();
    await page.getByTestId('followup-print').waitFor();
    await poll(() => page.getByTestId('print-group').count()).toBe(2);
    expect(await page.getByTestId('print-agency').allTextContents()).toEqual(['Phòng Kinh tế', 'UBND tỉnh']);
    await screenshot(page, 'followup-print');

    const pdf = path.join(dir, 'theo-doi.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2\b/);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    // Reading order, spaces collapsed: a cell's words may wrap onto two lines.
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    const pages = text.split('\f').map((p) => p.replace(/\s+/g, ' '));
    expect(pages[0]).toContain('DANH SÁCH NỘI DUNG KIẾN NGHỊ, PHẢN ÁNH');
    expect(pages[0]).toContain('Phòng Kinh tế');
    expect(pages[0]).toContain('Phạm vi: Quá hạn');
    expect(pages[0]).toContain('quá hạn 40 ngày');
    expect(pages[0]).not.toContain('UBND tỉnh');
    expect(pages[1]).toContain('UBND tỉnh');
    expect(text).not.toContain(TEXTS.answered.slice(0, 20));
    // The app's controls never print.
    expect(text).not.toContain('Đóng (Esc)');
    expect(text).not.toContain('Theo dõi');
    fs.copyFileSync(pdf, path.join(path.dirname(await screenshot(page, 'followup-print')), 'followup-print.pdf'));

    await page.keyboard.press('Escape');
    await page.getByTestId('followup-list').waitFor();
    await waitFocus(page, '[data-testid="followup-list"]');
    expect(app.problems).toEqual([]);
  });
});

describe('Theo dõi at a parent unit', () => {
  it('a matter received from a unit is read only unless forwarded here: never marked, Enter says why, nothing written; the unit filter appears', async () => {
    // A unit below sends its conference up: a package from its own database, imported here.
    const child = await startHost({ dbPath: `${dir}/child.sqlite` });
    let files: Array<{ name: string; base64: string }>;
    try {
      const { id } = await apiCall(child, 'scenarios.load', loadScenarioFile('phuong-hoa-binh-2026.json'));
      const exported = await apiCall(child, 'packages.export', { conferenceId: id });
      files = [{ name: exported.fileName, base64: exported.base64 }];
    } finally {
      await child.stop();
    }
    const [result] = await apiCall(host, 'packages.import', { files });
    expect(result?.outcome).toBe('imported');

    await reopen(page, host.url, { route: '/theo-doi' });
    await page.getByTestId('followup-screen').waitFor();
    await page.getByTestId('filter-unit').selectOption({ label: 'Phường Hòa Bình' });
    const rows = page.getByTestId('followup-row');
    await poll(() => rows.count()).toBe(15);
    expect(await rows.getByTestId('followup-outcome').count()).toBe(15);
    const received = withDb(host.dbPath, (db) => db.prepare('SELECT COUNT(*) AS n FROM concern_status_changes').get() as { n: number }).n;

    // Ctrl+A marks only what this level answers: the matters the unit forwarded to it.
    const forwarded = withDb(host.dbPath, (db) => db.prepare("SELECT COUNT(*) AS n FROM concerns WHERE handling = 'forwarded' AND deleted_at IS NULL AND conference_id IN (SELECT conference_id FROM imported_conferences)").get() as { n: number }).n;
    await page.getByTestId('followup-list').focus();
    await page.keyboard.press('Control+A');
    expect(await page.getByTestId('followup-count').textContent()).toBe(`15 nội dung — đã đánh dấu ${forwarded}`);
    await page.keyboard.press('Escape');
    // One the unit keeps for itself: Space marks nothing, Enter says why.
    await page.getByPlaceholder('Gõ từ cần tìm').fill('thoat nuoc');
    await poll(async () => (await rows.getByTestId('followup-text').allTextContents()).map((t) => t.normalize('NFC').includes('thoát nước'))).toEqual([true]);
    await page.getByTestId('followup-list').focus();
    await page.keyboard.press('Space');
    expect(await page.getByTestId('followup-count').textContent()).toBe('1 nội dung');
    await page.keyboard.press('Enter');
    await page.getByTestId('notice').filter({ hasText: 'chỉ xem' }).waitFor();
    expect(await page.getByTestId('status-form').count()).toBe(0);
    expect(await page.getByTestId('detail-received').textContent()).toContain('đơn vị tự ghi kết quả giải quyết');
    expect(withDb(host.dbPath, (db) => db.prepare('SELECT COUNT(*) AS n FROM concern_status_changes').get() as { n: number }).n).toBe(received);
    await screenshot(page, 'followup-parent');
    expect(app.problems).toEqual([]);
  });
});
