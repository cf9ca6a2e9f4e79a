/**
 * The parts of a document that depend on the unit's style (Party or Government): the
 * two-column header, the number line, the date line, the signature titles and the default
 * "Nơi nhận". Described here once as data; the DOCX and PDF writers only draw it.
 */
import { fold } from '../../shared/text';
import { isValidIsoDate } from '../../shared/dates';
import { issuerCode, issuingBody as sharedIssuingBody, placeOf } from '../../shared/unit-header';
import type { Person } from '../../shared/api/types';
import { dateWords, lowerFirst, upper, upperFirst } from './format';
import { balancedLines, textWidth } from './fonts';
import { BODY_WIDTH_PT, SUBJECT_SIZE } from './layout';
import type { DocumentModel } from './model';

/**
 * What the header, the number line and the organiser's name need: only the unit. The minutes
 * and the report pass their whole model; the parent unit's summary passes `{ unit }`.
 */
export type UnitDocument = Pick<DocumentModel, 'unit'>;

export type DocumentKind = 'minutes' | 'report';

/** A centred line of the header, or a rule of the given length in points. */
export type HeaderItem =
  | { kind: 'text'; text: string; size: number; bold?: boolean; italic?: boolean }
  | { kind: 'rule'; length: number }
  | { kind: 'gap'; size: number };

export interface HeaderSpec {
  /** Width of each column in points; they add up to the text block. */
  widths: [number, number];
  left: HeaderItem[];
  right: HeaderItem[];
}

export interface SignatureBlock {
  /** Caps lines over the signature, e.g. ["T/M ĐẢNG ỦY", "BÍ THƯ"]. */
  titles: string[];
  name: string;
}

/** What the secretary may change before exporting; see `defaultDocumentOptions`. */
export interface DocumentOptions {
  /**
   * The document number. Digits ("5") are padded and framed by the style: "Số 05-BB/ĐU" or
   * "Số: 05/BB-UBND". Anything else ("12-BB/ĐU") is printed after "Số" as typed. Empty leaves
   * room to write the number by hand, as the office does when it registers the document.
   */
  number?: string;
  /** The "Nơi nhận" list, one recipient a line ("- " is added when missing). */
  recipients?: string[];
  /** Date of the document, yyyy-mm-dd: the meeting's date for minutes, today for a report. */
  date?: string;
}

export type ResolvedOptions = Required<DocumentOptions>;

const CODES: Record<DocumentKind, string> = { minutes: 'BB', report: 'BC' };

/** The issuing body without its place: "ĐẢNG ỦY XÃ TÂN LẬP" → "ĐẢNG ỦY" (shared/unit-header.ts). */
export const issuingBody = sharedIssuingBody;

/** The issuer's abbreviation after the code: "ĐU", "TU", "BDVTU", "UBND"… */
function issuerAbbreviation(model: UnitDocument): string {
  return issuerCode(model.unit.style, model.unit.headerIssuerLine, model.unit.headerParentLine);
}

export function numberLine(model: UnitDocument, kind: DocumentKind, number: string): string {
  const n = number.normalize('NFC').trim();
  const abbr = issuerAbbreviation(model);
  const party = model.unit.style === 'party';
  if (n && !/^\d+$/.test(n)) return party ? `Số ${n}` : `Số: ${n}`;
  const padded = n ? n.padStart(2, '0') : '\u00a0'.repeat(8);
  return party ? `Số ${padded}-${CODES[kind]}/${abbr}` : `Số: ${padded}/${CODES[kind]}-${abbr}`;
}

/** "Tân Lập, ngày 02 tháng 10 năm 2026"; without a place name (a unit never set up), "Ngày 02 tháng 10 năm 2026". */
export function dateLine(model: UnitDocument, isoDate: string): string {
  const place = model.unit.placeName.trim();
  return place ? `${place}, ${dateWords(isoDate)}` : upperFirst(dateWords(isoDate));
}

/**
 * A header line as printed lines: as typed (a typed line break is kept), and a line too wide
 * for its column is broken after the body's name — "ỦY BAN NHÂN DÂN" / "PHƯỜNG HÒA BÌNH" —
 * the way such headers are set by hand, rather than wherever the words happen to wrap.
 */
function fitLines(text: string, size: number, bold: boolean, column: number, breakAfterBody = false): string[] {
  const style = bold ? 'bold' : 'normal';
  return text.split('\n').flatMap((line) => {
    const t = line.trim();
    if (!t || (!breakAfterBody && textWidth(t, size, style) <= column - 4)) return t ? [t] : [];
    const body = issuingBody(t);
    return body.length < t.length ? [body, t.slice(body.length).trim()] : [t];
  });
}

function textItems(text: string, size: number, column: number, style: { bold?: boolean; italic?: boolean } = {}, breakAfterBody = false): HeaderItem[] {
  return fitLines(upper(text), size, Boolean(style.bold), column, breakAfterBody).map((line) => ({ kind: 'text' as const, text: line, size, ...style }));
}

/** Width of the widest printed line (a line that still wraps counts as the whole column). */
function linesWidth(items: HeaderItem[], column: number): number {
  let width = 0;
  for (const item of items) {
    if (item.kind === 'text') width = Math.max(width, Math.min(textWidth(item.text, item.size, item.bold ? 'bold' : 'normal'), column - 4));
  }
  return width;
}

export function headerSpec(model: UnitDocument, kind: DocumentKind, options: ResolvedOptions): HeaderSpec {
  const { headerParentLine, headerIssuerLine } = model.unit;
  const number = numberLine(model, kind, options.number);
  const date = dateLine(model, options.date);
  // No issuer (a database whose unit was never set up): no issuer lines and no number, only the motto and the date.
  const issued = Boolean(headerIssuerLine.trim());
  if (model.unit.style === 'party') {
    const widths: [number, number] = [BODY_WIDTH_PT * 0.46, BODY_WIDTH_PT * 0.54];
    const motto: HeaderItem = { kind: 'text', text: 'ĐẢNG CỘNG SẢN VIỆT NAM', size: 15, bold: true };
    return {
      widths,
      left: issued
        ? [
            ...textItems(headerParentLine, 14, widths[0]),
            ...textItems(headerIssuerLine, 14, widths[0], { bold: true }),
            { kind: 'text', text: '*', size: 14 },
            { kind: 'text', text: number, size: 14 },
          ]
        : [],
      right: [
        motto,
        { kind: 'rule', length: linesWidth([motto], widths[1]) },
        { kind: 'gap', size: 8 },
        { kind: 'text', text: date, size: 14, italic: true },
      ],
    };
  }
  const widths: [number, number] = [BODY_WIDTH_PT * 0.42, BODY_WIDTH_PT * 0.58];
  const motto: HeaderItem = { kind: 'text', text: 'Độc lập - Tự do - Hạnh phúc', size: 13, bold: true };
  // "ỦY BAN NHÂN DÂN" / "PHƯỜNG ĐÔNG HƯNG": Nghị định 30 sets the body and its place on two lines.
  const issuer = textItems(headerIssuerLine, 13, widths[0], { bold: true }, /^uy ban nhan dan \S/.test(fold(headerIssuerLine)));
  return {
    widths,
    left: issued
      ? [
          ...textItems(headerParentLine, 13, widths[0]),
          ...issuer,
          // A short rule, about 2/5 of the issuer's name.
          { kind: 'rule', length: linesWidth(issuer, widths[0]) * 0.4 },
          { kind: 'gap', size: 4 },
          { kind: 'text', text: number, size: 13 },
        ]
      : [],
    right: [
      { kind: 'text', text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: 12, bold: true },
      motto,
      { kind: 'rule', length: linesWidth([motto], widths[1]) },
      { kind: 'gap', size: 4 },
      { kind: 'text', text: date, size: 14, italic: true },
    ],
  };
}

/** The chair who signs for the organiser: the Party secretary or the People's Committee chair. */
function signingChair(model: DocumentModel): Person {
  const chairs = model.conference.chairs;
  const wanted = model.unit.style === 'party' ? 'bi thu' : 'chu tich';
  return chairs.find((c) => fold(c.position).includes(wanted)) ?? chairs[0] ?? { name: '', position: '' };
}

/**
 * The titles over the organiser's signature. Party: "T/M ĐẢNG ỦY" over "BÍ THƯ" or "PHÓ BÍ THƯ".
 * Government (Nghị định 30): "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH", or for a deputy
 * "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". The role is read from the chair's position, e.g.
 * "Phó Bí thư, Chủ tịch UBND phường" signs as CHỦ TỊCH for the People's Committee.
 */
function organiserSignature(model: DocumentModel): SignatureBlock {
  const chair = signingChair(model);
  const body = issuingBody(model.unit.headerIssuerLine);
  const position = fold(chair.position);
  if (model.unit.style === 'party') {
    const deputy = /(^|[ ,])pho bi thu/.test(position) && !/(^|, ?)bi thu/.test(position);
    return { titles: [`T/M ${body}`, deputy ? 'PHÓ BÍ THƯ' : 'BÍ THƯ'], name: chair.name };
  }
  const deputy = /(^|[ ,])pho chu tich/.test(position) && !/(^|, ?)chu tich/.test(position);
  return { titles: [`TM. ${body}`, ...(deputy ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH'])], name: chair.name };
}

/** Minutes: the secretary on the left, the chair on the right (Mẫu 1.9; Party practice). */
export function minutesSignatures(model: DocumentModel): { left: SignatureBlock; right: SignatureBlock } {
  const right =
    model.unit.style === 'party'
      ? organiserSignature(model)
      : { titles: ['CHỦ TỌA'], name: signingChair(model).name };
  return { left: { titles: ['THƯ KÝ'], name: model.conference.secretary.name }, right };
}

export function reportSignature(model: DocumentModel): SignatureBlock {
  return organiserSignature(model);
}

/** The organiser in running text: "Đảng ủy xã Tân Lập", "Ủy ban nhân dân phường Hòa Bình". */
export function organiserName(model: UnitDocument): string {
  const committee = provinceCommittee(model);
  if (committee) return `${committee} ${placeOf(model.unit.name)}`;
  const body = model.unit.style === 'party' ? 'Đảng ủy' : 'Ủy ban nhân dân';
  return `${body} ${lowerFirst(model.unit.name)}`;
}

/** "Tỉnh ủy" / "Thành ủy" when the unit's header names a province-level Party committee. */
function provinceCommittee(model: UnitDocument): string | null {
  if (model.unit.style !== 'party') return null;
  const body = fold(issuingBody(model.unit.headerIssuerLine));
  return body === 'tinh uy' ? 'Tỉnh ủy' : body === 'thanh uy' ? 'Thành ủy' : null;
}

/** The last "Nơi nhận" line: where the office files its copy. */
export function archiveLine(model: UnitDocument): string {
  return model.unit.style === 'party' ? `- Lưu Văn phòng ${provinceCommittee(model) ?? 'Đảng ủy'}.` : '- Lưu: VT, Hồ sơ.';
}

/** Defaults the secretary sees before exporting; everything comes from the unit and the meeting. */
export function defaultDocumentOptions(model: DocumentModel, kind: DocumentKind, today: string): ResolvedOptions {
  const unit = lowerFirst(model.unit.name);
  const parent = model.unit.parentName ? lowerFirst(model.unit.parentName) : 'cấp trên';
  const recipients =
    kind === 'minutes'
      ? ['- Các đồng chí chủ trì hội nghị;', `- Ủy ban MTTQ Việt Nam ${unit};`, '- Các tổ chức chính trị - xã hội;', archiveLine(model)]
      : [
          `- Cấp ủy, chính quyền ${parent} (b/c);`,
          `- Ủy ban MTTQ Việt Nam ${unit};`,
          '- Các cơ quan, đơn vị được giao giải quyết;',
          archiveLine(model),
        ];
  return { number: '', recipients, date: kind === 'minutes' ? model.conference.date : today };
}

export function resolveOptions(model: DocumentModel, kind: DocumentKind, today: string, options: DocumentOptions = {}): ResolvedOptions {
  return resolveAgainst(defaultDocumentOptions(model, kind, today), options);
}

/** What the secretary typed, NFC and tidied, over the given defaults. */
export function resolveAgainst(defaults: ResolvedOptions, options: DocumentOptions = {}): ResolvedOptions {
  const recipients = (options.recipients ?? defaults.recipients)
    .map((line) => line.normalize('NFC').trim())
    .filter(Boolean)
    .map((line) => (line.startsWith('-') ? line : `- ${line}`));
  return {
    number: (options.number ?? defaults.number).normalize('NFC'),
    recipients,
    date: options.date && isValidIsoDate(options.date) ? options.date : defaults.date,
  };
}

/** The subject under "BIÊN BẢN" / "BÁO CÁO", broken into lines of even length. */
export function subjectLines(subject: string): string[] {
  return balancedLines(subject, SUBJECT_SIZE, BODY_WIDTH_PT - 8, 'bold');
}
