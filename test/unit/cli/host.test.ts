/**
 * The command line is a host like the app's: it reaches the backend only through
 * `openBackend` and its dispatch, so that every command runs the same validated door.
 * From the rest of electron/ it may use only where the database lives and how opening it
 * fails (to print that in one line).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const CLI = path.resolve(__dirname, '../../../electron/cli');
const ELECTRON = path.dirname(CLI);
const ALLOWED = new Set(['backend.ts', 'db/location.ts', 'db/errors.ts']);

it('imports from electron/ only the backend, db/location and db/errors (type imports included)', () => {
  const reached = new Set<string>();
  for (const name of fs.readdirSync(CLI).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(CLI, name), 'utf8');
    // import, export-from, dynamic import and require, type-only ones too.
    for (const [, spec] of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.relative(ELECTRON, path.resolve(CLI, spec!));
      if (target.startsWith('..') || target.startsWith(`cli${path.sep}`)) continue; // shared/, or the CLI's own files
      reached.add(`${target.split(path.sep).join('/')}.ts`);
    }
  }
  expect([...reached].filter((file) => !ALLOWED.has(file))).toEqual([]);
  expect(reached.has('backend.ts')).toBe(true);
});
