/** The conclusion notice as DOCX: one A4 portrait section drawn with the report's pieces (header, title, signature with "Nơi nhận"). */
import { Document, Packer } from 'docx';
import { STYLES, bodyParagraph, headerTable, recipientParagraphs, sectionHeaders, sectionProperties, signatureTable, titleParagraphs } from './docx-common';
import type { NoticeContent } from './notice-content';

export function noticeDocument(content: NoticeContent): Document {
  return new Document({
    creator: 'Đối Thoại',
    title: `Thông báo ${content.subject}`,
    styles: STYLES,
    sections: [
      {
        properties: sectionProperties('portrait'),
        headers: sectionHeaders(),
        children: [
          headerTable(content.header),
          ...titleParagraphs(content.title, content.subject),
          // The last paragraph keeps with the signature: the signer's titles never stand alone on a page.
          ...content.body.map((block, i, all) => bodyParagraph(i === all.length - 1 ? { ...block, keepNext: true } : block)),
          signatureTable(null, content.signature, recipientParagraphs(content.recipients)),
        ],
      },
    ],
  });
}

export async function noticeDocx(content: NoticeContent): Promise<Buffer> {
  return Packer.toBuffer(noticeDocument(content));
}
