/** Package files are read in the renderer and sent as base64: the encoding must be exact at every size. */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../renderer/src/lib/read-file';

describe('bytesToBase64', () => {
  // Around the slice size (3 × 16 KiB) and the inner step, where a joining mistake would show.
  const sizes = [0, 1, 2, 3, 4095, 4096, 4097, 49_151, 49_152, 49_153, 98_304, 250_001];
  for (const size of sizes) {
    it(`${size} bytes: the same as Node's encoder`, () => {
      const bytes = crypto.randomBytes(size);
      expect(bytesToBase64(new Uint8Array(bytes))).toBe(bytes.toString('base64'));
    });
  }
});
