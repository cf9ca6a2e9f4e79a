/**
 * The aggregate report's tables as a working spreadsheet: one sheet per Biểu, real numbers,
 * frozen heading rows, fitted widths, A4 landscape; written like the results report's sheets.
 */
import { addTableSheet, newWorkbook } from './report-xlsx';
import type { SummaryTable, SummaryTableKey } from './summary-content';

/** Sheet names: Vietnamese, at most 31 characters (Excel's limit). */
export const SUMMARY_SHEET_NAMES: Record<SummaryTableKey, string> = {
  byUnit: 'Biểu 01 - Theo đơn vị',
  byField: 'Biểu 02 - Theo lĩnh vực',
  completeness: 'Biểu 03 - Gửi báo cáo',
};

const COUNT: [number, number] = [10, 13];

/** Column widths in characters: [min, max]; text wraps within the max. */
const LIMITS: Record<SummaryTableKey, Array<[number, number]>> = {
  byUnit: [[5, 6], [24, 40], ...Array.from({ length: 11 }, (): [number, number] => COUNT)],
  // Room for the longest default field on one line ("Quy hoạch, giải phóng mặt bằng, xây dựng cơ bản").
  byField: [[5, 6], [30, 58], ...Array.from({ length: 8 }, (): [number, number] => [11, 13])],
  completeness: [[5, 6], [24, 40], [9, 12], COUNT, COUNT, COUNT, [16, 40], [12, 30]],
};

export async function summaryXlsx(tables: SummaryTable[]): Promise<Buffer> {
  const book = newWorkbook();
  for (const t of tables) {
    addTableSheet(book, {
      name: SUMMARY_SHEET_NAMES[t.key],
      caption: t.caption,
      header: t.header,
      rows: t.rows,
      centred: t.centred,
      limits: LIMITS[t.key],
      boldLast: true,
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
