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
  [13, 16],
  [20, 40],
  [16, 28],
  [11, 11],
  [16, 24],
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

interface PlacedCell {
  /** 0-based heading row, 1-based column. */
  r: number;
  col: number;
  cell: GridHeaderCell;
}

/** Heading cells where they land: left to right, skipping places taken by a cell spanning down from above. */
function placeHeading(rows: GridHeaderCell[][]): PlacedCell[] {
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  rows.forEach((cells, r) => {
    let col = 1;
    for (const h of cells) {
      while (taken.has(`${r},${col}`)) col++;
      const colSpan = h.colSpan ?? 1;
      const rowSpan = h.rowSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${r + dr},${col + dc}`);
      placed.push({ r, col, cell: h });
      col += colSpan;
    }
  });
  return placed;
}

function heading(sheet: ExcelJS.Worksheet, rows: GridHeaderCell[][]): void {
  for (const { r, col, cell: h } of placeHeading(rows)) {
    const row = HEADING_ROW + r;
    const colSpan = h.colSpan ?? 1;
    const rowSpan = h.rowSpan ?? 1;
    if (colSpan > 1 || rowSpan > 1) sheet.mergeCells(row, col, row + rowSpan - 1, col + colSpan - 1);
    sheet.getCell(row, col).value = h.text;
  }
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

/** Vietnamese letters with marks run a little wider than the column's character unit. */
const WIDE = 1.15;

/** Widths that fit the longest word and, within a limit, the longest text of each column. */
function fitColumns(sheet: ExcelJS.Worksheet, header: GridHeaderCell[][], values: Array<Array<string | number>>, limits: Array<[number, number]>): void {
  const placed = placeHeading(header);
  limits.forEach(([min, max], c) => {
    let width = min;
    for (const row of values) width = Math.max(width, Math.min(max, Math.ceil(String(row[c] ?? '').length * WIDE) + 2));
    for (const { col, cell: h } of placed) {
      if (col === c + 1 && (h.colSpan ?? 1) === 1) {
        const longestWord = Math.max(...h.text.split(/\s+/).map((w) => w.length));
        width = Math.max(width, longestWord + 2);
      }
    }
    sheet.getColumn(c + 1).width = width;
  });
}

/** Lines a text takes in a column `width` characters wide, wrapped at spaces. */
function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, (width - 1) / WIDE);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= room || used === 0) used = need;
    else {
      lines += 1 + Math.floor(word.length / room);
      used = word.length % room;
    }
  }
  return lines;
}

/**
 * Heading rows tall enough for their wrapped titles: LibreOffice does not grow them and
 * prints the lines over each other. A title spanning rows may use all of their height.
 */
function fitHeadingRows(sheet: ExcelJS.Worksheet, header: GridHeaderCell[][]): void {
  const LINE = 16;
  const placed = placeHeading(header);
  const width = (col: number, span: number) => {
    let w = 0;
    for (let c = col; c < col + span; c++) w += sheet.getColumn(c).width ?? 10;
    return w;
  };
  const heights = header.map(() => LINE);
  for (const { r, col, cell } of placed) {
    if ((cell.rowSpan ?? 1) === 1) heights[r] = Math.max(heights[r]!, wrappedLines(cell.text, width(col, cell.colSpan ?? 1)) * LINE);
  }
  for (const { r, col, cell } of placed) {
    const span = cell.rowSpan ?? 1;
    if (span === 1) continue;
    const need = wrappedLines(cell.text, width(col, cell.colSpan ?? 1)) * LINE;
    const have = heights.slice(r, r + span).reduce((a, b) => a + b, 0);
    if (need > have) heights[r + span - 1]! += need - have;
  }
  heights.forEach((h, r) => (sheet.getRow(HEADING_ROW + r).height = h));
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
      lines = Math.max(lines, Math.ceil((v.length * WIDE) / Math.max(1, width - 1)));
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

/** One table on its own sheet: caption, heading rows, body rows; what each Biểu sheet needs. */
export interface TableSheet {
  name: string;
  caption: AppendixCaption;
  header: GridHeaderCell[][];
  rows: Array<Array<string | number>>;
  /** Columns whose text is centred (numbers always are). */
  centred: number[];
  /** Column widths in characters, [min, max] per column. */
  limits: Array<[number, number]>;
  /** The last row is a total row, set in bold. */
  boldLast?: boolean;
}

/** Adds a sheet with one Biểu; the summary of the parent unit writes its tables the same way. */
export function addTableSheet(book: ExcelJS.Workbook, table: TableSheet): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(table.name);
  const columns = Math.max(...table.header.map((cells) => cells.reduce((n, h) => n + (h.colSpan ?? 1), 0)));
  const first = HEADING_ROW + table.header.length;
  caption(sheet, table.caption, columns);
  heading(sheet, table.header);
  body(sheet, first, table.rows, table.centred, table.boldLast ?? false);
  fitColumns(sheet, table.header, table.rows, table.limits);
  fitHeadingRows(sheet, table.header);
  fitBodyRows(sheet, first, table.rows);
  fitCaptionRows(sheet, columns);
  setUp(sheet, table.header.length);
  return sheet;
}

export function newWorkbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Đối Thoại';
  return book;
}

export async function reportXlsx(tables: ReportTables): Promise<Buffer> {
  const book = newWorkbook();
  addTableSheet(book, {
    name: SHEET_NAMES.detail,
    caption: tables.captions.detail,
    header: detailHeader(tables.asOf),
    rows: tables.detail.map(detailValues),
    centred: DETAIL_CENTRED,
    limits: DETAIL_LIMITS,
  });
  addTableSheet(book, {
    name: SHEET_NAMES.summary,
    caption: tables.captions.summary,
    header: summaryHeader(tables.asOf),
    rows: [...tables.summary.rows.map((r, i) => summaryValues(r, i + 1)), summaryValues(tables.summary.total, '')],
    centred: [0],
    limits: SUMMARY_LIMITS,
    boldLast: true,
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
