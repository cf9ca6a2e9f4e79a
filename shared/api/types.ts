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

/** An agency as Settings lists it: how many live matters of our own conferences are assigned to it. */
export interface AgencyUsage extends Agency {
  concerns: number;
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
  // Follow-up (issue 10): the live matters by outcome as of a date (today unless asked), and
  // how many of those not resolved are past their deadline on it.
  resolved: number;
  inProgress: number;
  open: number;
  overdue: number;
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
  /** Sent up by a child unit: read-only here. */
  imported: boolean;
}

export interface ConferenceDetail {
  conference: Conference;
  unitName: string;
  /** Every speaker of the conference: registered ones first, in registration order. */
  speakers: Speaker[];
  turns: Turn[];
  precollected: Concern[];
  counts: ConferenceCounts;
  /** Set when a child unit sent this conference: it is read-only here. */
  imported: { revision: number; importedAt: string } | null;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web' | 'cli' | 'test';
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
  /** Who signs for the organiser, in which office; absent: the first chair whose office fits. */
  signer?: Person;
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

// ── Packages sent up to the parent unit ───────────────────────────────────────────────

/** A package file travelling through the API: the renderer reads it, the backend checks it. */
export interface PackageFileInput {
  name: string;
  base64: string;
}

/** This unit's signing key, as it is read out over the phone ("3F2A-9C01-…"). */
export interface OwnKey {
  unitId: string;
  fingerprint: string;
}

export interface ExportedPackage extends RenderedDocument {
  conferenceId: string;
  revision: number;
}

export type ImportOutcome = 'imported' | 'replaced' | 'unchanged' | 'older' | 'refused';

export interface PackageCounts {
  speakers: number;
  turns: number;
  concerns: number;
  statusChanges: number;
}

/** What happened to one file; `message` is the sentence the officer reads. */
export interface ImportResult {
  file: string;
  outcome: ImportOutcome;
  message: string;
  /** Why a file was refused, e.g. 'key_changed' (then the officer may accept the new key). */
  problem?: string;
  unitId?: string;
  unitName?: string;
  conferenceId?: string;
  revision?: number;
  before?: PackageCounts;
  after?: PackageCounts;
}

export interface PackageCheck {
  unit: { id: string; name: string; level: string };
  conference: { id: string; title: string; date: string; kind: string; revision: number };
  exportedAt: string;
  appVersion: string;
  signature: 'valid';
  fingerprint: string;
  key: 'own' | 'new' | 'pinned' | 'changed';
  pinnedFingerprint: string | null;
  revisionStatus: 'new' | 'same' | 'older' | 'newer';
  refusal: string | null;
}

export interface AcceptedKey {
  unitId: string;
  unitName: string;
  previous: string | null;
  fingerprint: string;
}

// ── The parent unit's overview ────────────────────────────────────────────────────────

/** A unit below this one: added by hand, or created when its first package came in. */
export interface ChildUnit {
  id: string;
  name: string;
  level: string;
  code: string | null;
  parentId: string | null;
  /** Depth below this unit: 1 for a direct child (a commune under the province). */
  depth: number;
  /** Fingerprint of the key pinned at its first package; null if none came yet. */
  keyFingerprint: string | null;
  importedConferences: number;
  lastImportAt: string | null;
  /** Holds nothing of its own yet (no package, no key): it may be merged into another or removed. */
  handAdded: boolean;
  /** Its matters forwarded to this level that this level answered (parent_answers): a response file can go down. */
  answeredMatters: number;
}

/** A conference a child unit sent, as the overview lists it. */
export interface ImportedConference {
  id: string;
  unitId: string;
  title: string;
  kind: ConferenceKind;
  date: string;
  revision: number;
  importedAt: string;
  attendeeCount: number | null;
  turns: number;
  concerns: number;
}

export interface UnitCompleteness {
  unitId: string;
  name: string;
  level: string;
  depth: number;
  /** Conferences held in the period and received here. */
  conferences: ImportedConference[];
}

/** Who has held a conference in the period and sent it up, who has not. */
export interface Completeness {
  from: string;
  to: string;
  units: UnitCompleteness[];
  reported: number;
  total: number;
  /** "11/12 phường", "3/5 xã, phường". */
  label: string;
  missing: string[];
  byKind: Record<ConferenceKind, { units: number; conferences: number }>;
}

/** One line of the aggregate tables: matters by handling at the meeting and by follow-up result. */
export interface AggregateRow {
  label: string;
  total: number;
  answered: number;
  assigned: number;
  forwarded: number;
  noted: number;
  resolved: number;
  inProgress: number;
  open: number;
}

export interface UnitAggregate extends AggregateRow {
  unitId: string;
  conferences: number;
  attendance: number;
  turns: number;
}

export interface Aggregate {
  conferences: number;
  /** Sum of the attendance recorded; conferences without a figure add nothing. */
  attendance: number;
  turns: number;
  concerns: number;
  byField: AggregateRow[];
  byUnit: UnitAggregate[];
  byKind: Record<ConferenceKind, number>;
  total: AggregateRow;
}

export interface Overview {
  /** This database's unit, or null when it was never set up (import still works). */
  unitName: string | null;
  /** The units below, in tree order: read in the same transaction as the figures. */
  units: ChildUnit[];
  completeness: Completeness;
  aggregate: Aggregate;
}

// ── Document settings kept per conference and kind; the signer (issue 8, A2/A3) ─────────

/** A chair offered as the signer; `fits` when the office fits the style's title. */
export interface SignerChoice extends Person {
  fits: boolean;
}

/** The documents screen's settings of one kind, as saved, with what they will print. */
export interface DocumentSetup extends DocumentSettings {
  signer: Person;
  /** The chairs, those whose office fits the signature first. */
  signerChoices: SignerChoice[];
  /** The block over the organiser's signature as it will print, e.g. ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and the name. */
  signature: { titles: string[]; name: string };
  /** False when the signer's office fits no title of the style: the name is left blank to write by hand. */
  signerFits: boolean;
  /** A conference received from a unit below: its settings are the unit's own and cannot change here. */
  readOnly: boolean;
  /** The signed file the unit's package carried for this kind ("minutes.docx", "report.xlsx"), if any. */
  original: string | null;
}

// ── Follow-up until resolved (issue 10): outcomes, their history, the Theo dõi list ──────

/** One dated entry of a matter's history of outcomes; never rewritten. */
export interface StatusChange {
  id: string;
  concernId: string;
  status: ConcernStatus;
  /** yyyy-mm-dd: the day the outcome took effect. */
  date: string;
  /** The result in words. */
  note: string;
  /** Who reported it (the agency), as typed. */
  reportedBy: string;
  /** The written answer's reference ("Công văn số 125/UBND-KT"). */
  reference: string;
  /** ISO instant it was recorded. */
  createdAt: string;
  /** At the parent: this level's own answer to a matter the unit forwarded (parent_answers), not the unit's entry. */
  byParent?: boolean;
}

/** A matter as the Theo dõi screen lists it: handling at the conference and outcome as of a date. */
export interface FollowupItem {
  id: string;
  conferenceId: string;
  conferenceTitle: string;
  /** yyyy-mm-dd */
  conferenceDate: string;
  unitId: string;
  unitName: string;
  /** Its conference was received from a unit below: read-only here. */
  imported: boolean;
  /** 1-based position in its conference, as the documents number the matters. */
  number: number;
  text: string;
  fieldName: string | null;
  handling: Handling | null;
  agencyId: string | null;
  agencyName: string | null;
  /** yyyy-mm-dd */
  deadline: string | null;
  /** The outcome as of the list's date. */
  status: ConcernStatus;
  /** The date of the entry that set the outcome, or the conference date for the starting outcome. */
  statusDate: string | null;
  /** The deadline passed before the list's date and the matter was not resolved on it. */
  overdue: boolean;
  /** Deadline − the list's date, in days (negative when passed); null without a deadline. */
  daysLeft: number | null;
  /** Who raised it; empty for a matter the Front collected beforehand. */
  speakerName: string;
  /** Note and reference of the entry that set the outcome; empty for the starting outcome. */
  lastNote: string;
  lastReference: string;
}

/** Default deadlines, in days after the conference, by handling (Cài đặt). */
export interface FollowupSettings {
  deadlineDays: { assigned: number; forwarded: number };
}

// ── Carry-over: the follow-up of a unit's earlier conferences, shown at its next one ──

/** A matter of an earlier conference still not resolved on the new conference's date: the same record, by id. */
export interface CarryOverMatter {
  id: string;
  conferenceId: string;
  /** Its number in its own conference's minutes (meeting order). */
  number: number;
  text: string;
  handling: Handling | null;
  agencyName: string;
  /** yyyy-mm-dd or null */
  deadline: string | null;
  /** 'open' or 'inProgress' on the date. */
  status: ConcernStatus;
  overdue: boolean;
  /** The latest history entry dated on or before the date; null when none was recorded. */
  latest: { date: string; note: string; reportedBy: string; reference: string } | null;
}

export interface CarryOverConference {
  id: string;
  title: string;
  /** yyyy-mm-dd */
  date: string;
  total: number;
  resolved: number;
  inProgress: number;
  open: number;
  overdue: number;
  /** The matters not resolved on the date, in meeting order. */
  pending: CarryOverMatter[];
}

export interface CarryOver {
  conferenceId: string;
  /** The new conference's date (yyyy-mm-dd): the outcomes are as of it. */
  asOf: string;
  /** The unit's own earlier conferences, oldest first. */
  conferences: CarryOverConference[];
}

// ── Answers travelling back down (issue 10) ──────────────────────────────────────────────

/** A response file for one unit: the level above's answers to the matters it forwarded. */
export interface ExportedResponseFile extends RenderedDocument {
  unitId: string;
  /** Matters answered in the file. */
  matters: number;
}
