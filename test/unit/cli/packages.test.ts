/**
 * The package commands as the officers use them: a commune exports, the province verifies
 * (nothing written) and imports many files at once, and a bad file is one line on stderr
 * while the good ones still go in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cli, fixturePath } from './support';
import { dumpDatabase } from '../support/temp-db';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-cli-pkg-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function exportScenario(name: string): Promise<{ id: string; file: string; expected: Record<string, unknown> }> {
  const db = path.join(dir, `${name}.sqlite`);
  const loaded = await cli('--db', db, 'load-scenario', fixturePath(`${name}.json`));
  expect(loaded.code).toBe(0);
  const id = loaded.out.at(-1)!;
  const file = path.join(dir, `${name}.doithoai`);
  const exported = await cli('--db', db, 'export', id, '--out', file);
  expect(exported, exported.err.join('\n')).toMatchObject({ code: 0 });
  expect(exported.out.at(-1)).toContain('lần xuất 1');
  const scenario = JSON.parse(fs.readFileSync(fixturePath(`${name}.json`), 'utf8')) as { expected: Record<string, unknown> };
  return { id, file, expected: scenario.expected };
}

it('exports from each commune, verifies without writing, imports at the province with ids and counts kept', async () => {
  const a = await exportScenario('phuong-hoa-binh-2026');
  const b = await exportScenario('xa-tan-lap-2026');
  const parent = path.join(dir, 'tinh.sqlite');
  expect((await cli('--db', parent, 'list')).code).toBe(0);

  const before = dumpDatabase(parent);
  const verified = await cli('--db', parent, '--json', 'verify', a.file);
  expect(verified.code).toBe(0);
  const report = JSON.parse(verified.out.join('\n')) as { unit: { name: string }; conference: { id: string; revision: number }; signature: string; key: string };
  expect(report).toMatchObject({ conference: { id: a.id, revision: 1 }, signature: 'valid', key: 'new' });
  expect(report.unit.name).toBe('Phường Hòa Bình');
  expect(dumpDatabase(parent)).toEqual(before);

  const imported = await cli('--db', parent, 'import', a.file, b.file);
  expect(imported, imported.err.join('\n')).toMatchObject({ code: 0 });
  expect(imported.out).toHaveLength(2);
  for (const { id, expected } of [a, b]) {
    const shown = await cli('--db', parent, '--json', 'show', id);
    expect(shown.code).toBe(0);
    const counts = (JSON.parse(shown.out.join('\n')) as { counts: Record<string, unknown> }).counts;
    for (const [key, value] of Object.entries(expected)) expect(counts[key], key).toEqual(value);
  }

  // Again: nothing changes, and the officer is told so.
  const again = await cli('--db', parent, 'import', a.file);
  expect(again.code).toBe(0);
  expect(again.out[0]).toMatch(/đã nhập trước đó/i);
});

it('refuses a broken file in one line and exit 1, and still imports the good one', async () => {
  const a = await exportScenario('xa-tan-lap-2026');
  const broken = path.join(dir, 'hong.doithoai');
  const bytes = fs.readFileSync(a.file);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = bytes[middle]! ^ 0xff;
  fs.writeFileSync(broken, bytes);
  const empty = path.join(dir, 'rong.doithoai');
  fs.writeFileSync(empty, '');
  const parent = path.join(dir, 'tinh.sqlite');

  const missing = path.join(dir, 'khong-co.doithoai');
  const run = await cli('--db', parent, 'import', broken, missing, a.file, empty);
  expect(run.code).toBe(1);
  expect(run.err).toHaveLength(1);
  expect(run.err[0]).toMatch(/^Lỗi: 3\/4 tệp không nhập được\.$/);
  // One line per file, in the order given.
  expect(run.out.map((line) => line.slice(0, line.indexOf(': ')))).toEqual([broken, missing, a.file, empty]);
  expect(run.out[2]).toContain('Đã nhập');
  expect((await cli('--db', parent, 'show', a.id)).code).toBe(0);

  const verify = await cli('--db', parent, 'verify', broken);
  expect(verify.code).toBe(1);
  expect(verify.err).toHaveLength(1);
  expect(verify.err[0]).toMatch(/^Lỗi: /);
});

it('says what is wrong with an export request', async () => {
  const db = path.join(dir, 'xa.sqlite');
  const id = (await cli('--db', db, 'load-scenario', fixturePath('xa-tan-lap-2026.json'))).out.at(-1)!;
  const wrongExt = await cli('--db', db, 'export', id, '--out', path.join(dir, 'goi.zip'));
  expect(wrongExt.code).toBe(1);
  expect(wrongExt.err[0]).toContain('.doithoai');
  expect(fs.existsSync(path.join(dir, 'goi.zip'))).toBe(false);
  const missing = await cli('--db', db, 'export', '00000000-0000-4000-8000-000000000000', '--out', path.join(dir, 'x.doithoai'));
  expect(missing.code).toBe(1);
  expect(missing.err[0]).toContain('Không tìm thấy hội nghị');
  expect((await cli('--db', db, 'export', id)).code).toBe(2);
  expect((await cli('--db', db, 'import')).code).toBe(2);
  expect((await cli('--db', db, 'verify')).code).toBe(2);
});

it('refuses a package signed with a new key until accept-key, then imports it', async () => {
  const child = path.join(dir, 'xa.sqlite');
  const id = (await cli('--db', child, 'load-scenario', fixturePath('xa-tan-lap-2026.json'))).out.at(-1)!;
  const first = path.join(dir, 'r1.doithoai');
  expect((await cli('--db', child, 'export', id, '--out', first)).code).toBe(0);
  const parent = path.join(dir, 'tinh.sqlite');
  expect((await cli('--db', parent, 'import', first)).code).toBe(0);

  // The commune's computer was replaced: same unit and data, a new key.
  const db = new Database(child);
  db.prepare('DELETE FROM own_keys').run();
  db.prepare('UPDATE conferences SET location = ?, updated_at = ? WHERE id = ?').run('Nhà văn hóa', new Date().toISOString(), id);
  db.close();
  const second = path.join(dir, 'r2.doithoai');
  expect((await cli('--db', child, 'export', id, '--out', second)).code).toBe(0);

  const refused = await cli('--db', parent, 'import', second);
  expect(refused.code).toBe(1);
  expect(refused.out[0]).toContain('khóa khác');
  const accepted = await cli('--db', parent, 'accept-key', second);
  expect(accepted, accepted.err.join('\n')).toMatchObject({ code: 0 });
  expect(accepted.out[0]).toMatch(/^Đã chấp nhận khóa [0-9A-F-]+ của Xã Tân Lập thay cho khóa [0-9A-F-]+\. Hãy nhập lại gói\.$/);
  const imported = await cli('--db', parent, 'import', second);
  expect(imported.code).toBe(0);
  expect(imported.out[0]).toContain('lần gửi 2');

  const garbage = path.join(dir, 'rac.doithoai');
  fs.writeFileSync(garbage, 'không phải gói');
  const bad = await cli('--db', parent, 'accept-key', garbage);
  expect(bad.code).toBe(1);
  expect(bad.err).toHaveLength(1);
  expect((await cli('--db', parent, 'accept-key')).code).toBe(2);
});
