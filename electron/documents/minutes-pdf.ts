/** The minutes as PDF: the same content blocks as the DOCX, laid out by pdfmake. */
import type { MinutesContent } from './minutes-content';
import { pdfDocument, pdfHeader, pdfParagraph, pdfRecipients, pdfSignatures, pdfTitle, renderPdf } from './pdf-common';

export function minutesPdfDefinition(content: MinutesContent): Record<string, unknown> {
  return pdfDocument(`Biên bản ${content.subject}`, [
    pdfHeader(content.header),
    ...pdfTitle(content.title, content.subject),
    ...content.body.map(pdfParagraph),
    pdfSignatures(
      content.signatures.left,
      content.signatures.right,
      [{ text: '', margin: [0, 6, 0, 0] }, ...pdfRecipients(content.recipients)],
      content.closing.map(pdfParagraph),
    ),
  ]);
}

export async function minutesPdf(content: MinutesContent): Promise<Buffer> {
  return renderPdf(minutesPdfDefinition(content));
}
