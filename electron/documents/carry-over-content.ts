/**
 * "Kết quả giải quyết ý kiến, kiến nghị tại hội nghị trước": what the chair reports at the
 * opening of a unit's next conference — for each earlier conference its matters by outcome
 * on this conference's date, then each matter still not resolved with its agency, deadline
 * and latest history entry. Blocks only, so the minutes' DOCX and PDF say the same. Dates
 * are written out ("ngày 16 tháng 9 năm 2026"): this is running text, not a table.
 */
import type { CarryOverConference, CarryOverMatter } from '../../shared/api/types';
import { CONCERN_STATUS_LABELS, HANDLING_LABELS } from '../../shared/domain';
import { count2, dateWords, joinParts, sentence } from './format';
import { para, type Block } from './layout';

export const CARRY_OVER_TITLE = 'Kết quả giải quyết ý kiến, kiến nghị tại hội nghị trước';

/** "đã giải quyết 08 nội dung, đang giải quyết 00 …": zero counts are said too, as a report does. */
function countsPhrase(c: CarryOverConference): string {
  const late = c.overdue > 0 ? `; ${count2(c.overdue)} nội dung quá hạn giải quyết` : '';
  return `tổng số ${count2(c.total)} nội dung; đã giải quyết ${count2(c.resolved)} nội dung, đang giải quyết ${count2(c.inProgress)} nội dung, chưa giải quyết ${count2(c.open)} nội dung${late}`;
}

/** One line per matter still not resolved: "+ Nội dung số 12: … Cơ quan giải quyết: …; thời hạn: …; kết quả: …". */
export function pendingLine(m: CarryOverMatter): string {
  const agency = m.agencyName || (m.handling === 'forwarded' ? 'cấp trên' : '');
  // The latest entry: "(ngày 01 tháng 12 năm 2026, Phòng Kinh tế: Đã yêu cầu …; Công văn số 125/UBND-KT)".
  const said = m.latest ? joinParts([m.latest.note, m.latest.reference], '; ') : '';
  const latest = m.latest ? `${joinParts([dateWords(m.latest.date), m.latest.reportedBy])}${said ? `: ${said}` : ''}` : '';
  const facts = [
    m.handling ? `hình thức xử lý: ${HANDLING_LABELS[m.handling].toLocaleLowerCase('vi')}` : '',
    agency ? `cơ quan giải quyết: ${agency}` : '',
    m.deadline ? `thời hạn: ${dateWords(m.deadline)}${m.overdue ? ' (quá hạn)' : ''}` : '',
    `kết quả: ${CONCERN_STATUS_LABELS[m.status].toLocaleLowerCase('vi')}${latest ? ` (${latest})` : ''}`,
  ].filter(Boolean);
  return `+ Nội dung số ${m.number}: ${sentence(m.text)} ${sentence(facts.join('; ').replace(/^./, (ch) => ch.toLocaleUpperCase('vi')))}`;
}

/** The section's paragraphs (under a heading the caller numbers); empty when there is no earlier conference. */
export function carryOverBlocks(conferences: CarryOverConference[], asOf: string): Block[] {
  if (conferences.length === 0) return [];
  const blocks: Block[] = [
    para(`Tính đến ${dateWords(asOf)}, kết quả giải quyết ý kiến, kiến nghị của Nhân dân tại ${conferences.length > 1 ? 'các hội nghị' : 'hội nghị'} trước như sau:`),
  ];
  for (const c of conferences) {
    blocks.push(para([{ text: `- Hội nghị ${dateWords(c.date)}: `, bold: true }, { text: `${countsPhrase(c)}.` }], { keepNext: c.pending.length > 0 }));
    if (c.pending.length > 0) {
      blocks.push(para([{ text: 'Các nội dung chưa giải quyết xong:', italic: true }], { keepNext: true }));
      for (const m of c.pending) blocks.push(para(pendingLine(m)));
    }
  }
  return blocks;
}
