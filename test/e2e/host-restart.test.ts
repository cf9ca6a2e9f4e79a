/**
 * The browser host dies (SIGKILL) while the secretary types, and she starts it again with
 * the same command. The database keeps its address and token, so the page that stayed open
 * sends by itself what she typed during the outage; and if she pressed F5 while the host
 * was down, the reloaded tab sends it before showing anything.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  apiCall,
  killAndRunAgain,
  launchBrowser,
  openApp,
  removeTempDir,
  startWebCommand,
  tempDir,
  waitFocus,
  waitSaved,
  withDb,
  type AppPage,
  type Host,
} from './support';

const BEFORE = 'Đề nghị sửa đường ngõ 5, ';
/** 45 characters typed while the host is down. */
const DURING = 'mặt đường lún nứt, mưa là ngập cả ngõ nhà dân';

function storedConcernTexts(dbPath: string): string[] {
  return withDb(dbPath, (db) => (db.prepare('SELECT text FROM concerns WHERE deleted_at IS NULL ORDER BY seq').all() as Array<{ text: string }>).map((r) => r.text));
}

async function waitForStored(dbPath: string, expected: string, ms = 20_000): Promise<string[]> {
  const until = Date.now() + ms;
  let texts = storedConcernTexts(dbPath);
  while (!texts.includes(expected) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    texts = storedConcernTexts(dbPath);
  }
  return texts;
}

describe('máy chủ bản trình duyệt chết rồi chạy lại bằng cùng lệnh', () => {
  let browser: Browser;
  let dir: string;
  let host: Host;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    dir = tempDir('doithoai-restart-');
    host = await startWebCommand(`${dir}/doithoai.sqlite`);
    await apiCall(host, 'unit.save', { name: 'Phường Hòa Bình', level: 'phường', parentName: 'Thành phố Hải An' });
    const conference = await apiCall(host, 'conferences.create', { title: 'Hội nghị đối thoại thử khởi động lại', date: '2026-09-16', startTime: '14:00' });
    await apiCall(host, 'conferences.start', { id: conference.id });
    app = await openApp(browser, host.url);
    await app.page.evaluate((id) => {
      window.location.hash = `#/hoi-nghi/${id}/truc-tiep`;
    }, conference.id);
    await app.page.getByTestId('live-screen').waitFor();
  });

  afterEach(async () => {
    await app?.context.close();
    await host?.stop();
    if (dir) removeTempDir(dir);
  });

  /** A turn and the start of its concern, saved; leaves the caret in the concern text. */
  async function startConcern(page: Page): Promise<void> {
    await page.keyboard.press('F2');
    await waitFocus(page, '[data-testid="speaker-input"]');
    await page.keyboard.type('Trần Văn Bình', { delay: 10 });
    await page.keyboard.press('F3');
    await waitFocus(page, '[data-testid="concern-field"]');
    await page.keyboard.type('giao thong', { delay: 5 });
    await page.keyboard.press('Enter');
    await waitFocus(page, '[data-testid="concern-text"]');
    await page.keyboard.type(BEFORE, { delay: 10 });
    await waitSaved(page);
    expect(storedConcernTexts(host.dbPath)).toEqual([BEFORE]);
  }

  it('comes back at the same address and the open page sends the text typed during the outage', async () => {
    const { page } = app;
    await startConcern(page);
    const address = host.url;

    await host.kill();
    await page.keyboard.type(DURING, { delay: 10 });
    // The screen knows it is not saved.
    await page.waitForSelector('[data-testid="concern-text"][data-saved="false"]');
    expect(storedConcernTexts(host.dbPath)).toEqual([BEFORE]);

    host = await killAndRunAgain(host);
    expect(host.url).toBe(address);
    // No reload, no key: the page's own retries reach the host again.
    expect(await waitForStored(host.dbPath, BEFORE + DURING)).toEqual([BEFORE + DURING]);
    await waitSaved(page);
    expect(app.problems.filter((p) => !p.includes('ERR_CONNECTION_REFUSED') && !p.includes('Failed to load resource'))).toEqual([]);
  });

  it('keeps the text typed during the outage through an F5 while the host is down', async () => {
    const { page } = app;
    await startConcern(page);

    await host.kill();
    await page.keyboard.type(DURING, { delay: 10 });
    await page.waitForSelector('[data-testid="concern-text"][data-saved="false"]');
    // F5 with the host down: the browser shows its own error page.
    await page.reload().catch(() => undefined);

    host = await killAndRunAgain(host);
    // F5 again once the host is back: the same tab, the same address.
    await page.reload();
    await page.getByTestId('live-screen').waitFor();
    expect(await waitForStored(host.dbPath, BEFORE + DURING)).toEqual([BEFORE + DURING]);
    // The screen shows what was sent, not the text from before the outage.
    await expect.poll(() => page.getByTestId('concern-text').inputValue()).toBe(BEFORE + DURING);
    await waitSaved(page);
  });
});
