/**
 * The parent unit's aggregate report (báo cáo tổng hợp): who held a conference and sent it up,
 * what was raised, how it was handled and resolved, over a period and across the child units.
 * Biểu 01 (by unit), Biểu 02 (by field) and Biểu 03 (who has sent) follow as appendices.
 *
 * Every figure is read from the Overview as the service computed it; nothing is counted again
 * here, so the text, the tables and the app's screen always agree.
 */
import type { AggregateRow, Overview, Unit } from '../../shared/api/types';
import { CONFERENCE_KINDS, CONFERENCE_KIND_LABELS, HANDLINGS } from '../../shared/domain';
import { count2, dateCell, dateWords, lowerFirst, percent, upperFirst } from './format';
import {
  archiveLine,
  headerSpec,
  issuingBody,
  organiserName,
  type ResolvedOptions,
  type SignatureBlock,
  type UnitDocument,
} from './header';
import { heading, para, type Block } from './layout';
import { docUnit, type DocUnit } from './model';
import { HANDLING_PHRASES, type AppendixCaption, type ReportFront } from './report-content';
import { SUMMARY_GROUPS, SUMMARY_LABELS, SUMMARY_TITLE, SUMMARY_VALUE_KEYS, TOTAL_LABEL, summaryHeader, summaryValues, type GridHeaderCell } from './tables';

export type SummaryContent = ReportFront;

export type SummaryTableKey = 'byUnit' | 'byField' | 'completeness';

/** One appendix, as both the DOCX and the XLSX print it. */
export interface SummaryTable {
  key: SummaryTableKey;
  caption: AppendixCaption;
  header: GridHeaderCell[][];
  /** Body rows then the total row (the last one, printed bold). */
  rows: Array<Array<string | number>>;
  /** Text columns printed centred (numbers always are). */
  centred: number[];
}

export const UNIT_TABLE_TITLE = 'TỔNG HỢP KẾT QUẢ TỔ CHỨC HỘI NGHỊ ĐỐI THOẠI THEO ĐƠN VỊ';
export const COMPLETENESS_TITLE = 'TÌNH HÌNH TỔ CHỨC HỘI NGHỊ ĐỐI THOẠI VÀ GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ';
export const SENT_LABEL = 'Đã gửi';
export const NOT_SENT_LABEL = 'Chưa gửi';

const nfc = (text: string | null | undefined): string => (text ?? '').normalize('NFC').trim();

/** The unit that issues the summary; without one, a unit with no header lines, no place and no name. */
export function summaryUnit(unit: Unit | null): DocUnit {
  if (unit) return docUnit(unit);
  return { name: '', level: 'tỉnh', parentName: '', style: 'party', headerParentLine: '', headerIssuerLine: '', placeName: '' };
}

/** The period in words for the subject and the captions: "từ ngày 01/01/2026 đến ngày 30/06/2026". */
export function periodWords(overview: Overview): string {
  return `từ ngày ${dateCell(overview.completeness.from)} đến ngày ${dateCell(overview.completeness.to)}`;
}

/** "Nơi nhận" of the summary: the unit's own superiors for information, the Front, the child units, the archive. */
export function summaryRecipients(model: UnitDocument): string[] {
  const unit = model.unit;
  if (!unit.headerIssuerLine) return ['- Các đơn vị cấp dưới;', '- Lưu.'];
  return [
    unit.parentName ? `- Cấp ủy, chính quyền ${lowerFirst(unit.parentName)} (b/c);` : '- Thường trực cấp ủy, chính quyền (b/c);',
    `- Ủy ban MTTQ Việt Nam ${lowerFirst(unit.name)};`,
    '- Các đơn vị cấp dưới;',
    archiveLine(model),
  ];
}

/**
 * Who signs is not known from the data (no chair as in a meeting): the collective's line
 * ("T/M ĐẢNG ỦY", "TM. ỦY BAN NHÂN DÂN") over room for the signature and the name written by hand.
 */
function summarySignature(model: UnitDocument): SignatureBlock | null {
  if (!model.unit.headerIssuerLine) return null;
  const body = issuingBody(model.unit.headerIssuerLine);
  return { titles: [model.unit.style === 'party' ? `T/M ${body}` : `TM. ${body}`], name: '' };
}

/** "12 nội dung (26,7%)"; no percentage when there is nothing to divide. */
function share(n: number, total: number): string {
  const p = percent(n, total);
  return p ? `${count2(n)} nội dung (${p})` : `${count2(n)} nội dung`;
}

function organisationBody(overview: Overview, model: UnitDocument): Block[] {
  const { completeness, aggregate } = overview;
  const body: Block[] = [heading('I. TÌNH HÌNH TỔ CHỨC HỘI NGHỊ VÀ GỬI BÁO CÁO')];
  if (completeness.total === 0) {
    body.push(para('Chưa có đơn vị cấp dưới nào trong danh sách theo dõi.'));
  } else {
    const to = model.unit.headerIssuerLine ? ` về ${organiserName(model)}` : '';
    const missing = completeness.missing.map(nfc);
    const rest =
      missing.length > 0
        ? `; còn ${count2(missing.length)} đơn vị chưa gửi báo cáo: ${missing.join(', ')}.`
        : '; tất cả các đơn vị đã gửi báo cáo.';
    body.push(para(`Trong kỳ báo cáo, ${nfc(completeness.label)} đã tổ chức hội nghị đối thoại và gửi báo cáo${to}${rest}`));
  }
  if (aggregate.conferences === 0) {
    body.push(para('Trong kỳ chưa có hội nghị đối thoại nào được tổ chức và gửi báo cáo.'));
    return body;
  }
  const kinds = CONFERENCE_KINDS.filter((k) => aggregate.byKind[k] > 0).map(
    (k) => `${count2(aggregate.byKind[k])} hội nghị ${lowerFirst(CONFERENCE_KIND_LABELS[k])}`,
  );
  body.push(para(`Các đơn vị đã tổ chức ${count2(aggregate.conferences)} hội nghị đối thoại${kinds.length > 0 ? `, gồm: ${kinds.join(', ')}` : ''}.`));
  body.push(para(`Tổng số người tham dự các hội nghị: ${count2(aggregate.attendance)} người.`));
  return body;
}

function resultsBody(overview: Overview, date: string): Block[] {
  const { aggregate } = overview;
  const total = aggregate.total;
  const body: Block[] = [heading('II. KẾT QUẢ HỘI NGHỊ')];
  body.push(
    para(
      `Tại các hội nghị có ${count2(aggregate.turns)} lượt ý kiến; tổng số ${count2(aggregate.concerns)} nội dung ý kiến, kiến nghị, phản ánh (gồm cả các nội dung do Ủy ban MTTQ tổng hợp trước hội nghị).`,
    ),
  );
  if (total.total > 0) {
    const handled = HANDLINGS.filter((h) => total[h] > 0).map((h) => `${HANDLING_PHRASES[h]} ${share(total[h], total.total)}`);
    if (handled.length > 0) body.push(para(`Kết quả xử lý tại hội nghị: ${handled.join('; ')}.`));
    const fields = aggregate.byField.filter((r) => r.total > 0).map((r) => `${count2(r.total)} nội dung về ${lowerFirst(nfc(r.label))}`);
    if (fields.length > 0) body.push(para(`Theo lĩnh vực: ${fields.join('; ')}.`));
  }
  body.push(heading('III. KẾT QUẢ GIẢI QUYẾT SAU HỘI NGHỊ'));
  body.push(
    para(
      total.total > 0
        ? `Đến ${dateWords(date)}, đã giải quyết xong ${share(total.resolved, total.total)}, đang giải quyết ${share(total.inProgress, total.total)}, chưa giải quyết ${share(total.open, total.total)}.`
        : `Đến ${dateWords(date)}, không có nội dung nào phải giải quyết.`,
    ),
  );
  body.push(para([{ text: '(Chi tiết tại Biểu 01, Biểu 02 và Biểu 03 kèm theo.)', italic: true }]));
  return body;
}

export function summaryContent(overview: Overview, unit: Unit | null, options: ResolvedOptions): SummaryContent {
  const model: UnitDocument = { unit: summaryUnit(unit) };
  const period = periodWords(overview);
  const basis = 'Trên cơ sở dữ liệu hội nghị đối thoại do các đơn vị cấp dưới gửi về';
  const what = `kết quả tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Mặt trận Tổ quốc, các tổ chức chính trị - xã hội và Nhân dân ${period}`;
  const intro = model.unit.headerIssuerLine
    ? `${basis}, ${organiserName(model)} báo cáo tổng hợp ${what} như sau:`
    : `${basis}, ${what} được tổng hợp như sau:`;
  return {
    header: headerSpec(model, 'report', options),
    title: 'BÁO CÁO',
    subject: `Tổng hợp kết quả tổ chức hội nghị đối thoại ${period}`,
    body: [para(intro), ...organisationBody(overview, model), ...resultsBody(overview, options.date)],
    signature: summarySignature(model),
    recipients: options.recipients,
  };
}

// ── The appendices ────────────────────────────────────────────────────────────────────

function captions(overview: Overview, model: UnitDocument, options: ResolvedOptions): Record<SummaryTableKey, AppendixCaption> {
  const of = model.unit.headerIssuerLine ? ` của ${organiserName(model)}` : '';
  const subtitle = `${upperFirst(periodWords(overview))}\n(Kèm theo Báo cáo tổng hợp ngày ${dateCell(options.date)}${of})`;
  return {
    byUnit: { label: 'Biểu 01', title: UNIT_TABLE_TITLE, subtitle },
    byField: { label: 'Biểu 02', title: SUMMARY_TITLE, subtitle },
    completeness: { label: 'Biểu 03', title: COMPLETENESS_TITLE, subtitle },
  };
}

/** Biểu 01: STT, Đơn vị, three counts of the meetings, then the columns of Biểu 02. */
export function unitHeader(): GridHeaderCell[][] {
  return [
    [
      { text: 'STT', rowSpan: 2 },
      { text: 'Đơn vị', rowSpan: 2 },
      { text: 'Số hội nghị', rowSpan: 2 },
      { text: 'Số người tham dự', rowSpan: 2 },
      { text: 'Lượt ý kiến', rowSpan: 2 },
      { text: SUMMARY_LABELS.total, rowSpan: 2 },
      ...SUMMARY_GROUPS.map((g) => ({ text: g.label, colSpan: g.keys.length })),
    ],
    SUMMARY_GROUPS.flatMap((g) => g.keys.map((k) => ({ text: SUMMARY_LABELS[k] }))),
  ];
}

const matterValues = (row: AggregateRow): number[] => SUMMARY_VALUE_KEYS.map((k) => row[k]);

function unitRows(overview: Overview): Array<Array<string | number>> {
  const { aggregate, completeness } = overview;
  const names = new Map(completeness.units.map((u) => [u.unitId, nfc(u.name)]));
  const rows = aggregate.byUnit.map((r, i) => [i + 1, nfc(r.label) || names.get(r.unitId) || '', r.conferences, r.attendance, r.turns, ...matterValues(r)]);
  rows.push(['', TOTAL_LABEL, aggregate.conferences, aggregate.attendance, aggregate.turns, ...matterValues(aggregate.total)]);
  return rows;
}

function fieldRows(overview: Overview): Array<Array<string | number>> {
  const { byField, total } = overview.aggregate;
  return [...byField.map((r, i) => summaryValues({ ...r, label: nfc(r.label) }, i + 1)), summaryValues({ ...total, label: TOTAL_LABEL }, '')];
}

/** Biểu 03: who has held which kind of meeting and on which days, and who has not sent yet. */
export function completenessHeader(): GridHeaderCell[][] {
  return [
    [
      { text: 'STT', rowSpan: 2 },
      { text: 'Đơn vị', rowSpan: 2 },
      { text: 'Cấp', rowSpan: 2 },
      { text: 'Số hội nghị đã tổ chức', colSpan: CONFERENCE_KINDS.length },
      { text: 'Ngày hội nghị', rowSpan: 2 },
      { text: 'Gửi báo cáo', rowSpan: 2 },
    ],
    CONFERENCE_KINDS.map((k) => ({ text: CONFERENCE_KIND_LABELS[k] })),
  ];
}

function completenessRows(overview: Overview): Array<Array<string | number>> {
  const { completeness } = overview;
  const rows: Array<Array<string | number>> = completeness.units.map((u, i) => {
    const dates = [...u.conferences].sort((a, b) => a.date.localeCompare(b.date)).map((c) => dateCell(c.date));
    return [
      i + 1,
      nfc(u.name),
      upperFirst(nfc(u.level)),
      ...CONFERENCE_KINDS.map((k) => u.conferences.filter((c) => c.kind === k).length),
      dates.join(', '),
      u.conferences.length > 0 ? SENT_LABEL : NOT_SENT_LABEL,
    ];
  });
  rows.push([
    '',
    TOTAL_LABEL,
    '',
    ...CONFERENCE_KINDS.map((k) => completeness.byKind[k].conferences),
    '',
    `${SENT_LABEL}: ${nfc(completeness.label)}`,
  ]);
  return rows;
}

/** The three appendices in order, with their captions. */
export function summaryTables(overview: Overview, unit: Unit | null, options: ResolvedOptions): SummaryTable[] {
  const c = captions(overview, { unit: summaryUnit(unit) }, options);
  return [
    { key: 'byUnit', caption: c.byUnit, header: unitHeader(), rows: unitRows(overview), centred: [0] },
    { key: 'byField', caption: c.byField, header: summaryHeader(), rows: fieldRows(overview), centred: [0] },
    { key: 'completeness', caption: c.completeness, header: completenessHeader(), rows: completenessRows(overview), centred: [0, 2, 6, 7] },
  ];
}
