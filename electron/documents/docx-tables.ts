/** Bordered DOCX tables for the report's appendices (Biểu 01, Biểu 02): header rows repeat on each page. */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { hp } from './docx-common';
import { TABLE_TEXT_SIZE, ptToTw } from './layout';
import type { GridHeaderCell } from './tables';

export type GridValue = string | number;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const CELL_MARGINS = { top: 40, bottom: 40, left: 70, right: 70 };

function cell(text: string, options: { bold?: boolean; align?: 'left' | 'center'; colSpan?: number; rowSpan?: number; width?: number }): TableCell {
  return new TableCell({
    columnSpan: options.colSpan,
    rowSpan: options.rowSpan,
    width: options.width ? { size: options.width, type: WidthType.DXA } : undefined,
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.CENTER,
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: options.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: line, bold: options.bold, size: hp(TABLE_TEXT_SIZE) })],
        }),
    ),
  });
}

/**
 * A grid table `totalWidthPt` wide; `weights` share the width between columns. Numbers and
 * the columns listed in `centred` are centred; `boldLastRow` sets a total row in bold.
 */
export function gridTable(options: {
  totalWidthPt: number;
  weights: number[];
  header: GridHeaderCell[][];
  rows: GridValue[][];
  centred?: number[];
  boldLastRow?: boolean;
}): Table {
  const sum = options.weights.reduce((a, b) => a + b, 0);
  const widths = options.weights.map((w) => ptToTw((options.totalWidthPt * w) / sum));
  const centred = new Set(options.centred ?? []);
  const headerRows = options.header.map(
    (row) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: row.map((h) => cell(h.text, { bold: true, align: 'center', colSpan: h.colSpan, rowSpan: h.rowSpan })),
      }),
  );
  const bodyRows = options.rows.map(
    (values, r) =>
      new TableRow({
        children: values.map((v, i) =>
          cell(String(v), {
            bold: Boolean(options.boldLastRow && r === options.rows.length - 1),
            align: typeof v === 'number' || centred.has(i) ? 'center' : 'left',
            width: widths[i],
          }),
        ),
      }),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [...headerRows, ...bodyRows],
  });
}
