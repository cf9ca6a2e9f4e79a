/**
 * Times, titles, deleting and the agency catalog, through the API and the real UI at
 * 1366×768: an end before the start is refused next to the box (preparation screen and
 * end dialog), a turn's time is corrected on the live screen, an empty title is refused
 * and an untitled conference still opens, deleting a conference asks first and its undo
 * toast stays 30 s, new chair/guest rows take the caret, agencies are renamed, merged and
 * deleted in Cài đặt.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, launchBrowser, removeTempDir, reopen, retype, startHost, tempDir, waitSaved, withDb, type Host } from './support';

// The host and the browser on the one clock, as on the secretary's laptop: a time typed
// in the browser is turned into an instant by the host.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
process.env.TZ = TIME_ZONE;

let browser: Browser;
let host: Host;
let dir: string;
let context: BrowserContext;
let page: Page;
let conferenceId: string;
let turnId: string;

const conferenceRow = (id = conferenceId) =>
  withDb(host.dbPath, (db) => db.prepare('SELECT title, start_time, end_time, status, chairs, guests, deleted_at FROM conferences WHERE id = ?').get(id)) as {
    title: string;
    start_time: string;
    end_time: string | null;
    status: string;
    chairs: string;
    guests: string;
    deleted_at: string | null;
  };

async function newPage(): Promise<void> {
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: TIME_ZONE });
  // Timers under the test's control: the undo toast's 30 s pass in a moment.
  await context.clock.install();
  page = await context.newPage();
  await page.goto(host.url);
  await page.waitForSelector('.app');
}

async function activeTestId(): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

beforeAll(async () => {
  dir = tempDir();
  host = await startHost({ dbPath: `${dir}/doithoai.sqlite` });
  browser = await launchBrowser();
  await apiCall(host, 'unit.save', { name: 'Xã Tân Lập', level: 'xã', parentName: 'Tỉnh Hải Đông' });
  const conference = await apiCall(host, 'conferences.create', { title: 'Đối thoại buổi tối', date: '2026-10-02', startTime: '19:30' });
  conferenceId = conference.id;
  turnId = (await apiCall(host, 'turns.start', { conferenceId, speaker: { name: 'Lê Văn Tám' } })).turn.id;
  await apiCall(host, 'concerns.add', { conferenceId, turnId, initial: { text: 'Đường hỏng', handling: 'assigned', agencyName: 'Phòng Kin tế' } });
  await apiCall(host, 'concerns.add', { conferenceId, turnId, initial: { text: 'Chợ xuống cấp', handling: 'assigned', agencyName: 'Phòng Kin tế' } });
  await apiCall(host, 'concerns.add', { conferenceId, turnId, initial: { text: 'Cống tắc', handling: 'assigned', agencyName: 'Phòng Kinh tế' } });
  const unused = await apiCall(host, 'concerns.add', { conferenceId, turnId, initial: { text: 'Đèn đường', handling: 'assigned', agencyName: 'UBDN xã' } });
  await apiCall(host, 'concerns.update', { id: unused.id, patch: { agencyName: null } });
  await newPage();
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await host?.stop();
  if (dir) removeTempDir(dir);
});

describe('A1: start, end and turn times', () => {
  it('the API refuses an end before the start with a Vietnamese message and stores nothing', async () => {
    await expect(apiCall(host, 'conferences.update', { id: conferenceId, patch: { endTime: '00:26' } })).rejects.toThrow(
      /invalid_input Giờ kết thúc \(00:26\) không được trước giờ bắt đầu \(19:30\)/,
    );
    await expect(apiCall(host, 'conferences.close', { id: conferenceId, endTime: '18:00' })).rejects.toThrow(/Giờ kết thúc \(18:00\)/);
    expect(conferenceRow()).toMatchObject({ end_time: null, status: 'live' });
  });

  it('the preparation screen shows the refusal next to the end time, then saves a corrected one', async () => {
    await reopen(page, host.url, { route: `/hoi-nghi/${conferenceId}` });
    await page.getByTestId('prepare-screen').waitFor();
    await page.getByTestId('conference-end').click();
    await page.keyboard.type('00:26');
    const message = page.getByTestId('conference-end-message');
    await message.waitFor();
    expect(await message.innerText()).toContain('Giờ kết thúc (00:26) không được trước giờ bắt đầu (19:30)');
    await waitSaved(page);
    expect(conferenceRow().end_time).toBeNull();

    await retype(page, '23:55');
    await message.waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(conferenceRow().end_time).toBe('23:55');

    // Moving the start past the end is refused on the start box.
    await page.getByTestId('conference-start').click();
    await retype(page, '23:58');
    await page.getByTestId('conference-start-message').waitFor();
    expect(conferenceRow().start_time).toBe('19:30');
    await retype(page, '19:30');
    await page.getByTestId('conference-start-message').waitFor({ state: 'detached' });
    await waitSaved(page);

    // A start refused because of the end is sent again once the end moves past it: the box
    // never shows a time that is not the stored one without saying so.
    await retype(page, '23:58');
    await page.getByTestId('conference-start-message').waitFor();
    await page.getByTestId('conference-end').click();
    await retype(page, '23:59');
    await page.getByTestId('conference-start-message').waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(conferenceRow().start_time).toBe('23:58');
    expect(conferenceRow().end_time).toBe('23:59');
    await page.getByTestId('conference-start').click();
    await retype(page, '19:30');
    await waitSaved(page);
    expect(conferenceRow().start_time).toBe('19:30');
  });

  it('a turn time is corrected from the keyboard on the live screen, on the conference date', async () => {
    await page.getByTestId('go-live').click();
    await page.getByTestId('live-screen').waitFor();
    const box = page.locator(`[data-turn-id="${turnId}"]`).getByTestId('turn-time');
    await box.focus();
    await retype(page, '19:47');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    const stored = withDb(host.dbPath, (db) => db.prepare('SELECT started_at FROM turns WHERE id = ?').get(turnId)) as { started_at: string };
    expect(stored.started_at).toBe(new Date(2026, 9, 2, 19, 47).toISOString());
    // The same time after a reload: the screen shows what is stored.
    await reopen(page, host.url);
    await page.getByTestId('live-screen').waitFor();
    expect(await page.locator(`[data-turn-id="${turnId}"]`).getByTestId('turn-time').inputValue()).toBe('19:47');
  });

  it('the end dialog offers the clock, refuses an end before the start next to the box, and closes with a corrected time', async () => {
    await page.getByTestId('close-conference').click();
    const box = page.getByTestId('close-end-time');
    await box.waitFor();
    const clock = await page.evaluate(() => {
      const d = new Date();
      return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    });
    expect(await box.inputValue()).toBe(clock);
    expect(await activeTestId()).toBe('close-end-time');

    await page.keyboard.type('00:26'); // the offered time is selected: typing replaces it
    await page.keyboard.press('Enter');
    const message = page.getByTestId('close-end-message');
    await message.waitFor();
    expect(await message.innerText()).toContain('Giờ kết thúc (00:26) không được trước giờ bắt đầu (19:30)');
    expect(conferenceRow().status).toBe('live');

    await box.fill('23:40');
    await page.keyboard.press('Enter');
    await page.getByTestId('closed-banner').waitFor();
    expect(await page.getByTestId('closed-banner').innerText()).toContain('23:40');
    expect(conferenceRow()).toMatchObject({ status: 'closed', end_time: '23:40' });

    const preview = await apiCall(host, 'documents.preview', { conferenceId, settings: {} });
    const text = [...preview.body, ...preview.closing].flatMap((p) => p.runs.map((r) => r.text)).join(' ');
    expect(text).toContain('kết thúc vào hồi 23 giờ 40 phút cùng ngày');
  });
});

describe('C11 and C15: required title, new rows take the caret', () => {
  it('an emptied title is refused next to the box and the stored one stays', async () => {
    await expect(apiCall(host, 'conferences.update', { id: conferenceId, patch: { title: ' ' } })).rejects.toThrow(/invalid_input/);
    await reopen(page, host.url, { route: `/hoi-nghi/${conferenceId}` });
    await page.getByTestId('prepare-screen').waitFor();
    await page.getByTestId('conference-title').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    // Unikey empties the box for a moment while it rewrites a first letter: nothing is sent,
    // and the message shows once she leaves the box.
    await page.keyboard.press('Tab');
    const message = page.locator('label:has([data-testid="conference-title"]) [data-testid="field-problem"]');
    await message.waitFor();
    expect(await message.innerText()).toBe('Không được để trống.');
    expect(conferenceRow().title).toBe('Đối thoại buổi tối');
    // The top bar keeps naming the conference by its stored title.
    expect(await page.locator('.topbar-title').innerText()).toBe('Đối thoại buổi tối');
    await page.getByTestId('conference-title').click();
    await page.keyboard.type('Đối thoại buổi tối thôn Đông');
    await message.waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(conferenceRow().title).toBe('Đối thoại buổi tối thôn Đông');
  });

  it('"+ Thêm người chủ trì" and "+ Thêm khách mời" put the caret in the new name box', async () => {
    await page.getByTestId('add-chair').click();
    await expect.poll(activeTestId).toBe('chair-name');
    await page.keyboard.type('Ông Nguyễn Hữu Phước');
    // The minutes write "đồng chí …" themselves: an honorific in a chair's name is pointed out.
    const caution = page.locator('[data-testid="chair-row"] [data-testid="field-caution"]');
    await caution.waitFor();
    expect(await caution.innerText()).toContain('Bỏ danh xưng “Ông”');
    await retype(page, 'Nguyễn Hữu Phước');
    await caution.waitFor({ state: 'detached' });
    await page.getByTestId('add-guest').click();
    await expect.poll(activeTestId).toBe('guest-input');
    await page.keyboard.type('Đại diện Ủy ban MTTQ tỉnh');
    await waitSaved(page);
    const row = conferenceRow();
    expect(JSON.parse(row.chairs)).toEqual([{ name: 'Nguyễn Hữu Phước', position: '' }]);
    expect(JSON.parse(row.guests)).toEqual(['Đại diện Ủy ban MTTQ tỉnh']);
  });

  it('a conference stored without a title still has a link in the list', async () => {
    const untitled = await apiCall(host, 'conferences.create', { title: 'Tạm', date: '2026-11-05' });
    // As an older database or a hand-edited file may hold it.
    const db = new Database(host.dbPath);
    try {
      db.prepare(`UPDATE conferences SET title = '' WHERE id = ?`).run(untitled.id);
    } finally {
      db.close();
    }
    await reopen(page, host.url, { route: '/' });
    const link = page.locator(`[data-conference-id="${untitled.id}"]`).getByTestId('conference-open');
    expect(await link.innerText()).toBe('(chưa có tên)');
    await link.click();
    await page.getByTestId('prepare-screen').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toContain(untitled.id);
  });
});

describe('C12: deleting a conference', () => {
  it('asks first, naming it and its counts; Escape keeps it', async () => {
    await reopen(page, host.url, { route: '/' });
    const row = page.locator(`[data-conference-id="${conferenceId}"]`);
    await row.getByTestId('conference-delete').click();
    const text = await page.getByTestId('delete-text').innerText();
    expect(text).toBe('Xóa hội nghị “Đối thoại buổi tối thôn Đông” cùng 1 lượt ý kiến và 4 nội dung kiến nghị, phản ánh?');
    expect(await activeTestId()).toBe('cancel-delete');
    await page.keyboard.press('Escape');
    await page.getByTestId('delete-dialog').waitFor({ state: 'detached' });
    await expect.poll(activeTestId).toBe('conference-delete');
    expect(conferenceRow().deleted_at).toBeNull();
  });

  it('deletes on confirmation; the undo toast names Ctrl+Shift+Z and stays 30 s', async () => {
    const row = page.locator(`[data-conference-id="${conferenceId}"]`);
    await row.getByTestId('conference-delete').click();
    await page.getByTestId('confirm-delete').click();
    await row.waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(conferenceRow().deleted_at).not.toBeNull();
    const toast = page.getByTestId('undo-toast');
    expect(await toast.innerText()).toContain('Ctrl+Shift+Z');

    await page.clock.fastForward(29_000);
    expect(await toast.isVisible()).toBe(true);
    await page.keyboard.press('Control+Shift+Z');
    await row.waitFor();
    await waitSaved(page);
    expect(conferenceRow().deleted_at).toBeNull();

    // Deleted again and left alone, the toast goes after its 30 s.
    await row.getByTestId('conference-delete').click();
    await page.getByTestId('confirm-delete').click();
    await toast.waitFor();
    await page.clock.fastForward(31_000);
    await toast.waitFor({ state: 'detached' });
    await apiCall(host, 'conferences.restore', { id: conferenceId });
  });
});

describe('C15: the agency catalog in Cài đặt', () => {
  const agencies = () =>
    withDb(host.dbPath, (db) =>
      db.prepare(
        `SELECT a.name, (SELECT COUNT(*) FROM concerns k WHERE k.agency_id = a.id AND k.deleted_at IS NULL) AS n
         FROM agencies a WHERE a.deleted_at IS NULL ORDER BY a.name_folded`,
      ).all(),
    ) as Array<{ name: string; n: number }>;
  const names = () => page.getByTestId('agency-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const agencyRow = async (name: string) => {
    const at = (await names()).indexOf(name);
    if (at < 0) throw new Error(`no agency row "${name}"`);
    return page.getByTestId('agency-row').nth(at);
  };

  it('renames, refuses to delete one in use (saying why), merges a typo into the right name, deletes and undoes', async () => {
    await reopen(page, host.url, { route: '/' });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('agency-catalog').waitFor();
    expect(await names()).toEqual([
      'Phòng Kin tế',
      'Phòng Kinh tế',
      'UBDN xã',
    ]);
    expect(await page.getByTestId('agency-usage').allInnerTexts()).toEqual(['2 nội dung', '1 nội dung', 'chưa giao nội dung nào']);

    // Rename, from the keyboard.
    await (await agencyRow('UBDN xã')).getByTestId('agency-name').focus();
    await retype(page, 'UBND xã');
    await waitSaved(page);
    expect(agencies().map((a) => a.name)).toEqual(['Phòng Kin tế', 'Phòng Kinh tế', 'UBND xã']);

    // Delete one still in use: refused, and the row says why.
    const used = await agencyRow('Phòng Kinh tế');
    await used.getByTestId('agency-delete').click();
    await used.getByTestId('agency-message').waitFor();
    expect(await used.getByTestId('agency-message').innerText()).toContain('còn 1 nội dung');
    expect(agencies()).toHaveLength(3);

    // Merge the typo into the right name: both of its matters move.
    const typo = await agencyRow('Phòng Kin tế');
    await typo.getByTestId('agency-merge-target').selectOption({ label: 'Phòng Kinh tế' });
    await typo.getByTestId('agency-merge').click();
    await page.getByTestId('agency-row').nth(1).waitFor();
    await expect.poll(() => page.getByTestId('agency-row').count()).toBe(2);
    expect(agencies()).toEqual([
      { name: 'Phòng Kinh tế', n: 3 },
      { name: 'UBND xã', n: 0 },
    ]);
    expect(await page.getByTestId('agency-usage').allInnerTexts()).toEqual(['3 nội dung', 'chưa giao nội dung nào']);

    // Delete the unused one, then undo with Ctrl+Shift+Z.
    await (await agencyRow('UBND xã')).getByTestId('agency-delete').click();
    await expect.poll(() => page.getByTestId('agency-row').count()).toBe(1);
    expect(agencies().map((a) => a.name)).toEqual(['Phòng Kinh tế']);
    expect(await page.getByTestId('undo-toast').innerText()).toContain('Ctrl+Shift+Z');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => page.getByTestId('agency-row').count()).toBe(2);
    expect(agencies().map((a) => a.name)).toEqual(['Phòng Kinh tế', 'UBND xã']);
  });
});
