/**
 * `summary` at the province: two communes export their conference, the province (with a third
 * commune added by hand that has sent nothing) imports both, and the aggregate figures and
 * files equal the scenarios' own counts. Bad requests are one Vietnamese line and exit 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../../shared/api/types';
import { cli, fixturePath } from './support';
import { dispatch } from '../../../electron/services/dispatch';
import { openServiceContext } from '../../../electron/backend';
import { SUMMARY_SHEET_NAMES } from '../../../electron/documents/summary-xlsx';
import { SUMMARY_VALUE_KEYS, TOTAL_LABEL } from '../../../electron/documents/tables';

interface Expected {
  turns: number;
  concernsTotal: number;
  byField: Record<string, number>;
  byHandling: Record<string, number>;
}

interface Scenario {
  unit: { name: string };
  conference: { kind: string; date: string; attendeeCount: number };
  expected: Expected;
}

function setUp(db: string, calls: Array<[string, unknown]>): void {
  const ctx = openServiceContext({ dbPath: db, host: 'test' });
  try {
    for (const [method, input] of calls) {
      const result = dispatch(ctx, method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    }
  } finally {
    ctx.db.close();
  }
}

const NAMES = ['phuong-hoa-binh-2026', 'xa-tan-lap-2026'] as const;

let dir: string;
let parent: string;
const scenarios = new Map<string, Scenario>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-cli-summary-'));
  const files: string[] = [];
  for (const name of NAMES) {
    const scenario = JSON.parse(fs.readFileSync(fixturePath(`${name}.json`), 'utf8')) as Scenario;
    scenarios.set(scenario.unit.name.normalize('NFC'), scenario);
    const db = path.join(dir, `${name}.sqlite`);
    const loaded = await cli('--db', db, 'load-scenario', fixturePath(`${name}.json`));
    expect(loaded.code).toBe(0);
    const file = path.join(dir, `${name}.doithoai`);
    expect((await cli('--db', db, 'export', loaded.out.at(-1)!, '--out', file)).code).toBe(0);
    files.push(file);
  }
  parent = path.join(dir, 'tinh.sqlite');
  setUp(parent, [
    ['unit.save', { name: 'Tỉnh Hải Đông', level: 'tỉnh', documentStyle: 'government', placeName: 'Hải Đông' }],
    ['childUnits.add', { name: 'Xã Tân Phú', level: 'xã' }],
  ]);
  const imported = await cli('--db', parent, 'import', ...files);
  expect(imported, imported.err.join('\n')).toMatchObject({ code: 0 });
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function summaryJson(from: string, to: string): Promise<Overview> {
  const run = await cli('--db', parent, 'summary', '--from', from, '--to', to, '--json');
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
  return JSON.parse(run.out.join('\n')) as Overview;
}

function sumRecords(records: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v;
  return out;
}

describe('summary --json', () => {
  it('the whole year: the figures are the two scenarios added up, and the third commune is missing', async () => {
    const o = await summaryJson('01/01/2026', '31/12/2026');
    const all = [...scenarios.values()];
    expect(o.unitName).toBe('Tỉnh Hải Đông');
    expect(o.completeness).toMatchObject({ from: '2026-01-01', to: '2026-12-31', reported: 2, total: 3, label: '2/3 xã, phường', missing: ['Xã Tân Phú'] });

    const a = o.aggregate;
    expect(a.conferences).toBe(2);
    expect(a.attendance).toBe(all.reduce((n, s) => n + s.conference.attendeeCount, 0));
    expect(a.turns).toBe(all.reduce((n, s) => n + s.expected.turns, 0));
    expect(a.concerns).toBe(all.reduce((n, s) => n + s.expected.concernsTotal, 0));
    expect(a.byKind).toEqual({ periodic: 2, thematic: 0, adHoc: 0 });
    const byHandling = sumRecords(all.map((s) => s.expected.byHandling));
    for (const h of ['answered', 'assigned', 'forwarded', 'noted'] as const) expect(a.total[h], h).toBe(byHandling[h] ?? 0);
    expect(a.total.total).toBe(a.concerns);
    expect(Object.fromEntries(a.byField.filter((r) => r.total > 0).map((r) => [r.label, r.total]))).toEqual(sumRecords(all.map((s) => s.expected.byField)));

    // Per unit: each commune's own counts; the missing one all zeros.
    for (const row of a.byUnit) {
      const s = scenarios.get(row.label);
      if (!s) {
        expect(row).toMatchObject({ label: 'Xã Tân Phú', conferences: 0, turns: 0, total: 0 });
        continue;
      }
      expect(row).toMatchObject({ conferences: 1, attendance: s.conference.attendeeCount, turns: s.expected.turns, total: s.expected.concernsTotal });
      for (const h of ['answered', 'assigned', 'forwarded', 'noted'] as const) expect(row[h]).toBe(s.expected.byHandling[h] ?? 0);
    }
  });

  it('a shorter period, typed yyyy-mm-dd: only the commune that met in it', async () => {
    const o = await summaryJson('2026-10-01', '2026-10-31');
    const tanLap = scenarios.get('Xã Tân Lập')!;
    expect(o.completeness).toMatchObject({ reported: 1, total: 3, label: '1/3 xã, phường' });
    expect(o.completeness.missing.sort()).toEqual(['Phường Hòa Bình', 'Xã Tân Phú'].sort());
    expect(o.aggregate).toMatchObject({ conferences: 1, turns: tanLap.expected.turns, concerns: tanLap.expected.concernsTotal });
  });
});

describe('summary --out', () => {
  it('writes the XLSX: three sheets, numbers, totals equal to the --json figures', async () => {
    const file = path.join(dir, 'tong-hop.xlsx');
    const run = await cli('--db', parent, 'summary', '--from', '1/1/2026', '--to', '31/12/2026', '--out', file);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(1);
    expect(run.out[0]).toContain('2/3 xã, phường');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const o = await summaryJson('01/01/2026', '31/12/2026');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(Object.values(SUMMARY_SHEET_NAMES));
    const fields = book.getWorksheet(SUMMARY_SHEET_NAMES.byField)!;
    const last = fields.getRow(fields.rowCount);
    expect(last.getCell(2).value).toBe(TOTAL_LABEL);
    expect(SUMMARY_VALUE_KEYS.map((_, i) => last.getCell(3 + i).value)).toEqual(SUMMARY_VALUE_KEYS.map((k) => o.aggregate.total[k]));
    const units = book.getWorksheet(SUMMARY_SHEET_NAMES.byUnit)!;
    const total = units.getRow(units.rowCount);
    expect([2, 3, 4, 5, 6].map((c) => total.getCell(c).value)).toEqual([TOTAL_LABEL, o.aggregate.conferences, o.aggregate.attendance, o.aggregate.turns, o.aggregate.concerns]);
  });

  it('writes the DOCX, with the government header of the province', async () => {
    const file = path.join(dir, 'tong-hop.DOCX');
    const run = await cli('--db', parent, 'summary', '--from', '01/01/2026', '--to', '31/12/2026', '--out', file, '--number', '3');
    expect(run.code).toBe(0);
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['word/document.xml']!);
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Số: 03/BC-UBND');
    expect(xml).toContain('Xã Tân Phú');
  });
});

describe('summary: bad requests', () => {
  it.each([
    ['no --from', ['--to', '31/12/2026', '--json'], /--from/],
    ['no --to', ['--from', '01/01/2026', '--json'], /--to/],
    ['no such day', ['--from', '31/02/2026', '--to', '31/12/2026', '--json'], /không hợp lệ: "31\/02\/2026"/],
    ['not a date', ['--from', 'hôm qua', '--to', '31/12/2026', '--json'], /không hợp lệ/],
    ['from after to', ['--from', '31/12/2026', '--to', '01/01/2026', '--json'], /sau ngày kết thúc/],
    ['an unknown extension', ['--from', '01/01/2026', '--to', '31/12/2026', '--out', 'x.pdf'], /\.pdf.*\.docx hoặc \.xlsx/],
    ['--out and --json together', ['--from', '01/01/2026', '--to', '31/12/2026', '--out', 'x.xlsx', '--json'], /không dùng cả hai/],
    ['neither --out nor --json', ['--from', '01/01/2026', '--to', '31/12/2026'], /--out .* hoặc --json/],
  ])('%s: exit 1, one Vietnamese line, no file', async (_, args, message) => {
    const before = fs.readdirSync(dir).sort();
    const run = await cli('--db', parent, 'summary', ...args.map((a) => (a.startsWith('x.') ? path.join(dir, a) : a)));
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^Lỗi: /);
    expect(run.err[0]).toMatch(message);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('--from on another command is wrong usage (exit 2)', async () => {
    expect((await cli('--db', parent, 'list', '--from', '01/01/2026')).code).toBe(2);
  });
});
