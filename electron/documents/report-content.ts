/**
 * The results report (báo cáo kết quả): I. preparation and organisation, II. results,
 * III. the head's conclusion, IV. follow-up; Biểu 01 and 02 follow as appendices.
 */
import { HANDLINGS, type Handling } from '../../shared/domain';
import { count2, dateCell, dateWords, joinParts, lowerFirst, percent, sentence, timeWords } from './format';
import { headerSpec, organiserName, reportSignature, type HeaderSpec, type ResolvedOptions, type SignatureBlock } from './header';
import { heading, para, type Block } from './layout';
import { byFieldPhrase } from './minutes-content';
import { CARRY_OVER_TITLE, carryOverBlocks } from './carry-over-content';
import type { DocConcern, DocumentModel } from './model';
import { DETAIL_TITLE, SUMMARY_TITLE, detailRows, summaryTable, type DetailRow, type SummaryRow } from './tables';

/** A report's first pages: the results report and the aggregate report both have this shape. */
export interface ReportFront {
  header: HeaderSpec;
  title: string;
  subject: string;
  body: Block[];
  /** Null when nobody is known to sign (an aggregate report of a database never set up). */
  signature: SignatureBlock | null;
  recipients: string[];
}

export interface ReportContent extends ReportFront {
  signature: SignatureBlock;
}

/** How the report words each handling in running text. */
export const HANDLING_PHRASES: Record<Handling, string> = {
  answered: 'trả lời trực tiếp tại hội nghị',
  assigned: 'giao các cơ quan, đơn vị giải quyết',
  forwarded: 'kiến nghị cấp trên giải quyết',
  noted: 'ghi nhận, tiếp thu',
};

export function reportContent(model: DocumentModel, options: ResolvedOptions): ReportContent {
  const c = model.conference;
  const counts = model.counts;
  const body: Block[] = [];
  const all = [...model.precollected, ...model.turns.flatMap((t) => t.concerns)];
  const raised = all.length - model.precollected.length;

  body.push(
    para(
      `${c.planRef ? `Thực hiện ${c.planRef}, ` : ''}${organiserName(model)} đã tổ chức ${lowerFirst(c.title)}. ${organiserName(model)} báo cáo kết quả như sau:`,
    ),
  );

  body.push(heading('I. CÔNG TÁC CHUẨN BỊ VÀ TỔ CHỨC HỘI NGHỊ'));
  const chairs = c.chairs.map((p) => joinParts([`đồng chí ${p.name}`, p.position])).join('; ');
  body.push(
    para(
      `Hội nghị được tổ chức theo hình thức ${lowerFirst(c.kindLabel)}, vào hồi ${timeWords(c.startTime)}, ${dateWords(c.date)}${
        c.location ? `, tại ${c.location}` : ''
      }${chairs ? `; chủ trì hội nghị: ${chairs}` : ''}.`,
    ),
  );
  const before = [
    model.precollected.length > 0
      ? `Ủy ban MTTQ Việt Nam ${lowerFirst(model.unit.name)} tổng hợp ${count2(model.precollected.length)} nội dung ý kiến, kiến nghị của Nhân dân`
      : '',
    counts.speakersRegistered > 0 ? `có ${count2(counts.speakersRegistered)} đại biểu đăng ký phát biểu` : '',
  ].filter(Boolean);
  if (before.length > 0) body.push(para(`Trước hội nghị, ${before.join('; ')}.`));

  body.push(heading('II. KẾT QUẢ HỘI NGHỊ'));
  const attendance = c.attendeeCount !== null ? `${count2(c.attendeeCount)} đại biểu` : 'các đại biểu';
  body.push(para(`Tham dự hội nghị có ${attendance}${c.guests.length > 0 ? `; khách mời: ${c.guests.join('; ')}` : ''}.`));
  // As in the minutes: the follow-up of the unit's earlier conferences, reported at the opening.
  const carryOver = carryOverBlocks(model.carryOver, c.date);
  if (carryOver.length > 0) body.push(para(`Hội nghị nghe báo cáo ${lowerFirst(CARRY_OVER_TITLE)}.`), ...carryOver);
  body.push(
    para(
      `Tại hội nghị có ${count2(model.turns.length)} lượt ý kiến với ${count2(raised)} nội dung kiến nghị, phản ánh${
        model.precollected.length > 0
          ? `; cùng ${count2(model.precollected.length)} nội dung do Ủy ban MTTQ tổng hợp trước hội nghị, tổng số ${count2(all.length)} nội dung`
          : ''
      }.`,
    ),
  );
  if (all.length > 0) {
    const handled = HANDLINGS.filter((h) => counts.byHandling[h] > 0).map(
      (h) => `${HANDLING_PHRASES[h]} ${count2(counts.byHandling[h])} nội dung (${percent(counts.byHandling[h], all.length)})`,
    );
    if (handled.length > 0) body.push(para(`Kết quả xử lý: ${handled.join('; ')}.`));
    body.push(para(`Theo lĩnh vực: ${byFieldPhrase(model, all).join('; ')}.`));
  }
  body.push(para([{ text: '(Chi tiết tại Biểu 01 và Biểu 02 kèm theo.)', italic: true }]));

  body.push(heading('III. KẾT LUẬN CỦA NGƯỜI ĐỨNG ĐẦU CẤP ỦY, CHÍNH QUYỀN'));
  body.push(para(c.conclusion ? sentence(c.conclusion) : '…'));

  body.push(heading('IV. CÔNG TÁC THEO DÕI, GIẢI QUYẾT SAU HỘI NGHỊ'));
  body.push(para(followUpSentence(model, all)));
  const byAgency = new Map<string, number>();
  for (const concern of all) {
    if (concern.handling === 'assigned') byAgency.set(concern.agencyName || 'Chưa xác định', (byAgency.get(concern.agencyName || 'Chưa xác định') ?? 0) + 1);
  }
  if (byAgency.size > 0) {
    body.push(para('Các nội dung đã giao giải quyết:'));
    const agencies = [...byAgency];
    agencies.forEach(([agency, n], i) => body.push(para(`- ${agency}: ${count2(n)} nội dung${i === agencies.length - 1 ? '.' : ';'}`)));
  }

  return {
    header: headerSpec(model, 'report', options),
    title: 'BÁO CÁO',
    subject: `Kết quả tổ chức ${lowerFirst(c.title)}`,
    body,
    signature: reportSignature(model, options.signer),
    recipients: options.recipients,
  };
}

/**
 * "Đến ngày 01 tháng 11 năm 2026, đã giải quyết xong 08 nội dung, còn 07 nội dung chưa giải
 * quyết (04 nội dung quá hạn)." — the press's wording, with the outcomes as of the model's
 * date (the report's), never the handling at the conference.
 */
export function followUpSentence(model: DocumentModel, all: DocConcern[]): string {
  const n = (status: DocConcern['status']) => all.filter((c) => c.status === status).length;
  const overdue = all.filter((c) => c.overdue).length;
  const left = [
    n('inProgress') > 0 ? `${count2(n('inProgress'))} nội dung đang giải quyết` : '',
    n('open') > 0 ? `${count2(n('open'))} nội dung chưa giải quyết` : '',
  ].filter(Boolean);
  const when = `Đến ${dateWords(model.outcomesAsOf)}`;
  if (all.length === 0) return `${when}, không có nội dung nào phải giải quyết.`;
  if (left.length === 0) return `${when}, đã giải quyết xong toàn bộ ${count2(all.length)} nội dung.`;
  const late = overdue > 0 ? ` (${count2(overdue)} nội dung quá hạn giải quyết)` : '';
  return `${when}, đã giải quyết xong ${count2(n('resolved'))} nội dung, còn ${left.join(' và ')}${late}.`;
}

export interface AppendixCaption {
  /** "Biểu 01" */
  label: string;
  title: string;
  /** The meeting, and which report the table belongs to. */
  subtitle: string;
}

export function appendixCaptions(model: DocumentModel, options: ResolvedOptions): { detail: AppendixCaption; summary: AppendixCaption } {
  const n = options.number.trim();
  const report = n ? `Báo cáo số ${/^\d+$/.test(n) ? n.padStart(2, '0') : n}` : 'Báo cáo';
  const subtitle = `${model.conference.title}, ngày ${dateCell(model.conference.date)}\n(Kèm theo ${report} ngày ${dateCell(options.date)} của ${organiserName(model)})`;
  return {
    detail: { label: 'Biểu 01', title: DETAIL_TITLE, subtitle },
    summary: { label: 'Biểu 02', title: SUMMARY_TITLE, subtitle },
  };
}

/** Biểu 01 and Biểu 02 with their captions: what the DOCX appendices and the XLSX sheets print. */
export interface ReportTables {
  /** yyyy-mm-dd: the outcomes' date, which the headings name. */
  asOf: string;
  detail: DetailRow[];
  summary: { rows: SummaryRow[]; total: SummaryRow };
  captions: { detail: AppendixCaption; summary: AppendixCaption };
}

export function reportTables(model: DocumentModel, options: ResolvedOptions): ReportTables {
  return { asOf: model.outcomesAsOf, detail: detailRows(model), summary: summaryTable(model), captions: appendixCaptions(model, options) };
}
