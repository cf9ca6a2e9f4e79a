/**
 * Biểu 01 (one row per matter) and Biểu 02 (counts by field × handling and status), computed
 * once from the model; the report's DOCX and XLSX print these same rows.
 */
import { CONCERN_STATUS_LABELS, HANDLING_LABELS, type ConcernStatus, type Handling } from '../../shared/domain';
import { dateCell, joinParts } from './format';
import { printable } from './layout';
import type { DocConcern, DocumentModel } from './model';

export const DETAIL_TITLE = 'DANH SÁCH Ý KIẾN, KIẾN NGHỊ, PHẢN ÁNH TẠI HỘI NGHỊ ĐỐI THOẠI';
export const SUMMARY_TITLE = 'TỔNG HỢP Ý KIẾN, KIẾN NGHỊ, PHẢN ÁNH THEO LĨNH VỰC';

/**
 * Biểu 01's columns: how a matter was handled at the conference and what became of it are
 * separate columns, the outcome as of the report's date (see `detailHeader`).
 */
export const DETAIL_COLUMNS = [
  'STT',
  'Họ tên',
  'Địa chỉ',
  'Nội dung ý kiến',
  'Lĩnh vực',
  'Hình thức xử lý',
  'Người trả lời / nội dung trả lời',
  'Cơ quan giải quyết',
  'Thời hạn',
  'Kết quả',
  'Ghi chú',
] as const;

/** "Kết quả tính đến ngày 01/11/2026": the heading of the outcome column. */
export function resultHeading(asOf: string): string {
  return `Kết quả tính đến ngày ${dateCell(asOf)}`;
}

export interface DetailRow {
  stt: number;
  name: string;
  address: string;
  text: string;
  field: string;
  /** Hình thức xử lý at the conference, '' when not yet classified. */
  handling: string;
  answer: string;
  agency: string;
  /** dd/mm/yyyy or empty */
  deadline: string;
  result: string;
  note: string;
}

/** Who raised a pre-collected matter, in the Họ tên column. */
export const PRECOLLECTED_NAME = 'MTTQ tổng hợp';

/**
 * Kết quả: the outcome on the report's date, with the date and the reference of the entry
 * that set it ("Đã giải quyết (20/10/2026; Công văn số 125/UBND-KT)"); a matter still open
 * past its deadline says so. The handling has its own column, so nothing here repeats it.
 */
export function resultLabel(c: Pick<DocConcern, 'status' | 'statusDate' | 'statusReference' | 'overdue'>): string {
  const details = [c.statusDate ? dateCell(c.statusDate) : '', c.statusReference, c.overdue ? 'quá hạn' : ''].filter(Boolean);
  return details.length > 0 ? `${CONCERN_STATUS_LABELS[c.status]} (${details.join('; ')})` : CONCERN_STATUS_LABELS[c.status];
}

export function detailRows(model: DocumentModel): DetailRow[] {
  const rows: DetailRow[] = [];
  const push = (c: DocConcern, name: string, address: string) =>
    rows.push({
      stt: rows.length + 1,
      name,
      address,
      text: c.text,
      field: c.fieldName,
      handling: c.handling ? HANDLING_LABELS[c.handling] : '',
      answer: c.handling === 'answered' ? joinParts([c.answeredBy, c.answer], ': ') : '',
      agency: c.handling === 'assigned' ? c.agencyName : c.handling === 'forwarded' ? 'Cấp trên' : '',
      deadline: dateCell(c.deadline),
      result: resultLabel(c),
      note: c.note,
    });
  for (const c of model.precollected) push(c, PRECOLLECTED_NAME, '');
  for (const t of model.turns) {
    for (const c of t.concerns) push(c, t.speaker.name, t.speaker.address || t.speaker.organization);
  }
  return rows;
}

export const SUMMARY_KEYS = ['total', 'answered', 'assigned', 'forwarded', 'noted', 'resolved', 'inProgress', 'open'] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];

/** Column headings of Biểu 02: two rows, the second under the groups "Hình thức xử lý" and "Kết quả giải quyết". */
export const SUMMARY_GROUPS = [
  { label: 'Hình thức xử lý tại hội nghị', keys: ['answered', 'assigned', 'forwarded', 'noted'] },
  { label: 'Kết quả giải quyết', keys: ['resolved', 'inProgress', 'open'] },
] as const;

export const SUMMARY_LABELS: Record<SummaryKey, string> = {
  total: 'Tổng số nội dung',
  answered: 'Trả lời tại hội nghị',
  assigned: 'Giao giải quyết',
  forwarded: 'Kiến nghị cấp trên',
  noted: 'Ghi nhận, tiếp thu',
  resolved: 'Đã giải quyết',
  inProgress: 'Đang giải quyết',
  open: 'Chưa giải quyết',
};

export type SummaryRow = { label: string } & Record<SummaryKey, number>;

export const TOTAL_LABEL = 'Tổng cộng';

function emptyRow(label: string): SummaryRow {
  return { label, total: 0, answered: 0, assigned: 0, forwarded: 0, noted: 0, resolved: 0, inProgress: 0, open: 0 };
}

function add(row: SummaryRow, c: DocConcern): void {
  row.total += 1;
  if (c.handling) row[c.handling as Handling] += 1;
  row[c.status as ConcernStatus] += 1;
}

/** One row per field in report order (zeros included, as the printed form has them) and the total. */
export function summaryTable(model: DocumentModel): { rows: SummaryRow[]; total: SummaryRow } {
  const byField = new Map(model.fields.map((f) => [f, emptyRow(f)]));
  const total = emptyRow(TOTAL_LABEL);
  for (const c of [...model.precollected, ...model.turns.flatMap((t) => t.concerns)]) {
    let row = byField.get(c.fieldName);
    if (!row) {
      row = emptyRow(c.fieldName);
      byField.set(c.fieldName, row);
    }
    add(row, c);
    add(total, c);
  }
  return { rows: [...byField.values()], total };
}

/** A heading cell of a table, spanning columns or rows; shared by the DOCX and the XLSX. */
export interface GridHeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

/** Relative column widths of Biểu 01 (the text of the matter gets the most room). */
export const DETAIL_WEIGHTS = [5, 9, 8, 21.5, 12, 9, 14, 10, 11, 11, 6];
export const DETAIL_CENTRED = [0, 5, 8];

/** One heading row; the outcome column names its date. */
export function detailHeader(asOf: string): GridHeaderCell[][] {
  return [DETAIL_COLUMNS.map((text) => ({ text: text === 'Kết quả' ? resultHeading(asOf) : text }))];
}

export function detailValues(row: DetailRow): Array<string | number> {
  return [row.stt, row.name, row.address, row.text, row.field, row.handling, row.answer, row.agency, row.deadline, row.result, row.note].map((v) =>
    typeof v === 'string' ? printable(v) : v,
  );
}

export const SUMMARY_WEIGHTS = [5, 36, 8, 8, 8, 8, 8, 8, 8, 8];

/** Two heading rows: STT, Lĩnh vực and the total span both; the groups span their columns; `asOf` dates the outcomes. */
export function summaryHeader(asOf?: string): GridHeaderCell[][] {
  return [
    [
      { text: 'STT', rowSpan: 2 },
      { text: 'Lĩnh vực', rowSpan: 2 },
      { text: SUMMARY_LABELS.total, rowSpan: 2 },
      // A conference's report gives the outcomes as of its date: the group says which.
      ...SUMMARY_GROUPS.map((g) => ({ text: g.keys[0] === 'resolved' && asOf ? `${g.label} tính đến ngày ${dateCell(asOf)}` : g.label, colSpan: g.keys.length })),
    ],
    SUMMARY_GROUPS.flatMap((g) => g.keys.map((k) => ({ text: SUMMARY_LABELS[k] }))),
  ];
}

export const SUMMARY_VALUE_KEYS: SummaryKey[] = ['total', ...SUMMARY_GROUPS.flatMap((g) => [...g.keys])];

export function summaryValues(row: SummaryRow, stt: number | ''): Array<string | number> {
  return [stt, row.label, ...SUMMARY_VALUE_KEYS.map((k) => row[k])];
}
