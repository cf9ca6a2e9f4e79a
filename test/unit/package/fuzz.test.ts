import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPackages } from '../../../electron/services/package-import';
import { dumpDatabase, FIXTURE_FILES, makeTempDir, openTestBackend, type TempDir, type TestBackend } from '../support/temp-db';
import { exportBytes, loadFixture } from './support';

let tmp: TempDir;
let child: TestBackend;
let parent: TestBackend;
let valid: Buffer;

beforeAll(async () => {
  tmp = makeTempDir();
  child = openTestBackend(tmp, 'child.sqlite');
  parent = openTestBackend(tmp, 'parent.sqlite');
  valid = await exportBytes(child, loadFixture(child, FIXTURE_FILES[0]!));
});
afterAll(() => {
  child.close();
  parent.close();
  tmp.cleanup();
});

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function mutate(bytes: Buffer, rnd: () => number): Buffer {
  const copy = Buffer.from(bytes);
  const kind = Math.floor(rnd() * 4);
  if (kind === 0) {
    for (let i = 0, n = 1 + Math.floor(rnd() * 8); i < n; i++) copy[Math.floor(rnd() * copy.length)] = Math.floor(rnd() * 256);
    return copy;
  }
  if (kind === 1) return copy.subarray(0, Math.floor(rnd() * copy.length));
  if (kind === 2) {
    const at = Math.floor(rnd() * copy.length);
    return Buffer.concat([copy.subarray(0, at), Buffer.from([Math.floor(rnd() * 256)]), copy.subarray(at)]);
  }
  // Overwrite a 4-byte field with an extreme value (sizes, offsets, counts).
  const at = Math.floor(rnd() * (copy.length - 4));
  copy.writeUInt32LE([0, 0xffffffff, 0x7fffffff, 1, 0xffff][Math.floor(rnd() * 5)]!, at);
  return copy;
}

it('1000 random mutations of a valid package: no crash, and either a refusal with nothing written or the genuine data', { timeout: 120_000 }, async () => {
  const empty = dumpDatabase(parent.dbPath);
  const rnd = random(20261002);
  let refused = 0;
  for (let i = 0; i < 1000; i++) {
    const bytes = mutate(valid, rnd);
    const [result] = await importPackages(parent.ctx, [{ name: `m${i}`, bytes }]);
    expect(result!.problem, `mutation ${i}: ${result!.message}`).not.toBe('internal');
    if (result!.outcome === 'refused') {
      refused++;
      expect(dumpDatabase(parent.dbPath)).toEqual(empty);
    } else {
      // Only bytes nobody reads changed (e.g. a ZIP timestamp): the signed data went in whole.
      expect(result!.outcome).toBe('imported');
      parent.ctx.db.exec(`DELETE FROM package_imports; DELETE FROM imported_conferences; DELETE FROM document_settings; DELETE FROM imported_document_units; DELETE FROM imported_files; DELETE FROM unit_keys;
        DELETE FROM concern_status_changes; DELETE FROM concerns; DELETE FROM turns; DELETE FROM speakers; DELETE FROM conferences;
        DELETE FROM agencies; DELETE FROM units;`);
    }
  }
  expect(refused).toBeGreaterThan(900);
});
