/**
 * Benchmarks through the real renderer in Chromium and the real browser host:
 * - keystroke → durable: each keystroke typed into a concern, until a second SQLite
 *   connection reads it back;
 * - live-screen input latency with 300 turns / 600 concerns: keydown to the next frame;
 * - cold start: host process spawned → live screen of that conference interactive.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openBackend } from '../../electron/backend';
import { launchBrowser, openApp, openDbReadOnly, removeTempDir, startHost, tempDir, type Host } from '../e2e/support';
import { call, generateConference } from './generate';
import { line, ms, percentile } from './stats';

const SPEECH = 'Đề nghị phường sớm sửa chữa mặt đường ngõ 12 bị lún, nứt sau khi thi công đường ống cấp nước; bà con đi lại khó khăn, nhất là người già và học sinh.';
/** A fast secretary: about ten characters a second. */
const KEY_INTERVAL_MS = 100;

async function openLive(page: Page, conferenceId: string): Promise<void> {
  await page.evaluate((id) => {
    window.location.hash = `#/hoi-nghi/${id}/truc-tiep`;
  }, conferenceId);
  await page.getByTestId('live-screen').waitFor();
  await page.locator('[data-testid="concern-text"]').last().waitFor();
}

async function focusLastConcernText(page: Page): Promise<void> {
  const field = page.locator('[data-testid="concern-text"]').last();
  await field.click();
  await field.press('Control+End');
}

async function keystrokeToDurable(page: Page, host: Host, concernId: string): Promise<number[]> {
  const reader = openDbReadOnly(host.dbPath);
  const read = reader.prepare('SELECT text FROM concerns WHERE id = ?').pluck();
  const before = read.get(concernId) as string;
  const latencies: number[] = [];
  try {
    const chars = [...SPEECH];
    for (let i = 0; i < chars.length; i++) {
      const slot = performance.now();
      const expected = before + chars.slice(0, i + 1).join('');
      await page.keyboard.type(chars[i]!);
      const sent = performance.now();
      // Poll the second connection until the keystroke is there (give up after 5 s).
      while ((read.get(concernId) as string) !== expected) {
        if (performance.now() - sent > 5_000) {
          const focused = await page.evaluate(() => {
            const el = document.activeElement as HTMLTextAreaElement | null;
            return { testid: el?.dataset.testid, value: el?.value, concern: el?.closest<HTMLElement>('[data-concern-id]')?.dataset.concernId };
          });
          throw new Error(`keystroke ${i} never became durable: focus ${JSON.stringify(focused)}, stored ${JSON.stringify(read.get(concernId))}, expected concern ${concernId}`);
        }
        await new Promise((r) => setImmediate(r));
      }
      latencies.push(performance.now() - slot);
      const rest = KEY_INTERVAL_MS - (performance.now() - slot);
      if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    }
  } finally {
    reader.close();
  }
  return latencies;
}

interface InputTimes {
  /** keydown → the input event handled, React's commit included (main-thread work per key). */
  handled: number[];
  /** keydown → the frame after it (includes waiting for the display's next frame). */
  frame: number[];
}

/** Measured inside the page, from each keydown's own timestamp. */
async function inputLatency(page: Page, keystrokes: number): Promise<InputTimes> {
  await page.evaluate(() => {
    const w = window as unknown as { __times: { handled: number[]; frame: number[] }; __start: number; __keydown: number | null };
    w.__times = { handled: [], frame: [] };
    w.__keydown = null;
    // A key on the layout fires keydown first; a character typed through an IME or Unikey
    // may arrive as beforeinput alone. Time from whichever came first.
    document.addEventListener('keydown', (event) => (w.__keydown = event.timeStamp), { capture: true });
    document.addEventListener(
      'beforeinput',
      (event) => {
        const start = w.__keydown ?? event.timeStamp;
        w.__keydown = null;
        w.__start = start;
        requestAnimationFrame(() => setTimeout(() => w.__times.frame.push(performance.now() - start), 0));
      },
      { capture: true },
    );
    // Bubble phase on document runs after React's root listener has committed the change.
    document.addEventListener('input', () => queueMicrotask(() => w.__times.handled.push(performance.now() - w.__start)));
  });
  const chars = [...SPEECH];
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.type(chars[i % chars.length]!);
    await new Promise((r) => setTimeout(r, 30));
  }
  await new Promise((r) => setTimeout(r, 200));
  return page.evaluate(() => (window as unknown as { __times: InputTimes }).__times);
}

/** The same measure on a bare textarea in the same browser: the floor set by frames. */
async function bareTextareaLatency(browser: Awaited<ReturnType<typeof launchBrowser>>, keystrokes: number): Promise<InputTimes> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent('<textarea id="t" style="width:600px;height:100px"></textarea>');
  await page.focus('#t');
  const times = await inputLatency(page, keystrokes);
  await context.close();
  return times;
}

export async function benchUi(): Promise<void> {
  const dir = tempDir('doithoai-bench-ui-');
  const dbPath = path.join(dir, 'doithoai.sqlite');
  const browser = await launchBrowser();
  let host: Host | undefined;
  try {
    // A conference of 300 turns / 600 concerns, written through the API.
    const backend = openBackend({ dbPath, host: 'test' });
    const conferenceId = generateConference(backend, 300, 2);
    const detail = call<{ turns: Array<{ concerns: Array<{ id: string }> }> }>(backend, 'conferences.get', { id: conferenceId });
    const lastConcern = detail.turns.at(-1)!.concerns.at(-1)!.id;
    backend.close();

    // Cold start: spawn the host, open the app, reach an interactive live screen.
    const spawned = performance.now();
    host = await startHost({ dbPath });
    const listening = performance.now();
    const app = await openApp(browser, host.url);
    await openLive(app.page, conferenceId);
    await focusLastConcernText(app.page);
    const interactive = performance.now();

    const durable = await keystrokeToDurable(app.page, host, lastConcern);
    const latency = await inputLatency(app.page, 200);
    await app.context.close();
    const bare = await bareTextareaLatency(browser, 200);

    console.log('\nHội nghị 300 lượt / 600 nội dung, qua giao diện thật (Chromium) và máy chủ trình duyệt:');
    line('khởi động: tiến trình → sẵn sàng nhận yêu cầu', ms(listening - spawned));
    line('khởi động: tiến trình → màn hình trực tiếp dùng được', ms(interactive - spawned));
    console.log(`  Gõ ${durable.length} phím, ${KEY_INTERVAL_MS} ms một phím; phím → đã ghi bền vững (đọc bằng kết nối thứ hai):`);
    line('p50', ms(percentile(durable, 50)));
    line('p99', ms(percentile(durable, 99)), '≤ 50 ms');
    line('tối đa', ms(Math.max(...durable)));
    console.log(`  Độ trễ nhập liệu, ${latency.handled.length} phím; trong ngoặc: một ô textarea trống trong cùng trình duyệt:`);
    const vs = (mine: number[], floor: number[], p: number) => `${ms(percentile(mine, p))} (${ms(percentile(floor, p))})`;
    line('phím → xử lý xong, p50', vs(latency.handled, bare.handled, 50));
    line('phím → xử lý xong, p95', vs(latency.handled, bare.handled, 95), '< 16 ms');
    line('phím → khung hình kế tiếp, p50', vs(latency.frame, bare.frame, 50));
    line('phím → khung hình kế tiếp, p95', vs(latency.frame, bare.frame, 95));
    line('tỉ lệ khung hình p95 so với ô trống', `${(percentile(latency.frame, 95) / percentile(bare.frame, 95)).toFixed(2)}×`);
  } finally {
    await browser.close();
    await host?.stop();
    removeTempDir(dir);
  }
}
