/**
 * The real app in the real Electron runtime, driven by Playwright's `_electron`: first run
 * on a fresh database, a turn with a concern recorded through the UI, then a relaunch that
 * must find them. Each launch gets its own user-data folder (DOITHOAI_USER_DATA) so it
 * never meets the secretary's own app, its lock or its log.
 *
 * Skipped, saying so, where there is no Electron runtime (its binary is downloaded from
 * outside the npm registry) or no Electron build of better-sqlite3.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectElectronRuntime } from '../../scripts/start-lib.mjs';

const root = path.resolve(__dirname, '../..');
const mainFile = path.join(root, 'dist', 'electron', 'main.cjs');
const nativeBinding = path.join(root, 'build', 'electron-native', 'better_sqlite3.node');
const runtime = detectElectronRuntime({
  electronDir: path.join(root, 'node_modules', 'electron'),
  env: process.env,
  platform: process.platform,
  exists: existsSync,
  readFile: (file) => readFileSync(file, 'utf8'),
});
const executablePath = runtime.path;
const ready = executablePath !== null && existsSync(nativeBinding);
if (!executablePath) console.log('Electron runtime not installed here: _electron suite skipped');
else if (!ready) console.log('No Electron build of better-sqlite3 (run: node scripts/electron-native.mjs): _electron suite skipped');

const UNIT_NAME = 'Phường Hòa Bình';
const SPEAKER = 'Nguyễn Văn An';
const CONCERN = 'Đề nghị sửa chữa tuyến đường liên khu phố 3, mùa mưa ngập sâu.';

describe.skipIf(!ready)('Electron app (_electron)', () => {
  let tmp = '';
  let dbPath = '';
  let userData = '';
  const opened: ElectronApplication[] = [];

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'doithoai-electron-'));
    dbPath = path.join(tmp, 'data', 'doithoai.sqlite');
    userData = path.join(tmp, 'user-data');
    if (!existsSync(mainFile)) execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  }, 300_000);

  afterAll(async () => {
    for (const app of opened) await app.close().catch(() => {});
    // The app's log, for whoever reads a failure.
    const log = path.join(userData, 'doithoai.log');
    if (existsSync(log)) console.log(`--- ${log}\n${readFileSync(log, 'utf8').slice(-4000)}`);
    rmSync(tmp, { recursive: true, force: true });
  });

  async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
    const app = await _electron.launch({
      executablePath: executablePath!,
      args: [mainFile, '--db', dbPath],
      env: { ...env, DOITHOAI_USER_DATA: userData },
      timeout: 60_000,
    });
    opened.push(app);
    const page = await app.firstWindow({ timeout: 60_000 });
    await page.waitForLoadState('domcontentloaded');
    return { app, page };
  }

  const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim() ?? '';
  const saved = (page: Page) => page.locator('[data-testid="save-indicator"][data-state="saved"]').waitFor({ timeout: 15_000 });

  it('records a turn with a concern and finds it after a relaunch', async () => {
    const first = await launch();
    let page = first.page;
    expect(page.url()).toMatch(/^app:\/\/doithoai\/index\.html/);

    // First run: describe the unit.
    await page.getByTestId('setup-screen').waitFor();
    await page.getByTestId('unit-name').fill(UNIT_NAME);
    await page.locator('[data-testid="setup-continue"]:not([disabled])').click();

    // Create a conference and start it.
    await page.getByTestId('list-screen').waitFor();
    await page.getByTestId('create-conference').click();
    await page.getByTestId('prepare-screen').waitFor();
    await page.getByTestId('start-conference').click();
    await page.getByTestId('live-screen').waitFor();

    // A turn, its speaker, and a concern.
    await page.getByTestId('new-turn-button').click();
    await page.getByTestId('speaker-input').first().fill(SPEAKER);
    await page.getByTestId('new-concern-button').click();
    await page.getByTestId('concern-text').first().fill(CONCERN);
    await saved(page);
    await expect.poll(() => text(page, 'counter-turns')).toBe('1');
    await expect.poll(() => text(page, 'counter-concerns')).toBe('1');

    await first.app.close();

    // Relaunch on the same database: everything is there.
    const second = await launch();
    page = second.page;
    await page.getByTestId('list-screen').waitFor();
    await expect.poll(() => text(page, 'row-turns')).toBe('1');
    await expect.poll(() => text(page, 'row-concerns')).toBe('1');
    await page.getByTestId('conference-open').first().click();
    await page.getByTestId('live-screen').waitFor();
    await expect.poll(() => text(page, 'counter-turns')).toBe('1');
    await expect.poll(() => text(page, 'counter-concerns')).toBe('1');
    await expect.poll(() => page.getByTestId('speaker-input').first().inputValue()).toBe(SPEAKER);
    await expect.poll(() => page.getByTestId('concern-text').first().inputValue()).toBe(CONCERN);
    await second.app.close();
  });

  it('keeps the security settings of production in the real runtime', async () => {
    const { app, page } = await launch();
    const facts = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.doiThoai as Record<string, unknown>;
      let network = 'allowed';
      try {
        await fetch('https://example.com/');
      } catch {
        network = 'blocked';
      }
      return {
        bridgeKeys: Object.keys(bridge),
        hasRequire: typeof w.require,
        hasProcess: typeof w.process,
        opened: window.open('https://example.com/') === null,
        network,
      };
    });
    expect(facts).toEqual({ bridgeKeys: ['invoke'], hasRequire: 'undefined', hasProcess: 'undefined', opened: true, network: 'blocked' });

    // A link or script cannot take the window off the app.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/doithoai\//);
    expect(app.windows()).toHaveLength(1);

    // The API answers through the bridge, and the main process checks method names.
    const answers = await page.evaluate(async () => {
      const bridge = (window as unknown as { doiThoai: { invoke(m: string, i: unknown): Promise<{ ok: boolean; error?: { code: string } }> } }).doiThoai;
      return { info: await bridge.invoke('app.info', {}), unknown: await bridge.invoke('db.drop', {}) };
    });
    expect(answers.info.ok).toBe(true);
    expect(answers.unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await app.close();
  });
});
