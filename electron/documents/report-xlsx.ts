/**
 * The report's tables as a working spreadsheet: one sheet per Biểu, real numbers, frozen
 * heading rows repeated on every printed page, column widths that fit, A4 landscape.
 */
import ExcelJS from 'exceljs';
import type { AppendixCaption, ReportTables } from './report-content';
import {
  DETAIL_CENTRED,
  detailHeader,
  detailValues,
  summaryHeader,
  summaryValues,
  type GridHeaderCell,
} from './tables';

export const SHEET_NAMES = { detail: 'Biểu 01 - Chi tiết ý kiến', summary: 'Biểu 02 - Tổng hợp lĩnh vực' } as const;

const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Column widths in characters: [min, max]; text wraps within the max. */
const DETAIL_LIMITS: Array<[number, number]> = [
  [5, 6],
  [14, 24],
  [12, 22],
  [30, 60],
  [16, 26],
  [20, 40],
  [16, 28],
  [11, 11],
  [15, 17],
  [12, 22],
];
const SUMMARY_LIMITS: Array<[number, number]> = [[5, 6], [30, 50], ...Array.from({ length: 8 }, (): [number, number] => [11, 13])];

/** Rows 1–4 say which table, which meeting and which report; the heading starts on row 6. */
const HEADING_ROW = 6;

function caption(sheet: ExcelJS.Worksheet, c: AppendixCaption, columns: number): void {
  sheet.getCell(1, 1).value = c.label;
  sheet.getCell(1, 1).font = { name: FONT, size: 12, bold: true };
  const lines = [c.title, ...c.subtitle.split('\n')];
  lines.forEach((text, i) => {
    const row = i + 2;
    sheet.mergeCells(row, 1, row, columns);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size: i === 0 ? 14 : 12, bold: i === 0, italic: i > 0 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

function heading(sheet: ExcelJS.Worksheet, rows: GridHeaderCell[][]): void {
  // Place cells left to right, skipping places taken by a cell spanning down from above.
  const taken = new Set<string>();
  rows.forEach((cells, r) => {
    let col = 1;
    for (const h of cells) {
      while (taken.has(`${r},${col}`)) col++;
      const row = HEADING_ROW + r;
      const colSpan = h.colSpan ?? 1;
      const rowSpan = h.rowSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${r + dr},${col + dc}`);
      if (colSpan > 1 || rowSpan > 1) sheet.mergeCells(row, col, row + rowSpan - 1, col + colSpan - 1);
      sheet.getCell(row, col).value = h.text;
      col += colSpan;
    }
  });
  const columns = Math.max(...rows.map((cells) => cells.reduce((n, h) => n + (h.colSpan ?? 1), 0)));
  for (let r = 0; r < rows.length; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.getCell(HEADING_ROW + r, c);
      cell.font = { name: FONT, size: 12, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    }
  }
}

function body(sheet: ExcelJS.Worksheet, first: number, values: Array<Array<string | number>>, centred: number[], boldLast = false): void {
  values.forEach((rowValues, r) => {
    const row = sheet.getRow(first + r);
    rowValues.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v === '' ? null : v;
      cell.font = { name: FONT, size: 12, bold: boldLast && r === values.length - 1 };
      cell.alignment = {
        horizontal: typeof v === 'number' || centred.includes(c) ? 'center' : 'left',
        vertical: 'top',
        wrapText: typeof v === 'string',
      };
      cell.border = BORDER;
    });
  });
}

/** Widths that fit the longest word and, within a limit, the longest text of each column. */
function fitColumns(sheet: ExcelJS.Worksheet, header: GridHeaderCell[][], values: Array<Array<string | number>>, limits: Array<[number, number]>): void {
  limits.forEach(([min, max], c) => {
    let width = min;
    for (const row of values) width = Math.max(width, Math.min(max, String(row[c] ?? '').length + 2));
    for (const cells of header) {
      const h = cells[c];
      if (h && (h.colSpan ?? 1) === 1) {
        const longestWord = Math.max(...h.text.split(/\s+/).map((w) => w.length));
        width = Math.max(width, longestWord + 2);
      }
    }
    sheet.getColumn(c + 1).width = width;
  });
}

/**
 * Wrapped rows as tall as their longest cell needs. Excel grows them when it opens the
 * file, LibreOffice does not: without a height its lines print over each other.
 */
function fitBodyRows(sheet: ExcelJS.Worksheet, first: number, values: Array<Array<string | number>>): void {
  values.forEach((rowValues, r) => {
    let lines = 1;
    rowValues.forEach((v, c) => {
      if (typeof v !== 'string' || v === '') return;
      const width = sheet.getColumn(c + 1).width ?? 10;
      // Vietnamese letters with marks run a little wider than the column's character unit.
      lines = Math.max(lines, Math.ceil((v.length * 1.15) / Math.max(1, width - 1)));
    });
    sheet.getRow(first + r).height = lines * 16;
  });
}

/** Merged caption rows do not grow by themselves: give a wrapped caption the lines it needs. */
function fitCaptionRows(sheet: ExcelJS.Worksheet, columns: number): void {
  let total = 0;
  for (let c = 1; c <= columns; c++) total += sheet.getColumn(c).width ?? 10;
  for (let r = 2; r < HEADING_ROW; r++) {
    const text = String(sheet.getCell(r, 1).value ?? '');
    const lines = Math.max(1, Math.ceil((text.length * 1.1) / total));
    if (text) sheet.getRow(r).height = lines * (r === 2 ? 20 : 16);
  }
}

function setUp(sheet: ExcelJS.Worksheet, headingRows: number): void {
  const last = HEADING_ROW + headingRows - 1;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: last, topLeftCell: `A${last + 1}`, activeCell: `A${last + 1}` }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${HEADING_ROW}:${last}`,
    margins: { left: 0.6, right: 0.6, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' };
}

export async function reportXlsx(tables: ReportTables): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Đối Thoại';

  const detail = book.addWorksheet(SHEET_NAMES.detail);
  const detailHead = detailHeader();
  const detailRows = tables.detail.map(detailValues);
  caption(detail, tables.captions.detail, detailHead[0]!.length);
  heading(detail, detailHead);
  body(detail, HEADING_ROW + 1, detailRows, DETAIL_CENTRED);
  fitColumns(detail, detailHead, detailRows, DETAIL_LIMITS);
  fitBodyRows(detail, HEADING_ROW + 1, detailRows);
  fitCaptionRows(detail, detailHead[0]!.length);
  setUp(detail, 1);

  const summary = book.addWorksheet(SHEET_NAMES.summary);
  const summaryHead = summaryHeader();
  const summaryRows = [...tables.summary.rows.map((r, i) => summaryValues(r, i + 1)), summaryValues(tables.summary.total, '')];
  caption(summary, tables.captions.summary, summaryRows[0]!.length);
  heading(summary, summaryHead);
  body(summary, HEADING_ROW + summaryHead.length, summaryRows, [0], true);
  fitColumns(summary, summaryHead, summaryRows, SUMMARY_LIMITS);
  fitBodyRows(summary, HEADING_ROW + summaryHead.length, summaryRows);
  fitCaptionRows(summary, summaryRows[0]!.length);
  setUp(summary, summaryHead.length);

  return Buffer.from(await book.xlsx.writeBuffer());
}
