/**
 * From the command line, the parent prints a received conference's minutes with the unit's
 * own header (issue 8, A2): a government-style ward exports, the province imports (and
 * accepts the new key where the ward changed computers), and `minutes <id>` there has
 * exactly the ward's header lines, number and signer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cli, fixturePath } from './support';
import { dispatch } from '../../../electron/services/dispatch';
import { openServiceContext } from '../../../electron/backend';
import { readDocx } from '../documents/support';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-cli-docs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Through the same API the settings screen and the documents screen use. */
function callApi(db: string, method: string, input: unknown): void {
  const ctx = openServiceContext({ dbPath: db, host: 'test' });
  try {
    const result = dispatch(ctx, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  } finally {
    ctx.db.close();
  }
}

/** The minutes' paragraphs up to the title: the two header columns, number and date. */
async function minutesParagraphs(db: string, id: string, name: string): Promise<string[]> {
  const out = path.join(dir, name);
  const run = await cli('--db', db, 'minutes', id, '--out', out);
  expect(run, run.err.join('\n')).toMatchObject({ code: 0 });
  return readDocx(fs.readFileSync(out)).paragraphs.filter((p) => p.trim() !== '');
}

it('after export, import and accept-key at the parent, `minutes <id>` there has exactly the unit’s header lines', async () => {
  const ward = path.join(dir, 'phuong.sqlite');
  const id = (await cli('--db', ward, 'load-scenario', fixturePath('phuong-hoa-binh-2026.json'))).out.at(-1)!;
  callApi(ward, 'unit.save', {
    name: 'Phường Hòa Bình',
    level: 'phường',
    parentName: 'Thành phố Hải An',
    documentStyle: 'government',
    headerParentLine: '',
    headerIssuerLine: 'ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA BÌNH',
    placeName: 'Hòa Bình',
  });
  callApi(ward, 'documents.save', { conferenceId: id, kind: 'minutes', settings: { number: '7' } });

  const first = path.join(dir, 'r1.doithoai');
  expect((await cli('--db', ward, 'export', id, '--out', first)).code).toBe(0);
  const province = path.join(dir, 'tinh.sqlite');
  expect((await cli('--db', province, 'import', first)).code).toBe(0);

  // The ward's computer was replaced: a new key; the province accepts it after a phone call.
  const db = new Database(ward);
  db.prepare('DELETE FROM own_keys').run();
  db.close();
  callApi(ward, 'documents.save', { conferenceId: id, kind: 'minutes', settings: { number: '8' } });
  const second = path.join(dir, 'r2.doithoai');
  expect((await cli('--db', ward, 'export', id, '--out', second)).code).toBe(0);
  expect((await cli('--db', province, 'import', second)).code).toBe(1);
  expect((await cli('--db', province, 'accept-key', second)).code).toBe(0);
  const imported = await cli('--db', province, 'import', second);
  expect(imported.out[0]).toContain('lần gửi 2');

  const own = await minutesParagraphs(ward, id, 'phuong.docx');
  const atProvince = await minutesParagraphs(province, id, 'tinh.docx');
  const header = (ps: string[]) => ps.slice(0, ps.indexOf('BIÊN BẢN'));
  expect(header(atProvince)).toEqual(header(own));
  expect(header(own)).toEqual(
    expect.arrayContaining(['ỦY BAN NHÂN DÂN', 'PHƯỜNG HÒA BÌNH', 'Số: 08/BB-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']),
  );
  expect(header(atProvince).join('\n')).not.toMatch(/ĐẢNG|-BB\/ĐU/);
  // The whole document too, signature included: CHỦ TỌA signed by the People's Committee's Chủ tịch.
  expect(atProvince).toEqual(own);
  expect(atProvince.join('\n')).toMatch(/CHỦ TỌA[\s\S]*Trần Quốc Hưng/);
}, 60_000);
