/**
 * The aggregate report as DOCX: the report on A4 portrait, then Biểu 01, 02 and 03 each in a
 * landscape section, drawn with the same header, paragraphs and grid tables as the results report.
 */
import { Document, Packer } from 'docx';
import { reportWithAppendices } from './docx-common';
import { gridTable } from './docx-tables';
import { LANDSCAPE_BODY_WIDTH_PT } from './layout';
import { appendixCaption } from './report-docx';
import type { SummaryContent, SummaryTable, SummaryTableKey } from './summary-content';
import { SUMMARY_WEIGHTS } from './tables';

/** Relative column widths: the unit's name gets the room, the counts share the rest. */
export const SUMMARY_TABLE_WEIGHTS: Record<SummaryTableKey, number[]> = {
  byUnit: [4, 20, 7, 7, 7, 7, ...Array<number>(7).fill(7)],
  byField: SUMMARY_WEIGHTS,
  completeness: [5, 24, 8, 9, 9, 9, 19, 17],
};

export function summaryDocument(content: SummaryContent, tables: SummaryTable[]): Document {
  return reportWithAppendices(
    content,
    tables.map((t) => [
      ...appendixCaption(t.caption),
      gridTable({
        totalWidthPt: LANDSCAPE_BODY_WIDTH_PT,
        weights: SUMMARY_TABLE_WEIGHTS[t.key],
        header: t.header,
        rows: t.rows,
        centred: t.centred,
        boldLastRow: true,
      }),
    ]),
  );
}

export async function summaryDocx(content: SummaryContent, tables: SummaryTable[]): Promise<Buffer> {
  return Packer.toBuffer(summaryDocument(content, tables));
}
