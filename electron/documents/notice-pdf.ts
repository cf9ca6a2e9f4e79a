/** The conclusion notice as PDF: the same content blocks as the DOCX, laid out by pdfmake. */
import type { NoticeContent } from './notice-content';
import { pdfDocument, pdfHeader, pdfParagraph, pdfRecipients, pdfSignatures, pdfTitle, renderPdf } from './pdf-common';

export function noticePdfDefinition(content: NoticeContent): Record<string, unknown> {
  const last = content.body.slice(-1);
  return pdfDocument(`Thông báo ${content.subject}`, [
    pdfHeader(content.header),
    ...pdfTitle(content.title, content.subject),
    ...content.body.slice(0, -1).map(pdfParagraph),
    // The closing sentence goes on the page of the signature, "Nơi nhận" under the empty left column.
    pdfSignatures(null, content.signature, [{ text: '', margin: [0, 6, 0, 0] }, ...pdfRecipients(content.recipients)], last.map(pdfParagraph)),
  ]);
}

export async function noticePdf(content: NoticeContent): Promise<Buffer> {
  return renderPdf(noticePdfDefinition(content));
}
