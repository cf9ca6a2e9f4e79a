/**
 * The document model: one conference as plain, JSON-safe data — everything the minutes and
 * the report print, already NFC and in order. The services read it from the database
 * (services/document-model.ts) in one transaction; rendering works on the model only, so it
 * can run later, elsewhere (the worker), or in tests without a database.
 */
import type { CarryOverConference, Conference, ConferenceCounts, Unit } from '../../shared/api/types';
import type { ConcernSource, ConcernStatus, DocumentStyle, Handling, UnitLevel } from '../../shared/domain';
import { suggestHeaderLines } from '../../shared/unit-header';

export interface DocUnit {
  name: string;
  level: UnitLevel;
  parentName: string;
  style: DocumentStyle;
  headerParentLine: string;
  headerIssuerLine: string;
  placeName: string;
}

export interface DocSpeaker {
  name: string;
  position: string;
  organization: string;
  address: string;
  registered: boolean;
}

export interface DocConcern {
  source: ConcernSource;
  /** Turn number (1-based) for matters raised in a turn; null for pre-collected ones. */
  turnSeq: number | null;
  /** Position among the conference's matters in meeting order: pre-collected first, then turns. */
  number: number;
  fieldName: string;
  text: string;
  handling: Handling | null;
  answeredBy: string;
  answer: string;
  agencyName: string;
  /** yyyy-mm-dd or null */
  deadline: string | null;
  /** The outcome on the model's `outcomesAsOf` date (not the handling at the conference). */
  status: ConcernStatus;
  /**
   * yyyy-mm-dd of the history entry that set the outcome; the conference's date for a matter
   * resolved at the conference (answered or noted, no entry); null for one open without an entry.
   */
  statusDate: string | null;
  /** The written answer's reference of that entry ("Công văn số 125/UBND-KT"), or ''. */
  statusReference: string;
  /** Its deadline passed before `outcomesAsOf` and it was not resolved then. */
  overdue: boolean;
  note: string;
}

export interface DocTurn {
  seq: number;
  /** HH:mm on the hall's clock. */
  time: string;
  speaker: DocSpeaker;
  summary: string;
  concerns: DocConcern[];
}

export interface DocumentModel {
  unit: DocUnit;
  /** The conference as the documents print it: its own fields, and its kind in words. */
  conference: Pick<
    Conference,
    | 'title'
    | 'kind'
    | 'date'
    | 'startTime'
    | 'endTime'
    | 'location'
    | 'planRef'
    | 'chairs'
    | 'secretary'
    | 'guests'
    | 'attendeeCount'
    | 'attendanceNote'
    | 'report'
    | 'conclusion'
  > & { kindLabel: string };
  /** Fields in report order: the live list, plus any deleted field still used by a matter. */
  fields: string[];
  precollected: DocConcern[];
  turns: DocTurn[];
  /** Distinct organisations of the speakers (the Front and socio-political organisations). */
  organizations: string[];
  counts: ConferenceCounts;
  /** yyyy-mm-dd: the date each matter's outcome is read for (a report's date; today by default). */
  outcomesAsOf: string;
  /**
   * The unit's earlier conferences and their matters not resolved on this conference's date
   * (services/carry-over.ts): the minutes' "Kết quả giải quyết … tại hội nghị trước". Empty
   * for a unit's first conference and for a conference received from a unit below.
   */
  carryOver: CarryOverConference[];
}

/** Field name printed for a matter the secretary has not classified yet. */
export const UNCLASSIFIED_FIELD = 'Chưa phân loại';

export const nfc = (text: string | null | undefined): string => (text ?? '').normalize('NFC').trim();

/**
 * A unit as documents print it, NFC. A unit known only by name (another unit's conference)
 * has no header lines or place yet: the defaults of its style stand in for them.
 */
export function docUnit(unit: Unit): DocUnit {
  const defaults = suggestHeaderLines({ name: nfc(unit.name), parentName: nfc(unit.parentName), style: unit.documentStyle });
  const customHeader = Boolean(nfc(unit.headerIssuerLine));
  return {
    name: nfc(unit.name),
    level: unit.level,
    parentName: nfc(unit.parentName),
    style: unit.documentStyle,
    headerParentLine: customHeader ? nfc(unit.headerParentLine) : defaults.parent,
    headerIssuerLine: customHeader ? nfc(unit.headerIssuerLine) : defaults.issuer,
    placeName: nfc(unit.placeName) || nfc(unit.name).replace(/^(xã|phường|đặc khu|thị trấn|thị xã|huyện|quận|thành phố|tỉnh)\s+/i, ''),
  };
}

/** Every matter of the conference in meeting order: those the Front collected first, then each turn's. */
export function meetingOrder(model: Pick<DocumentModel, 'precollected' | 'turns'>): DocConcern[] {
  return [...model.precollected, ...model.turns.flatMap((t) => t.concerns)];
}

/** The agencies given a matter to resolve at the conference, in the order they were first named. */
export function assignedAgencies(model: Pick<DocumentModel, 'precollected' | 'turns'>): string[] {
  const names = meetingOrder(model)
    .filter((c) => c.handling === 'assigned' && c.agencyName)
    .map((c) => c.agencyName);
  return [...new Set(names)];
}
