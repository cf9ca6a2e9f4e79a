import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, fixturePath } from './support';

const SCENARIO = fixturePath('phuong-hoa-binh-2026.json');

describe('command line: minutes and report', () => {
  let dir: string;
  let db: string;
  let id: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-cli-docs-'));
    db = path.join(dir, 'cli.sqlite');
    const loaded = await cli('--db', db, 'load-scenario', SCENARIO);
    expect(loaded.code).toBe(0);
    id = loaded.out.at(-1)!;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const leftovers = () => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  it.each([
    ['minutes', 'bien-ban.docx', 'PK'],
    ['minutes', 'bien-ban.pdf', '%PDF'],
    ['report', 'bao-cao.docx', 'PK'],
    ['report', 'bao-cao.XLSX', 'PK'],
  ])('%s --out %s writes the file in the format of its extension', async (command, name, magic) => {
    const file = path.join(dir, name);
    const run = await cli('--db', db, command, id, '--out', file);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(1);
    expect(fs.readFileSync(file).subarray(0, magic.length).toString('latin1')).toBe(magic);
    expect(leftovers()).toEqual([]);
  });

  it('takes the document number and "Nơi nhận" lines from the options, and answers --json', async () => {
    const file = path.join(dir, 'so.docx');
    const run = await cli('--db', db, '--json', 'minutes', id, '--out', file, '--number', '7', '--recipient', 'Ban Dân vận Thành ủy;', '--recipient=- Lưu: VT.');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out[0]!)).toMatchObject({ file: path.resolve(file), format: 'docx' });
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['word/document.xml']!);
    expect(xml).toContain('Số 07-BB/ĐU');
    expect(xml).toContain('- Ban Dân vận Thành ủy;');
    expect(xml).toContain('- Lưu: VT.');
  });

  it('replaces an existing file whole', async () => {
    const file = path.join(dir, 'bien-ban.pdf');
    fs.writeFileSync(file, 'cũ');
    expect((await cli('--db', db, 'minutes', id, '--out', file)).code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('refuses an unknown extension or a conference that does not exist: exit 1, one Vietnamese line, no file', async () => {
    for (const args of [
      ['minutes', id, '--out', path.join(dir, 'bien-ban.xlsx')],
      ['minutes', id, '--out', path.join(dir, 'bien-ban.txt')],
      ['minutes', id, '--out', path.join(dir, 'bien-ban')],
      ['report', id, '--out', path.join(dir, 'bao-cao.pdf')],
      ['minutes', '6b55a028-168f-48bc-b4d9-b63b5dd04dc3', '--out', path.join(dir, 'a.pdf')],
      ['report', 'không-phải-mã', '--out', path.join(dir, 'a.xlsx')],
      ['minutes', id, '--out', path.join(dir, 'không-có-thư-mục', 'a.pdf')],
    ]) {
      const run = await cli('--db', db, ...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(/^Lỗi: /);
      expect(run.err[0]).not.toContain('\n');
    }
    expect(fs.readdirSync(dir).filter((f) => !f.startsWith('cli.sqlite'))).toEqual([]);
  });

  it('leaves no half file when the file cannot take the name', async () => {
    const target = path.join(dir, 'la-thu-muc.pdf');
    fs.mkdirSync(target);
    const run = await cli('--db', db, 'minutes', id, '--out', target);
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^Lỗi: Không ghi được tệp/);
    expect(fs.statSync(target).isDirectory()).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('answers wrong usage with exit 2', async () => {
    for (const args of [
      ['minutes', id],
      ['minutes', '--out', path.join(dir, 'a.pdf')],
      ['report', id, 'thừa', '--out', path.join(dir, 'a.xlsx')],
      ['minutes', id, '--out'],
      ['list', '--out', path.join(dir, 'a.pdf')],
      ['minutes', id, '--out', path.join(dir, 'a.pdf'), '--unknown'],
    ]) {
      const run = await cli('--db', db, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err[0]).toMatch(/^Sai cách dùng: /);
    }
  });

  it('runs as a real process through tsx: the fonts are found, exit codes reach the shell', () => {
    const tsx = path.resolve(__dirname, '../../../node_modules/.bin/tsx');
    const entry = path.resolve(__dirname, '../../../electron/cli/main.ts');
    const env = { ...process.env, DOITHOAI_DB: db };
    const file = path.join(dir, 'bien-ban.pdf');
    const ok = spawnSync(tsx, [entry, 'minutes', id, '--out', file], { env, encoding: 'utf8', cwd: os.tmpdir() });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
    const bad = spawnSync(tsx, [entry, 'report', id, '--out', path.join(dir, 'a.csv')], { env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const usage = spawnSync(tsx, [entry, 'report', id], { env, encoding: 'utf8' });
    expect(usage.status).toBe(2);
  }, 60_000);
});
