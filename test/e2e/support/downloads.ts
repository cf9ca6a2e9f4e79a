/** Files the app hands to the user (a download in the browser host), saved where a test can read them. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Runs `trigger` (a click), waits for the download it starts and saves it in `dir` under its suggested name. */
export async function captureDownload(page: Page, trigger: () => Promise<unknown>, dir: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}
