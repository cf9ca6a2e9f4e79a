/**
 * The hosts find the worker they lay documents out in: from source (tests, benchmarks) and
 * as the bundle the build writes beside theirs. A worker that cannot be found is not an
 * error — documents are then laid out in the main thread — so nothing else would notice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_BUNDLE, workerSource } from '../../../electron/worker/client';
import { makeTempDir } from '../support/temp-db';

const root = path.resolve(__dirname, '../../..');

describe('the background worker is found', () => {
  it('from source: the entry beside the client', () => {
    const source = workerSource(path.join(root, 'electron/worker/client.ts'));
    expect(source?.eval).toBe(true);
    expect(source?.code).toContain(JSON.stringify(path.join(root, 'electron/worker/main.ts')));
  });

  it('bundled: the build writes the worker under the name the hosts look for', () => {
    const build = fs.readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8');
    expect(build).toMatch(new RegExp(`entryPoints: \\['electron/worker/main\\.ts'\\], outfile: 'dist/electron/${WORKER_BUNDLE.replace('.', '\\.')}'`));
    const tmp = makeTempDir();
    try {
      const host = tmp.file('web-host.cjs');
      expect(workerSource(host)).toBeNull();
      fs.writeFileSync(tmp.file(WORKER_BUNDLE), '');
      expect(workerSource(host)).toEqual({ code: tmp.file(WORKER_BUNDLE), eval: false });
    } finally {
      tmp.cleanup();
    }
  });
});
