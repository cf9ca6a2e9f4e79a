/** The minutes as DOCX: A4, Times New Roman, the unit's header style, page numbers from page 2. */
import { Document, Packer, Paragraph } from 'docx';
import { STYLES, bodyParagraph, headerTable, recipientParagraphs, sectionHeaders, sectionProperties, signatureTable, titleParagraphs } from './docx-common';
import type { MinutesContent } from './minutes-content';

export function minutesDocument(content: MinutesContent): Document {
  return new Document({
    creator: 'Đối Thoại',
    title: `Biên bản ${content.subject}`,
    styles: STYLES,
    sections: [
      {
        properties: sectionProperties('portrait'),
        headers: sectionHeaders(),
        children: [
          headerTable(content.header),
          ...titleParagraphs(content.title, content.subject),
          ...content.body.map(bodyParagraph),
          ...content.closing.map(bodyParagraph),
          // "Nơi nhận" goes under the left signature (docs/document-formats.md, "Nơi nhận").
          signatureTable(content.signatures.left, content.signatures.right, [
            new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }),
            ...recipientParagraphs(content.recipients),
          ]),
        ],
      },
    ],
  });
}

export async function minutesDocx(content: MinutesContent): Promise<Buffer> {
  return Packer.toBuffer(minutesDocument(content));
}
