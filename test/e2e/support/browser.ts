/** Chromium through playwright-core, with the flags a sandboxed CI box needs. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './host';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far (should stay empty). */
  problems: string[];
}

/** A new browser context (its own sessionStorage) with the app open at `url`. */
export async function openApp(browser: Browser, url: string): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  await page.waitForSelector('.app');
  return { context, page, problems };
}

/**
 * Opens a (restarted) host's address in the same page. By default the page comes back to
 * the screen it showed (the route travels in the hash, beside the new token); pass
 * `route: '/'` for the list, or another route such as `/hoi-nghi/<id>/truc-tiep`.
 */
export async function reopen(page: Page, url: string, options: { route?: string } = {}): Promise<void> {
  const parsed = new URL(url);
  const token = parsed.hash.replace(/^#token=/, '');
  let route = options.route;
  if (route === undefined) {
    try {
      route = (await page.evaluate(() => window.location.hash)).replace(/^#/, '');
    } catch {
      route = '';
    }
  }
  const hash = route && route !== '/' ? `#${route}&token=${token}` : `#token=${token}`;
  // A change of hash alone would not load the page again.
  await page.goto('about:blank');
  await page.goto(`${parsed.origin}/${hash}`);
  await page.waitForSelector('.app');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(ROOT, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
