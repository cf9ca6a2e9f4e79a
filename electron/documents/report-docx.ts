/**
 * The results report as DOCX: the report itself on A4 portrait, then Biểu 01 and Biểu 02
 * each in a landscape section (wide tables go in a landscape appendix: docs/document-formats.md, "Page setup").
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { hp, reportWithAppendices } from './docx-common';
import { gridTable } from './docx-tables';
import { LANDSCAPE_BODY_WIDTH_PT, ptToTw } from './layout';
import type { AppendixCaption, ReportContent, ReportTables } from './report-content';
import {
  DETAIL_CENTRED,
  DETAIL_WEIGHTS,
  SUMMARY_WEIGHTS,
  detailHeader,
  detailValues,
  summaryHeader,
  summaryValues,
} from './tables';

/** "Biểu 01", the table's title and what it belongs to, over an appendix table. */
export function appendixCaption(c: AppendixCaption): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: c.label, bold: true, size: hp(13) })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.title, bold: true, size: hp(14) })] }),
    ...c.subtitle.split('\n').map(
      (line, i, all) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: i === all.length - 1 ? ptToTw(8) : 0 },
          children: [new TextRun({ text: line, italics: true, size: hp(12) })],
        }),
    ),
  ];
}

export function reportDocument(content: ReportContent, tables: ReportTables): Document {
  const summaryRows = [...tables.summary.rows.map((r, i) => summaryValues(r, i + 1)), summaryValues(tables.summary.total, '')];
  return reportWithAppendices(content, [
    [
      ...appendixCaption(tables.captions.detail),
      gridTable({ totalWidthPt: LANDSCAPE_BODY_WIDTH_PT, weights: DETAIL_WEIGHTS, header: detailHeader(tables.asOf), rows: tables.detail.map(detailValues), centred: DETAIL_CENTRED }),
    ],
    [
      ...appendixCaption(tables.captions.summary),
      gridTable({ totalWidthPt: LANDSCAPE_BODY_WIDTH_PT, weights: SUMMARY_WEIGHTS, header: summaryHeader(tables.asOf), rows: summaryRows, centred: [0], boldLastRow: true }),
    ],
  ]);
}

export async function reportDocx(content: ReportContent, tables: ReportTables): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(content, tables));
}
