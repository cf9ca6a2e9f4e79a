/**
 * The parts of a document that depend on the unit's style (Party or Government): the
 * two-column header, the number line, the date line, the signature titles and the default
 * "Nơi nhận". Described here once as data; the DOCX and PDF writers only draw it.
 */
import { fold } from '../../shared/text';
import { isValidIsoDate } from '../../shared/dates';
import { issuerCode, issuingBody as sharedIssuingBody, placeOf } from '../../shared/unit-header';
import type { Person } from '../../shared/api/types';
import type { DocumentKind } from '../../shared/domain';
import { dateWords, lowerFirst, upper, upperFirst } from './format';
import { balancedLines, textWidth } from './fonts';
import { BODY_WIDTH_PT, SUBJECT_SIZE } from './layout';
import { assignedAgencies, type DocumentModel } from './model';

/**
 * What the header, the number line and the organiser's name need: only the unit. The minutes
 * and the report pass their whole model; the parent unit's summary passes `{ unit }`.
 */
export type UnitDocument = Pick<DocumentModel, 'unit'>;

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
  /** Who signs for the organiser (see `signerChoices`); absent: the first chair whose office fits. */
  signer?: Signer | null;
}

export type ResolvedOptions = Required<Omit<DocumentOptions, 'signer'>> & { signer?: Signer | null };

// TB: thông báo (Hướng dẫn 36-HD/VPTW; Nghị định 30, Phụ lục III).
const CODES: Record<DocumentKind, string> = { minutes: 'BB', report: 'BC', notice: 'TB' };

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

/** Who signs a document for the organiser, and in which office ("Chủ tịch UBND phường"). */
export type Signer = Person;

/** How an office fits the organiser's signature: as its head, as a deputy, or not at all. */
export type SignerFit = 'head' | 'deputy' | null;

/** Bodies other than the organiser whose chair or secretary a chair may also be. */
const OTHER_BODIES = /\b(mttq|mat tran|hdnd|hoi dong|hoi|doan|cong doan|chi doan|cuu chien binh|phu nu|nong dan|thanh nien|chi bo|to dan pho|thon|khu dan cu|hop tac xa)\b/;

/**
 * Whether an office fits the organiser's signature. Read from each part of the position
 * ("Phó Bí thư Đảng ủy, Chủ tịch UBND phường" has two): Party style wants the Party
 * committee's Bí thư or Phó Bí thư, Government style the People's Committee's Chủ tịch or
 * Phó Chủ tịch. The chair of the Front, of the People's Council or of an association, or
 * the secretary of the Youth Union, is another office and fits neither.
 */
export function signerFit(model: UnitDocument, position: string): SignerFit {
  const party = model.unit.style === 'party';
  const chiBo = party && fold(issuingBody(model.unit.headerIssuerLine)).startsWith('chi bo');
  let fit: SignerFit = null;
  for (const raw of fold(position).split(/[,;]|\bkiem\b/)) {
    const part = raw.trim().replace(/^(dong chi|d\/c)\s+/, '');
    const head = party ? 'bi thu' : 'chu tich';
    const role: SignerFit = part.startsWith(`pho ${head}`) ? 'deputy' : part.startsWith(head) ? 'head' : null;
    if (!role) continue;
    const rest = part.slice(role === 'deputy' ? head.length + 4 : head.length);
    const other = chiBo ? OTHER_BODIES.test(rest.replace(/\bchi bo\b/, '')) : OTHER_BODIES.test(rest);
    if (other) continue;
    if (role === 'head') return 'head';
    fit = 'deputy';
  }
  return fit;
}

/**
 * The chairs in the order the documents screen offers them as signers: those whose office
 * fits the organiser's signature first (the head before deputies), then the others.
 */
export function signerChoices(model: DocumentModel, kind: DocumentKind): Array<Signer & { fits: boolean }> {
  // The minutes are signed "CHỦ TỌA" in both styles: any chair presides, by default the one
  // whose office fits the organiser (the Bí thư, or the Chủ tịch for the People's Committee).
  const anyChair = kind === 'minutes';
  const rank = (c: Person) => ({ head: 0, deputy: 1, none: 2 })[signerFit(model, c.position) ?? 'none'];
  return model.conference.chairs
    .map((c, i) => ({ c, i, r: rank(c) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ c, r }) => ({ ...c, fits: anyChair || r < 2 }));
}

/**
 * The signer the documents use unless the secretary chose another: the first fitting chair;
 * none (an empty name, to be written by hand) when no chair's office fits.
 */
export function defaultSigner(model: DocumentModel, kind: DocumentKind): Signer {
  const first = signerChoices(model, kind)[0];
  return first?.fits ? { name: first.name, position: first.position } : { name: '', position: '' };
}

/**
 * The titles over the organiser's signature. Party: "T/M ĐẢNG ỦY" over "BÍ THƯ" or "PHÓ BÍ THƯ".
 * Government (Nghị định 30): "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH", or for a deputy
 * "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". The role is read from the signer's office, e.g.
 * "Phó Bí thư, Chủ tịch UBND phường" signs as CHỦ TỊCH for the People's Committee. An
 * office that fits neither is never paired with the titles: the head's titles are printed
 * over an empty name, to be signed and written by hand by whoever holds the office.
 */
function organiserSignature(model: DocumentModel, kind: DocumentKind, signer: Signer | null | undefined): SignatureBlock {
  const chosen = signer ?? defaultSigner(model, kind);
  const body = issuingBody(model.unit.headerIssuerLine);
  const fit = signerFit(model, chosen.position);
  const name = fit ? chosen.name : '';
  if (model.unit.style === 'party') return { titles: [`T/M ${body}`, fit === 'deputy' ? 'PHÓ BÍ THƯ' : 'BÍ THƯ'], name };
  return { titles: [`TM. ${body}`, ...(fit === 'deputy' ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH'])], name };
}

/** Minutes: the secretary on the left, the presiding chair on the right (Mẫu 1.9; Hướng dẫn 16-HD/VPTW). */
export function minutesSignatures(model: DocumentModel, signer?: Signer | null): { left: SignatureBlock; right: SignatureBlock } {
  // Minutes are signed by the person who presided and the secretary, in both styles: the
  // record is theirs, not an act of the committee (no "T/M"), so any chair may sign it.
  const right = { titles: ['CHỦ TỌA'], name: (signer ?? defaultSigner(model, 'minutes')).name };
  return { left: { titles: ['THƯ KÝ'], name: model.conference.secretary.name }, right };
}

export function reportSignature(model: DocumentModel, signer?: Signer | null): SignatureBlock {
  return organiserSignature(model, 'report', signer);
}

/** The conclusion notice is an act of the committee, signed like the report (docs/document-formats.md). */
export function noticeSignature(model: DocumentModel, signer?: Signer | null): SignatureBlock {
  return organiserSignature(model, 'notice', signer);
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
      : kind === 'notice'
        ? // The notice goes to each agency given a matter, so each knows its task and deadline.
          [`- Cấp ủy, chính quyền ${parent} (b/c);`, `- Ủy ban MTTQ Việt Nam ${unit};`, ...assignedAgencies(model).map((a) => `- ${a};`), archiveLine(model)]
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
    ...signerOf(options.signer ?? defaults.signer),
  };
}

/** A blank signer is no choice: the default applies. */
function signerOf(signer: Signer | null | undefined): { signer?: Signer } {
  return signer && (signer.name.trim() || signer.position.trim()) ? { signer: { name: signer.name.normalize('NFC').trim(), position: signer.position.normalize('NFC').trim() } } : {};
}

/** The subject under "BIÊN BẢN" / "BÁO CÁO", broken into lines of even length. */
export function subjectLines(subject: string): string[] {
  return balancedLines(subject, SUBJECT_SIZE, BODY_WIDTH_PT - 8, 'bold');
}
