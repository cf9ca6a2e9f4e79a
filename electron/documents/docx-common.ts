/**
 * DOCX building blocks shared by the minutes and the report: page setup, styles, the
 * two-column header, body paragraphs, signatures and "Nơi nhận". Times New Roman, not
 * embedded (docs/document-formats.md, "Fonts"): every office PC has it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
  type ISectionOptions,
} from 'docx';
import { subjectLines, type HeaderItem, type HeaderSpec, type SignatureBlock } from './header';
import type { ReportFront } from './report-content';
import {
  BODY,
  PAGE,
  RECIPIENTS_LABEL_SIZE,
  RECIPIENTS_SIZE,
  SIGN_TITLE_SIZE,
  SUBJECT_SIZE,
  TITLE_SIZE,
  ptToTw,
  type Block,
  type Run,
} from './layout';

export const FONT = 'Times New Roman';
const LANGUAGE = 'vi-VN';

/** docx sizes are half-points. */
export const hp = (pt: number): number => Math.round(pt * 2);

const lineTw = (multiple: number): number => Math.round(240 * multiple);

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: hp(BODY.size), language: { value: LANGUAGE } },
      paragraph: { spacing: { before: 0, after: 0, line: lineTw(1), lineRule: LineRuleType.AUTO } },
    },
  },
};

/** Page numbers centred in the top margin, none on page 1 (a different first-page header). */
function pageNumberHeaders(): NonNullable<ISectionOptions['headers']> {
  return {
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: hp(BODY.size) })] })],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

export function sectionProperties(orientation: 'portrait' | 'landscape' = 'portrait', titlePage = true): ISectionOptions['properties'] {
  return {
    titlePage,
    page: {
      size: {
        width: PAGE.widthTw,
        height: PAGE.heightTw,
        orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { ...PAGE.marginTw, header: PAGE.headerTw, footer: PAGE.headerTw },
    },
  };
}

export function sectionHeaders(): NonNullable<ISectionOptions['headers']> {
  return pageNumberHeaders();
}

/** A typed line break is a line break in Word too (a "\n" inside w:t would print as a space). */
export function runs(list: Run[], size = BODY.size): TextRun[] {
  return list.flatMap((r) =>
    r.text.split('\n').map((text, i) => new TextRun({ text, bold: r.bold, italics: r.italic, size: hp(size), break: i > 0 ? 1 : undefined })),
  );
}

export function bodyParagraph(block: Block): Paragraph {
  const align = block.align ?? 'justify';
  return new Paragraph({
    alignment: align === 'center' ? AlignmentType.CENTER : align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent: block.indent === false ? undefined : { firstLine: BODY.firstLineTw },
    spacing: { before: 0, after: ptToTw(BODY.afterPt), line: lineTw(BODY.line), lineRule: LineRuleType.AUTO },
    keepNext: block.keepNext,
    children: runs(block.runs),
  });
}

/** A horizontal rule `length` points long, centred in a column `column` points wide. */
function ruleParagraph(length: number, column: number): Paragraph {
  const side = Math.max(0, ptToTw((column - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

function headerItem(item: HeaderItem, column: number): Paragraph {
  switch (item.kind) {
    case 'rule':
      return ruleParagraph(item.length, column);
    case 'gap':
      return new Paragraph({ spacing: { before: 0, after: 0, line: ptToTw(item.size), lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] });
    case 'text':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0 },
        children: [new TextRun({ text: item.text, bold: item.bold, italics: item.italic, size: hp(item.size) })],
      });
  }
}

const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

function borderlessTable(widthsPt: number[], cells: Paragraph[][], cantSplit = false): Table {
  const widths = widthsPt.map(ptToTw);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit,
        children: cells.map(
          (children, i) =>
            new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, margins: NO_MARGINS, children: children.length > 0 ? children : [new Paragraph({})] }),
        ),
      }),
    ],
  });
}

export function headerTable(spec: HeaderSpec): Table {
  return borderlessTable(spec.widths, [spec.left.map((i) => headerItem(i, spec.widths[0])), spec.right.map((i) => headerItem(i, spec.widths[1]))]);
}

/** The document type and its subject, centred: "BIÊN BẢN" / the meeting's name. */
export function titleParagraphs(title: string, subject: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: ptToTw(18), after: 0 },
      keepNext: true,
      children: [new TextRun({ text: title, bold: true, size: hp(TITLE_SIZE) })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: ptToTw(12), line: lineTw(BODY.line), lineRule: LineRuleType.AUTO },
      keepNext: true,
      children: subjectLines(subject).map((line, i) => new TextRun({ text: line, bold: true, size: hp(SUBJECT_SIZE), break: i > 0 ? 1 : undefined })),
    }),
  ];
}

function signatureCell(block: SignatureBlock | null, titleLines: number): Paragraph[] {
  if (!block) return [];
  // Both names sit on one line: the side with fewer title lines gets blank ones.
  const titles = [...block.titles, ...Array<string>(Math.max(0, titleLines - block.titles.length)).fill('')];
  return [
    ...titles.map(
      (t) => new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, children: [new TextRun({ text: t, bold: true, size: hp(SIGN_TITLE_SIZE) })] }),
    ),
    // Room to sign (and stamp): about 3 cm.
    new Paragraph({ spacing: { before: 0, after: 0, line: ptToTw(84), lineRule: LineRuleType.EXACT }, keepNext: true, children: [] }),
    new Paragraph({ alignment: AlignmentType.CENTER, keepLines: true, children: [new TextRun({ text: block.name, bold: true, size: hp(SIGN_TITLE_SIZE) })] }),
  ];
}

export function recipientParagraphs(recipients: string[]): Paragraph[] {
  if (recipients.length === 0) return [];
  return [
    new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: hp(RECIPIENTS_LABEL_SIZE) })] }),
    ...recipients.map((r) => new Paragraph({ children: [new TextRun({ text: r, size: hp(RECIPIENTS_SIZE) })] })),
  ];
}

/** Two signature columns, e.g. THƯ KÝ | CHỦ TỌA, each with room to sign and the name in bold. */
export function signatureTable(left: SignatureBlock | null, right: SignatureBlock | null, leftExtra: Paragraph[] = []): Table {
  const half = (PAGE.widthTw - PAGE.marginTw.left - PAGE.marginTw.right) / 40;
  const spacer = new Paragraph({ spacing: { before: ptToTw(6), after: 0 }, children: [] });
  const titleLines = Math.max(left?.titles.length ?? 0, right?.titles.length ?? 0);
  return borderlessTable(
    [half * 0.9, half * 1.1],
    [
      [spacer, ...signatureCell(left, titleLines), ...leftExtra],
      [spacer, ...signatureCell(right, titleLines)],
    ],
    true,
  );
}

/**
 * A report: its text on A4 portrait, then each appendix (Biểu) in a landscape section of
 * its own, under the same running page numbers.
 */
export function reportWithAppendices(content: ReportFront, appendices: Array<Array<Paragraph | Table>>): Document {
  return signedDocument('Báo cáo', content, appendices);
}

/**
 * A document signed by one office with "Nơi nhận" under it (a report, the conclusion
 * notice): its text on A4 portrait, then any appendix in a landscape section of its own.
 * `kind` names it in the file's properties ("Báo cáo", "Thông báo").
 */
export function signedDocument(kind: string, content: ReportFront, appendices: Array<Array<Paragraph | Table>> = []): Document {
  const landscape = { properties: sectionProperties('landscape', false), headers: sectionHeaders() };
  return new Document({
    creator: 'Đối Thoại',
    title: `${kind} ${content.subject}`,
    styles: STYLES,
    sections: [
      {
        properties: sectionProperties('portrait'),
        headers: sectionHeaders(),
        children: [
          headerTable(content.header),
          ...titleParagraphs(content.title, content.subject),
          // The last paragraph keeps with the signature: the signer's titles ("T/M ĐẢNG ỦY") never stand alone on a page.
          ...content.body.map((block, i, all) => bodyParagraph(i === all.length - 1 ? { ...block, keepNext: true } : block)),
          signatureTable(null, content.signature, recipientParagraphs(content.recipients)),
        ],
      },
      ...appendices.map((children) => ({ ...landscape, children })),
    ],
  });
}
