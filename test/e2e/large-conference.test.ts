/**
 * A long conference (300 turns, 600 concerns) still works as a short one: it opens with
 * the right counters, typing saves every keystroke, F2 adds a turn. How fast it does so is
 * measured by `npm run bench`, not asserted here.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEFAULT_FIELDS } from '../../shared/fields';
import { HANDLINGS } from '../../shared/domain';
import { apiCall, launchBrowser, openApp, readCounters, removeTempDir, startHost, tempDir, waitFocus, waitSaved, withDb, type Host } from './support';

const TURNS = 300;
const CONCERNS_PER_TURN = 2;

let browser: Browser;
let host: Host;
let dir: string;
let conferenceId: string;

beforeAll(async () => {
  dir = tempDir();
  host = await startHost({ dbPath: `${dir}/doithoai.sqlite` });
  browser = await launchBrowser();
  await apiCall(host, 'unit.save', { name: 'Xã Thử Nghiệm', level: 'xã', parentName: 'Tỉnh Thử Nghiệm' });
  const conference = await apiCall(host, 'conferences.create', { title: 'Hội nghị dài', date: '2026-10-01' });
  conferenceId = conference.id;
  await apiCall(host, 'conferences.start', { id: conferenceId });
  for (let t = 0; t < TURNS; t++) {
    const { turn, speaker } = await apiCall(host, 'turns.start', { conferenceId, speakerId: null });
    await apiCall(host, 'speakers.update', { id: speaker.id, patch: { name: `Người phát biểu số ${t + 1}`, address: `Thôn ${t % 12}` } });
    for (let c = 0; c < CONCERNS_PER_TURN; c++) {
      await apiCall(host, 'concerns.add', {
        conferenceId,
        turnId: turn.id,
        initial: {
          fieldId: DEFAULT_FIELDS[(t + c) % DEFAULT_FIELDS.length]!.id,
          text: `Nội dung kiến nghị số ${c + 1} của lượt ${t + 1}: đề nghị xem xét giải quyết dứt điểm.`,
          handling: HANDLINGS[(t + c) % 4]!,
        },
      });
    }
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dir) removeTempDir(dir);
});

it('opens a 300-turn conference, types into its last concern and adds a turn with F2', async () => {
  const { page, context, problems } = await openApp(browser, host.url);
  try {
    await page.getByTestId('list-screen').waitFor();
    await page.getByTestId('conference-open').first().click();
    await page.getByTestId('turn-item').nth(TURNS - 1).waitFor({ state: 'attached' });

    expect(await readCounters(page)).toEqual({ turns: TURNS, concerns: TURNS * CONCERNS_PER_TURN, answered: 150, assigned: 150, forwarded: 150, noted: 150 });

    // Each keystroke in the last concern of the last turn is acknowledged as saved.
    const text = page.getByTestId('concern-text').last();
    const before = await text.inputValue();
    await text.click();
    await page.keyboard.press('End');
    const added = ' thêm ý kiến bổ sung';
    for (const ch of added) {
      await page.keyboard.type(ch);
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-saved') === 'true');
    }
    const concernId = await page.getByTestId('concern-item').last().getAttribute('data-concern-id');
    const stored = withDb(host.dbPath, (db) => db.prepare('SELECT text FROM concerns WHERE id = ?').get(concernId) as { text: string });
    expect(stored.text).toBe((before + added).normalize('NFC'));

    // F2 in a long conference adds turn 301 and puts the cursor in its speaker box.
    await page.keyboard.press('F2');
    await page.getByTestId('turn-item').nth(TURNS).waitFor();
    await waitFocus(page, '[data-testid="speaker-input"]');
    await waitSaved(page);
    expect((await readCounters(page)).turns).toBe(TURNS + 1);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});
