/** What the API returns: plain JSON-safe records. Dates are ISO strings. */
import type {
  ConcernSource,
  ConcernStatus,
  ConferenceKind,
  ConferenceStatus,
  DocumentStyle,
  Handling,
  UnitLevel,
} from '../domain';

export interface Person {
  name: string;
  position: string;
}

export interface Unit {
  id: string;
  name: string;
  level: UnitLevel;
  code: string | null;
  parentId: string | null;
  parentName: string | null;
  documentStyle: DocumentStyle;
  /** Header lines as printed on documents, e.g. "ĐẢNG BỘ TỈNH HẢI ĐÔNG" / "ĐẢNG ỦY XÃ TÂN LẬP". */
  headerParentLine: string;
  headerIssuerLine: string;
  /** The place name on the date line: "Tân Lập, ngày 02 tháng 10 năm 2026". */
  placeName: string;
  createdAt: string;
  updatedAt: string;
}

export interface Field {
  id: string;
  name: string;
  position: number;
  deletedAt: string | null;
}

export interface Agency {
  id: string;
  name: string;
}

export interface Conference {
  id: string;
  unitId: string;
  title: string;
  kind: ConferenceKind;
  /** yyyy-mm-dd */
  date: string;
  /** HH:mm */
  startTime: string;
  endTime: string | null;
  location: string;
  planRef: string;
  chairs: Person[];
  secretary: Person;
  guests: string[];
  attendeeCount: number | null;
  attendanceNote: string;
  report: string;
  conclusion: string;
  status: ConferenceStatus;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface Speaker {
  id: string;
  conferenceId: string;
  name: string;
  position: string;
  organization: string;
  address: string;
  /** 1-based place on the registration list; null for someone who was not registered. */
  registrationOrder: number | null;
}

/** A typeahead candidate: a speaker of this conference or of an earlier one. */
export interface SpeakerSuggestion extends Speaker {
  conferenceTitle: string;
  conferenceDate: string;
  sameConference: boolean;
}

export interface Concern {
  id: string;
  conferenceId: string;
  turnId: string | null;
  source: ConcernSource;
  seq: number;
  fieldId: string | null;
  text: string;
  handling: Handling | null;
  answeredBy: string;
  answer: string;
  agencyId: string | null;
  agencyName: string | null;
  /** yyyy-mm-dd */
  deadline: string | null;
  status: ConcernStatus;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface Turn {
  id: string;
  conferenceId: string;
  speakerId: string;
  seq: number;
  /** ISO instant the turn began. */
  startedAt: string;
  summary: string;
  concerns: Concern[];
}

/** Same keys and meaning as `expected` in the scenario files. */
export interface ConferenceCounts {
  turns: number;
  concernsRaisedInTurns: number;
  concernsPrecollected: number;
  concernsTotal: number;
  byField: Record<string, number>;
  byHandling: Record<Handling, number>;
  speakersRegistered: number;
}

export interface ConferenceSummary {
  id: string;
  title: string;
  kind: ConferenceKind;
  date: string;
  startTime: string;
  status: ConferenceStatus;
  unitId: string;
  unitName: string;
  counts: Pick<ConferenceCounts, 'turns' | 'concernsTotal'>;
  updatedAt: string;
}

export interface ConferenceDetail {
  conference: Conference;
  unitName: string;
  /** Every speaker of the conference: registered ones first, in registration order. */
  speakers: Speaker[];
  turns: Turn[];
  precollected: Concern[];
  counts: ConferenceCounts;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web' | 'test';
  dbPath: string;
  schemaVersion: number;
}

export interface Deleted {
  id: string;
  deletedAt: string;
}

/** What the secretary may edit before exporting a document. */
export interface DocumentSettings {
  /** "5" becomes "Số 05-BB/ĐU" or "Số: 05/BB-UBND" by the unit's style; empty leaves room to write it by hand. */
  number: string;
  /** "Nơi nhận", one recipient a line. */
  recipients: string[];
  /** yyyy-mm-dd */
  date: string;
}

/** A finished file: the browser host and Electron hand it to the same download code. */
export interface RenderedDocument {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** The minutes as blocks of text, exactly what DOCX and PDF print: the preview draws these. */
export interface PreviewRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export interface PreviewParagraph {
  kind: 'paragraph';
  runs: PreviewRun[];
  indent?: boolean;
  align?: 'justify' | 'center' | 'left';
  keepNext?: boolean;
}
export type PreviewHeaderItem =
  | { kind: 'text'; text: string; size: number; bold?: boolean; italic?: boolean }
  | { kind: 'rule'; length: number }
  | { kind: 'gap'; size: number };
export interface PreviewSignature {
  titles: string[];
  name: string;
}
export interface MinutesPreview {
  header: { widths: [number, number]; left: PreviewHeaderItem[]; right: PreviewHeaderItem[] };
  title: string;
  subject: string;
  body: PreviewParagraph[];
  closing: PreviewParagraph[];
  signatures: { left: PreviewSignature; right: PreviewSignature };
  recipients: string[];
}
