/**
 * The aggregate report's signature is never alone on its last page (issue 8, C16): two
 * communes' packages imported at the province, the report made as DOCX and laid out by
 * LibreOffice; the page with "T/M TỈNH ỦY" also carries the report's last paragraph.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli, fixturePath } from './support';
import { dispatch } from '../../../electron/services/dispatch';
import { openServiceContext } from '../../../electron/backend';
import { hasCommand, readDocx, sofficeToPdf } from '../documents/support';

let dir: string;
let report: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-cli-signature-'));
  const files: string[] = [];
  for (const name of ['phuong-hoa-binh-2026', 'xa-tan-lap-2026']) {
    const db = path.join(dir, `${name}.sqlite`);
    const loaded = await cli('--db', db, 'load-scenario', fixturePath(`${name}.json`));
    const file = path.join(dir, `${name}.doithoai`);
    expect((await cli('--db', db, 'export', loaded.out.at(-1)!, '--out', file)).code).toBe(0);
    files.push(file);
  }
  const parent = path.join(dir, 'tinh.sqlite');
  const ctx = openServiceContext({ dbPath: parent, host: 'test' });
  try {
    const saved = dispatch(ctx, 'unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh', documentStyle: 'party', placeName: 'Hải Đông' });
    expect(saved.ok).toBe(true);
  } finally {
    ctx.db.close();
  }
  expect((await cli('--db', parent, 'import', ...files)).code).toBe(0);
  report = path.join(dir, 'tong-hop.docx');
  expect((await cli('--db', parent, 'summary', '--from', '01/01/2026', '--to', '31/12/2026', '--out', report)).code).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('the paragraph before the signature keeps with it; the signature row does not split', () => {
  const { document } = readDocx(fs.readFileSync(report));
  const table = document.search(/<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*T\/M TỈNH ỦY/);
  expect(table).toBeGreaterThan(0);
  const before = document.slice(0, table);
  expect(before.slice(before.lastIndexOf('<w:p>'))).toContain('<w:keepNext/>');
  expect(document.slice(table, document.indexOf('</w:tbl>', table))).toContain('<w:cantSplit/>');
});

it.skipIf(!hasCommand('soffice') || !hasCommand('pdftotext'))(
  'laid out by LibreOffice, "T/M TỈNH ỦY" shares its page with the last paragraph of the report',
  () => {
    const [pdf] = sofficeToPdf([report], dir);
    expect(pdf).toBeDefined();
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf!, '-'], { encoding: 'utf8' }).split('\f');
    const page = pages.find((p) => p.includes('T/M TỈNH ỦY'));
    expect(page).toBeDefined();
    expect(page).toContain('(Chi tiết tại Biểu 01, Biểu 02 và Biểu 03 kèm theo.)');
  },
  240_000,
);
