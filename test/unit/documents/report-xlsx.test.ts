import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from './support';
import { SHEET_NAMES } from '../../../electron/documents/report-xlsx';
import { SUMMARY_VALUE_KEYS, TOTAL_LABEL } from '../../../electron/documents/tables';
import { loadFixture, scenarioTexts, SCENARIOS, type Loaded } from './support';

async function readBook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

describe.each(SCENARIOS)('XLSX report of %s', (file) => {
  let s: Loaded;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    s = loadFixture(file);
    book = await readBook(await renderReport(s.ctx, s.id, 'xlsx'));
  });
  afterAll(() => s.close());

  it('has the two Biểu with Vietnamese sheet names', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([SHEET_NAMES.detail, SHEET_NAMES.summary]);
    for (const sheet of book.worksheets) {
      expect(sheet.name).toMatch(/^Biểu 0[12] - /);
      expect(sheet.name.length).toBeLessThanOrEqual(31);
    }
  });

  it('Biểu 02 equals the scenario: by field, by handling, totals, all stored as numbers', () => {
    const sheet = book.getWorksheet(SHEET_NAMES.summary)!;
    const byField: Record<string, number> = {};
    let total: Record<string, number> | null = null;
    let dataRows = 0;
    sheet.eachRow((row, n) => {
      if (n <= 7) return;
      const label = String(row.getCell(2).value);
      const values = Object.fromEntries(SUMMARY_VALUE_KEYS.map((k, i) => [k, row.getCell(3 + i).value]));
      for (const [key, v] of Object.entries(values)) expect(typeof v, `${label} ${key}`).toBe('number');
      if (label === TOTAL_LABEL) {
        total = values as Record<string, number>;
        expect(row.getCell(1).value).toBeNull();
        return;
      }
      dataRows++;
      expect(row.getCell(1).value).toBe(dataRows);
      expect(typeof row.getCell(1).value).toBe('number');
      if ((values.total as number) > 0) byField[label] = values.total as number;
    });
    expect(byField).toEqual(s.expected.byField);
    expect(dataRows).toBe(14);
    const t = total as unknown as Record<string, number>;
    expect(t.total).toBe(s.expected.concernsTotal);
    for (const h of ['answered', 'assigned', 'forwarded', 'noted']) expect(t[h]).toBe(s.expected.byHandling[h] ?? 0);
    expect(t.resolved! + t.inProgress! + t.open!).toBe(s.expected.concernsTotal);
  });

  it('Biểu 01 has one row per matter, numbered', () => {
    const sheet = book.getWorksheet(SHEET_NAMES.detail)!;
    const texts: string[] = [];
    sheet.eachRow((row, n) => {
      if (n <= 6) return;
      expect(row.getCell(1).value).toBe(n - 6);
      texts.push(String(row.getCell(4).value));
    });
    expect(texts).toHaveLength(s.expected.concernsTotal);
    expect(new Set(texts)).toEqual(new Set(scenarioTexts(s.scenario).matters));
  });

  it('is set up to work with and to print: frozen headings, A4 landscape, headings repeated, widths set', () => {
    for (const [name, headingRows] of [
      [SHEET_NAMES.detail, 6],
      [SHEET_NAMES.summary, 7],
    ] as const) {
      const sheet = book.getWorksheet(name)!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headingRows });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
      expect(sheet.pageSetup.printTitlesRow).toBe(`6:${headingRows}`);
      for (let c = 1; c <= 10; c++) expect(sheet.getColumn(c).width).toBeGreaterThan(4);
      expect(sheet.getCell(headingRows, 1).value).toBe('STT');
    }
  });
});
