/**
 * `notice <conferenceId> --out F.docx|F.pdf` (issue 10): the conclusion notice laid out by the
 * backend as the documents screen lays it out; --number and --recipient as for the minutes;
 * a wrong extension or conference is one Vietnamese line and exit 1, wrong usage exit 2.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { USAGE } from '../../../electron/cli/args';
import { cli, fixturePath } from './support';

describe('command line: notice', () => {
  let dir: string;
  let db: string;
  let id: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-cli-notice-'));
    db = path.join(dir, 'cli.sqlite');
    const loaded = await cli('--db', db, 'load-scenario', fixturePath('phuong-hoa-binh-2026.json'));
    expect(loaded.code).toBe(0);
    id = loaded.out.at(-1)!;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the notice as DOCX, with the number and "Nơi nhận" typed', async () => {
    const file = path.join(dir, 'thong-bao.docx');
    const run = await cli('--db', db, 'notice', id, '--out', file, '--number', '15', '--recipient', 'Bộ phận Địa chính;');
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out).toEqual([`Đã ghi thông báo kết luận (DOCX): ${file}`]);
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['word/document.xml']!).replace(/\u00a0/g, ' ');
    expect(xml).toContain('THÔNG BÁO');
    expect(xml).toContain('Số 15-TB/ĐU');
    expect(xml).toContain('- Bộ phận Địa chính;');
    expect(xml).toContain('Thời hạn giải quyết: 31/10/2026.');
  });

  it('writes the notice as PDF, answering --json', async () => {
    const file = path.join(dir, 'thong-bao.pdf');
    const run = await cli('--db', db, '--json', 'notice', id, '--out', file);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out[0]!)).toMatchObject({ file: path.resolve(file), format: 'pdf' });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Bộ phận Kinh tế - Hạ tầng (02 nội dung)');
  });

  it('refuses another format or an unknown conference: exit 1, one Vietnamese line, no file', async () => {
    const xlsx = await cli('--db', db, 'notice', id, '--out', path.join(dir, 'a.xlsx'));
    expect(xlsx.code).toBe(1);
    expect(xlsx.err).toEqual(['Lỗi: Thông báo kết luận không xuất được ra định dạng .xlsx: hãy dùng tệp .docx hoặc .pdf.']);
    const unknown = await cli('--db', db, 'notice', '6b55a028-168f-48bc-b4d9-b63b5dd04dc3', '--out', path.join(dir, 'a.pdf'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toHaveLength(1);
    expect(unknown.err[0]).toMatch(/^Lỗi: /);
    expect(fs.readdirSync(dir).filter((f) => !f.startsWith('cli.sqlite'))).toEqual([]);
  });

  it('answers wrong usage with exit 2, and USAGE names the command', async () => {
    for (const args of [['notice', id], ['notice', '--out', path.join(dir, 'a.pdf')], ['notice', id, 'thừa', '--out', path.join(dir, 'a.pdf')]]) {
      const run = await cli('--db', db, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err[0]).toMatch(/^Sai cách dùng: /);
    }
    expect(USAGE).toContain('notice <mã> --out <tệp.docx|tệp.pdf>');
  });
});
