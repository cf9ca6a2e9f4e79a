/**
 * The page and the type sizes of docs/document-formats.md, in one place for the DOCX and the PDF
 * writers, and the small content vocabulary (runs, paragraphs, headings) both translate.
 */

/** A4 portrait in twips (1/20 pt) and margins: top 20, bottom 20, left 30, right 15 mm. */
export const PAGE = {
  widthTw: 11906,
  heightTw: 16838,
  marginTw: { top: 1134, bottom: 1134, left: 1701, right: 850 },
  /** Distance from the top edge to the page number, inside the top margin (10 mm). */
  headerTw: 567,
} as const;

export const twToPt = (tw: number): number => tw / 20;
export const ptToTw = (pt: number): number => Math.round(pt * 20);

/** Width of the text block of a portrait page, in points (165 mm). */
export const BODY_WIDTH_PT = twToPt(PAGE.widthTw - PAGE.marginTw.left - PAGE.marginTw.right);
/** Width of the text block of a landscape page (appendix tables), in points. */
export const LANDSCAPE_BODY_WIDTH_PT = twToPt(PAGE.heightTw - PAGE.marginTw.left - PAGE.marginTw.right);

export const BODY = {
  /** Body text size, pt (14 suits both styles: Party 14–15, Government 13–14). */
  size: 14,
  /** First-line indent: 1 cm. */
  firstLineTw: 567,
  /** Space after each paragraph: 6 pt. */
  afterPt: 6,
  /** Line spacing as a multiple of single (the official range: single to 1.5). */
  line: 1.15,
} as const;

export const TABLE_TEXT_SIZE = 11;
export const TITLE_SIZE = 15;
export const SUBJECT_SIZE = 14;
export const SIGN_TITLE_SIZE = 14;
export const RECIPIENTS_LABEL_SIZE = 12;
export const RECIPIENTS_SIZE = 11;

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A body paragraph: justified with a first-line indent unless told otherwise. */
export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  /** false for lines that start at the margin (headings of the report's sections). */
  indent?: boolean;
  align?: 'justify' | 'center' | 'left';
  keepNext?: boolean;
}

export type Block = Paragraph;

/**
 * Text as every format prints it: a tab becomes one space (a justified paragraph has no tab
 * stops, and the preview, DOCX, PDF and XLSX would each draw it differently); a line break
 * stays a line break, drawn as one by each writer.
 */
export function printable(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]*\t[ \t]*/g, ' ');
}

export function para(runs: Run[] | string, options: Omit<Paragraph, 'kind' | 'runs'> = {}): Paragraph {
  const list = typeof runs === 'string' ? [{ text: runs }] : runs;
  return { kind: 'paragraph', runs: list.map((r) => ({ ...r, text: printable(r.text) })), ...options };
}

/** A bold heading line ("1. Khai mạc hội nghị", "I. KẾT QUẢ HỘI NGHỊ"); kept with what follows. */
export function heading(text: string, indent = true): Paragraph {
  return para([{ text, bold: true }], { indent, keepNext: true });
}

/** "Label: value" with the label bold, as Mẫu 1.9 lays out its first lines. */
export function labelled(label: string, value: string): Paragraph {
  return para([{ text: `${label}: `, bold: true }, { text: value }]);
}
