/**
 * PDF through pdfmake (pure JavaScript over pdfkit): the same bytes from Electron main, the
 * browser host and the CLI, with Liberation Serif 2 embedded (subset), so every Vietnamese
 * letter prints on any machine. Fonts come from resources/fonts through pdfmake's virtual
 * file system; pdfmake is told it may read no local file and fetch no URL.
 */
import pdfmake from 'pdfmake';
import { FONT_FILES, fontBuffer, type FontStyle } from './fonts';
import { subjectLines, type HeaderItem, type HeaderSpec, type SignatureBlock } from './header';
import {
  BODY,
  PAGE,
  RECIPIENTS_LABEL_SIZE,
  RECIPIENTS_SIZE,
  SIGN_TITLE_SIZE,
  SUBJECT_SIZE,
  TITLE_SIZE,
  twToPt,
  type Block,
  type Run,
} from './layout';

export const PDF_FONT = 'LiberationSerif';

export type PdfNode = Record<string, unknown>;

let ready = false;

function setUp(): void {
  if (ready) return;
  for (const style of Object.keys(FONT_FILES) as FontStyle[]) {
    pdfmake.virtualfs.writeFileSync(FONT_FILES[style], fontBuffer(style));
  }
  pdfmake.setFonts({
    [PDF_FONT]: { normal: FONT_FILES.normal, bold: FONT_FILES.bold, italics: FONT_FILES.italics, bolditalics: FONT_FILES.bolditalics },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

const mm = (value: number): number => (value * 72) / 25.4;

/** A4 portrait with the margins of docs/document-formats.md; page numbers centred in the top margin from page 2. */
export function pdfDocument(title: string, content: PdfNode[]): Record<string, unknown> {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [twToPt(PAGE.marginTw.left), twToPt(PAGE.marginTw.top), twToPt(PAGE.marginTw.right), twToPt(PAGE.marginTw.bottom)],
    info: { title, creator: 'Đối Thoại', producer: 'Đối Thoại' },
    language: 'vi-VN',
    defaultStyle: { font: PDF_FONT, fontSize: BODY.size, lineHeight: 1 },
    header: (currentPage: number) =>
      currentPage === 1 ? null : { text: String(currentPage), alignment: 'center', fontSize: BODY.size, margin: [0, mm(10), 0, 0] },
    // A heading must not be the last line of a page.
    pageBreakBefore: (node: { headlineLevel?: number }, following: { followingNodesOnPage?: unknown[] }) =>
      node.headlineLevel === 1 && (following.followingNodesOnPage?.length ?? 1) === 0,
    content,
  };
}

export async function renderPdf(definition: Record<string, unknown>): Promise<Buffer> {
  setUp();
  return pdfmake.createPdf(definition).getBuffer();
}

/**
 * A word with a hyphen or slash inside ("09-KH/ĐU", "125/UBND", "Hồ Chí Minh-Việt Nam") in
 * one piece, with the spaces after it. pdfmake breaks text into pieces at every break
 * opportunity and, to justify a line, widens the gap between pieces, not only at spaces:
 * it would print "09- KH/ ĐU".
 */
const JOINED_WORD = /\S*[^\s/-][/-]+[^\s/-]\S*[ \u00a0]*/gu;

function unbroken(text: string): Array<{ text: string; noWrap?: true }> {
  const pieces: Array<{ text: string; noWrap?: true }> = [];
  let at = 0;
  for (const m of text.matchAll(JOINED_WORD)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index) });
    pieces.push({ text: m[0], noWrap: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

export function pdfRuns(list: Run[]): PdfNode[] {
  return list.flatMap((r) => unbroken(r.text).map((p) => ({ ...p, bold: Boolean(r.bold), italics: Boolean(r.italic) })));
}

export function pdfParagraph(block: Block): PdfNode {
  return {
    text: pdfRuns(block.runs),
    alignment: block.align ?? 'justify',
    leadingIndent: block.indent === false ? 0 : twToPt(BODY.firstLineTw),
    lineHeight: BODY.line,
    margin: [0, 0, 0, BODY.afterPt],
    ...(block.keepNext ? { headlineLevel: 1 } : {}),
  };
}

function headerItem(item: HeaderItem, column: number): PdfNode {
  switch (item.kind) {
    case 'rule': {
      const x = Math.max(0, (column - item.length) / 2);
      return { canvas: [{ type: 'line', x1: x, y1: 0, x2: x + item.length, y2: 0, lineWidth: 0.6 }], margin: [0, 5, 0, 1] };
    }
    case 'gap':
      return { text: '', margin: [0, item.size, 0, 0] };
    case 'text':
      return { text: item.text, fontSize: item.size, bold: Boolean(item.bold), italics: Boolean(item.italic), alignment: 'center' };
  }
}

export function pdfHeader(spec: HeaderSpec): PdfNode {
  return {
    columns: [
      { width: spec.widths[0], stack: spec.left.map((i) => headerItem(i, spec.widths[0])) },
      { width: spec.widths[1], stack: spec.right.map((i) => headerItem(i, spec.widths[1])) },
    ],
    columnGap: 0,
  };
}

export function pdfTitle(title: string, subject: string): PdfNode[] {
  return [
    { text: title, bold: true, fontSize: TITLE_SIZE, alignment: 'center', margin: [0, 18, 0, 0], headlineLevel: 1 },
    { text: subjectLines(subject).join('\n'), bold: true, fontSize: SUBJECT_SIZE, alignment: 'center', lineHeight: BODY.line, margin: [0, 0, 0, 12] },
  ];
}

function signatureStack(block: SignatureBlock | null, titleLines: number): PdfNode[] {
  if (!block) return [];
  const titles = [...block.titles, ...Array<string>(Math.max(0, titleLines - block.titles.length)).fill(' ')];
  return [
    ...titles.map((t) => ({ text: t, bold: true, fontSize: SIGN_TITLE_SIZE, alignment: 'center' })),
    { text: '', margin: [0, 84, 0, 0] },
    { text: block.name, bold: true, fontSize: SIGN_TITLE_SIZE, alignment: 'center' },
  ];
}

export function pdfRecipients(recipients: string[]): PdfNode[] {
  if (recipients.length === 0) return [];
  return [
    { text: 'Nơi nhận:', bold: true, italics: true, fontSize: RECIPIENTS_LABEL_SIZE },
    ...recipients.map((r) => ({ text: r, fontSize: RECIPIENTS_SIZE })),
  ];
}

/**
 * Two signature columns, "Nơi nhận" (if given) under the left one, kept on one page together
 * with `before` (the closing lines): a signature never stands alone on the last page.
 */
export function pdfSignatures(left: SignatureBlock | null, right: SignatureBlock | null, leftExtra: PdfNode[] = [], before: PdfNode[] = []): PdfNode {
  const width = twToPt(PAGE.widthTw - PAGE.marginTw.left - PAGE.marginTw.right);
  const titleLines = Math.max(left?.titles.length ?? 0, right?.titles.length ?? 0);
  return {
    stack: [
      ...before,
      {
        columns: [
          { width: (width / 2) * 0.9, stack: [...signatureStack(left, titleLines), ...leftExtra] },
          { width: (width / 2) * 1.1, stack: signatureStack(right, titleLines) },
        ],
        columnGap: 0,
        margin: [0, 6, 0, 0],
      },
    ],
    unbreakable: true,
  };
}
