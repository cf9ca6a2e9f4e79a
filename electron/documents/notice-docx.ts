/** The conclusion notice as DOCX: one A4 portrait section drawn like the report (header, title, signature with "Nơi nhận"). */
import { Packer, type Document } from 'docx';
import { signedDocument } from './docx-common';
import type { NoticeContent } from './notice-content';

export function noticeDocument(content: NoticeContent): Document {
  return signedDocument('Thông báo', content);
}

export async function noticeDocx(content: NoticeContent): Promise<Buffer> {
  return Packer.toBuffer(noticeDocument(content));
}
