/**
 * The live screen beyond straight typing: demo data, delete and undo (keyboard and
 * button), the speaker typeahead across conferences, IME composition, and what the
 * secretary sees when the host is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  killAndRestart,
  launchBrowser,
  loadScenarioFile,
  openApp,
  readCounters,
  removeTempDir,
  reopen,
  snapshot,
  startHost,
  tempDir,
  waitFocus,
  waitSaved,
  withDb,
  type AppPage,
  type Host,
} from './support';

const hoaBinh = loadScenarioFile('phuong-hoa-binh-2026.json');
const tanLap = loadScenarioFile('xa-tan-lap-2026.json');

/** Words that would betray an untranslated string on screen. */
const ENGLISH = /\b(undefined|null|NaN|error|failed|loading|save[ds]?|delete|cancel|true|false)\b/i;

let browser: Browser;
let host: Host;
let dir: string;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  dir = tempDir();
  host = await startHost({ dbPath: `${dir}/doithoai.sqlite` });
  browser = await launchBrowser();
  app = await openApp(browser, host.url);
  page = app.page;
});

afterAll(async () => {
  await app?.context.close();
  await browser?.close();
  await host?.stop();
  if (dir) removeTempDir(dir);
});

async function openConference(title: string): Promise<string> {
  await page.getByTestId('nav-list').click();
  const row = page.getByTestId('conference-row').filter({ hasText: title.normalize('NFC') });
  await row.getByTestId('conference-open').click();
  await page.getByTestId('live-screen').waitFor();
  const m = /hoi-nghi\/([0-9a-f-]{36})/.exec(await page.evaluate(() => window.location.hash));
  return m![1]!;
}

function expectedCounters(e: typeof hoaBinh.expected) {
  return {
    turns: e.turns,
    concerns: e.concernsTotal,
    answered: e.byHandling.answered,
    assigned: e.byHandling.assigned,
    forwarded: e.byHandling.forwarded,
    noted: e.byHandling.noted,
  };
}

describe('màn hình ghi trực tiếp', () => {
  let hoaBinhId: string;

  it('loads the demo data from the first-run screen; counters match the scenarios', async () => {
    await page.getByTestId('setup-screen').waitFor();
    await page.getByTestId('demo-load').click();
    await page.getByTestId('list-screen').waitFor();
    await page.getByTestId('conference-row').nth(1).waitFor();
    expect(await page.getByTestId('conference-row').count()).toBe(2);

    await openConference(tanLap.conference.title);
    expect(await readCounters(page)).toEqual(expectedCounters(tanLap.expected));
    hoaBinhId = await openConference(hoaBinh.conference.title);
    expect(await readCounters(page)).toEqual(expectedCounters(hoaBinh.expected));
    // Key names on the keycaps (Alt+Delete) are not sentences; everything else is Vietnamese.
    const visible = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('kbd').forEach((k) => k.remove());
      document.body.append(clone);
      clone.style.position = 'absolute';
      const text = clone.innerText;
      clone.remove();
      return text;
    });
    expect(visible).not.toMatch(ENGLISH);
  });

  // Alt+Delete, not Ctrl+Delete: that is Windows' "delete next word" in a text box (issue 8, C12).
  it('deletes a concern with Alt+Delete and brings it back with Ctrl+Shift+Z', async () => {
    const before = await readCounters(page);
    const firstTurn = page.getByTestId('turn-item').first();
    const concern = firstTurn.getByTestId('concern-item').first();
    const concernId = await concern.getAttribute('data-concern-id');
    await concern.getByTestId('concern-text').click();
    await page.keyboard.press('Alt+Delete');
    await page.getByTestId('undo-toast').waitFor();
    expect(await page.locator(`[data-concern-id="${concernId}"]`).count()).toBe(0);
    const after = await readCounters(page);
    expect(after.concerns).toBe(before.concerns - 1);
    expect(after.assigned).toBe(before.assigned - 1); // the first concern of the scenario is "assigned"
    await waitSaved(page);
    expect(snapshot(host.dbPath, hoaBinhId).counts.concernsTotal).toBe(before.concerns - 1);

    await page.keyboard.press('Control+Shift+Z');
    await page.locator(`[data-concern-id="${concernId}"]`).waitFor();
    await waitSaved(page);
    expect(await readCounters(page)).toEqual(before);
    expect(snapshot(host.dbPath, hoaBinhId).counts.concernsTotal).toBe(before.concerns);
  });

  it('deletes a turn with its button and restores it with the undo button', async () => {
    const before = await readCounters(page);
    const turn = page.getByTestId('turn-item').nth(1);
    const turnId = await turn.getAttribute('data-turn-id');
    const ownConcerns = await turn.getByTestId('concern-item').count();
    await turn.getByTestId('delete-turn').click();
    await page.getByTestId('undo-button').waitFor();
    const after = await readCounters(page);
    expect(after.turns).toBe(before.turns - 1);
    expect(after.concerns).toBe(before.concerns - ownConcerns);
    await waitSaved(page);
    expect(snapshot(host.dbPath, hoaBinhId).counts.turns).toBe(before.turns - 1);

    await page.getByTestId('undo-button').click();
    await page.locator(`[data-turn-id="${turnId}"]`).waitFor();
    await waitSaved(page);
    expect(await readCounters(page)).toEqual(before);
    expect(snapshot(host.dbPath, hoaBinhId).counts.turns).toBe(before.turns);
  });

  it('offers speakers of this and earlier conferences, told apart, and uses the chosen one', async () => {
    const count = await page.getByTestId('turn-item').count();
    await page.keyboard.press('F2');
    const turn = page.getByTestId('turn-item').nth(count);
    await turn.waitFor();
    await waitFocus(page, '[data-testid="speaker-input"]');
    // No registered speaker is left, so nothing is proposed.
    expect(await turn.getByTestId('speaker-input').inputValue()).toBe('');
    // The list answering the whole query, not one of the earlier letters'.
    const answered = page.waitForResponse((r) => r.url().includes('/api/speakers.suggest') && (r.request().postData() ?? '').includes('"query":"duc"'));
    await page.keyboard.type('duc');
    await answered;
    const suggestions = turn.getByTestId('speaker-suggestions');
    await suggestions.getByText('Mai Đức Toàn').waitFor();
    const texts = await suggestions.locator('li').allInnerTexts();
    expect(texts.some((t) => t.includes('Nguyễn Văn Đức') && t.includes('Tổ dân phố số 5'))).toBe(true);
    const other = texts.find((t) => t.includes('Mai Đức Toàn'))!;
    expect(other).toContain('02/10/2026'); // spoke at another conference, on that date
    const index = texts.findIndex((t) => t.includes('Mai Đức Toàn'));
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    expect(await turn.getByTestId('speaker-input').inputValue()).toBe('Mai Đức Toàn');
    const db = snapshot(host.dbPath, hoaBinhId);
    expect(db.turns[db.turns.length - 1]!.speaker).toMatchObject({ name: 'Mai Đức Toàn', organization: 'Nhân dân', registrationOrder: null });
    // The empty placeholder speaker of the new turn is gone.
    const placeholders = withDb(host.dbPath, (d) =>
      d.prepare(`SELECT COUNT(*) AS n FROM speakers WHERE conference_id = ? AND name = '' AND deleted_at IS NULL`).get(hoaBinhId),
    ) as { n: number };
    expect(placeholders.n).toBe(0);
  });

  it('sends nothing during IME composition and the composed text at its end', async () => {
    const turn = page.getByTestId('turn-item').last();
    await page.keyboard.press('F3');
    const concern = turn.getByTestId('concern-item').last();
    await concern.waitFor();
    await waitFocus(page, '[data-testid="concern-field"]');
    const concernId = (await concern.getAttribute('data-concern-id'))!;
    await waitSaved(page);
    await concern.getByTestId('concern-text').click();
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'vieet', selectionStart: 5, selectionEnd: 5 });
    const text = concern.getByTestId('concern-text');
    expect(await text.getAttribute('data-saved')).toBe('false');
    const stored = () =>
      (withDb(host.dbPath, (d) => d.prepare('SELECT text FROM concerns WHERE id = ?').get(concernId)) as { text: string }).text;
    expect(stored()).toBe('');
    await cdp.send('Input.insertText', { text: 'Việt' });
    await page.waitForFunction((id) => document.querySelector(`[data-concern-id="${id}"] [data-testid="concern-text"]`)?.getAttribute('data-saved') === 'true', concernId);
    await waitSaved(page);
    expect(stored()).toBe('Việt');
    await cdp.detach();
  });

  it('says so in Vietnamese when the host is gone, and works again on a restarted host', async () => {
    const text = page.getByTestId('concern-text').last();
    await text.click();
    await page.keyboard.press('End');
    await host.kill();
    await page.keyboard.type(' Nam');
    const indicator = page.getByTestId('save-indicator');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-indicator"]')?.getAttribute('data-state') === 'error');
    expect(await indicator.innerText()).toContain('Chưa lưu được — đang thử lại');
    // The reason is one hover away; the top bar stays one line at 1366 px, so the page does
    // not jump under her caret while she types on during the outage.
    expect(await indicator.locator('.save-text').getAttribute('title')).toContain('Không kết nối được với máy chủ ứng dụng');
    expect((await page.locator('.topbar').boundingBox())!.height).toBeLessThan(70);
    expect(app.problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);

    host = await killAndRestart(host);
    await reopen(page, host.url);
    await page.getByTestId('live-screen').waitFor();
    expect(await readCounters(page)).toEqual({ ...expectedCounters(hoaBinh.expected), turns: hoaBinh.expected.turns + 1, concerns: hoaBinh.expected.concernsTotal + 1 });
    const last = page.getByTestId('concern-text').last();
    // The host came back at the same address: what was typed while it was down is kept.
    expect(await last.inputValue()).toBe('Việt Nam');
    await last.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' ơi');
    await waitSaved(page);
    expect(snapshot(host.dbPath, hoaBinhId).concerns.some((c) => c.text === 'Việt Nam ơi')).toBe(true);
  });
});
