// Hosts receive a Backend (electron/backend.ts) and translate their transport to it. Of the
// backend's insides they may name only where the database lives and its error texts; the
// services, documents, package format, worker and CLI stay behind the backend's door.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const hostsDir = path.join(root, 'electron', 'hosts');

/** Repository paths a host may import outside electron/hosts/ (without extension). */
const ALLOWED = ['electron/backend', 'electron/db/location', 'electron/db/errors'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Relative specifiers of every import, export-from, dynamic import and require, type-only ones too. */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(match[1]!);
  return found;
}

describe('hosts', () => {
  it('reach the backend only through electron/backend.ts (and db/location, db/errors)', () => {
    const files = sourceFiles(hostsDir);
    expect(files.length).toBeGreaterThan(10);
    const outside: string[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      for (const specifier of relativeImports(fs.readFileSync(file, 'utf8'))) {
        const target = path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/').replace(/\.tsx?$/, '');
        seen.add(target);
        if (target.startsWith('electron/hosts/') || target.startsWith('shared/') || ALLOWED.includes(target)) continue;
        outside.push(`${path.relative(root, file)} -> ${target}`);
      }
    }
    expect(outside).toEqual([]);
    // The scan sees the imports it is meant to judge.
    expect([...seen]).toEqual(expect.arrayContaining(['electron/backend', 'electron/db/location', 'electron/hosts/static-files', 'shared/security']));
  });
});
