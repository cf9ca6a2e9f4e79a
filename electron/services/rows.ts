/**
 * Row → API record mappers: the row type of each table as a SELECT returns it (snake_case
 * columns) and how it becomes the API record (camelCase, JSON and flags decoded), shared by
 * every service that reads that table; also the column lists more than one query uses
 * (CONCERN_SELECT, SPEAKER_COLUMNS). The SQL that writes, filters and counts names its
 * columns where it runs, in each service and in db/migrations.
 */
import type { Concern, Conference, Field, Person, Speaker, StatusChange, Turn, Unit } from '../../shared/api/types';
import type {
  ConcernSource,
  ConcernStatus,
  ConferenceKind,
  ConferenceStatus,
  DocumentStyle,
  Handling,
  UnitLevel,
} from '../../shared/domain';

export interface UnitRow {
  id: string;
  name: string;
  level: string;
  code: string | null;
  parent_id: string | null;
  parent_name: string | null;
  document_style: string;
  header_parent_line: string;
  header_issuer_line: string;
  place_name: string;
  created_at: string;
  updated_at: string;
}

export function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    name: r.name,
    level: r.level as UnitLevel,
    code: r.code,
    parentId: r.parent_id,
    parentName: r.parent_name,
    documentStyle: r.document_style as DocumentStyle,
    headerParentLine: r.header_parent_line,
    headerIssuerLine: r.header_issuer_line,
    placeName: r.place_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface FieldRow {
  id: string;
  name: string;
  position: number;
  deleted_at: string | null;
}

export function toField(r: FieldRow): Field {
  return { id: r.id, name: r.name, position: r.position, deletedAt: r.deleted_at };
}

export interface ConferenceRow {
  id: string;
  unit_id: string;
  title: string;
  kind: string;
  date: string;
  start_time: string;
  end_time: string | null;
  location: string;
  plan_ref: string;
  chairs: string;
  secretary: string;
  guests: string;
  attendee_count: number | null;
  attendance_note: string;
  report: string;
  conclusion: string;
  status: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export function toConference(r: ConferenceRow): Conference {
  return {
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    kind: r.kind as ConferenceKind,
    date: r.date,
    startTime: r.start_time,
    endTime: r.end_time,
    location: r.location,
    planRef: r.plan_ref,
    chairs: JSON.parse(r.chairs) as Person[],
    secretary: JSON.parse(r.secretary) as Person,
    guests: JSON.parse(r.guests) as string[],
    attendeeCount: r.attendee_count,
    attendanceNote: r.attendance_note,
    report: r.report,
    conclusion: r.conclusion,
    status: r.status as ConferenceStatus,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface SpeakerRow {
  id: string;
  conference_id: string;
  name: string;
  position: string;
  organization: string;
  address: string;
  registration_order: number | null;
}

export function toSpeaker(r: SpeakerRow): Speaker {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    name: r.name,
    position: r.position,
    organization: r.organization,
    address: r.address,
    registrationOrder: r.registration_order,
  };
}

export interface TurnRow {
  id: string;
  conference_id: string;
  speaker_id: string;
  seq: number;
  started_at: string;
  summary: string;
}

export function toTurn(r: TurnRow, concerns: Concern[]): Turn {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    speakerId: r.speaker_id,
    seq: r.seq,
    startedAt: r.started_at,
    summary: r.summary,
    concerns,
  };
}

export interface ConcernRow {
  id: string;
  conference_id: string;
  turn_id: string | null;
  source: string;
  seq: number;
  field_id: string | null;
  text: string;
  handling: string | null;
  answered_by: string;
  answer: string;
  agency_id: string | null;
  agency_name: string | null;
  deadline: string | null;
  status: string;
  note: string;
  created_at: string;
  updated_at: string;
}

export function toConcern(r: ConcernRow): Concern {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    turnId: r.turn_id,
    source: r.source as ConcernSource,
    seq: r.seq,
    fieldId: r.field_id,
    text: r.text,
    handling: r.handling as Handling | null,
    answeredBy: r.answered_by,
    answer: r.answer,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    deadline: r.deadline,
    status: r.status as ConcernStatus,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The concern columns with the agency's name joined in; use with `FROM concerns c`. */
export const CONCERN_SELECT = `
  SELECT c.id, c.conference_id, c.turn_id, c.source, c.seq, c.field_id, c.text, c.handling,
         c.answered_by, c.answer, c.agency_id, a.name AS agency_name, c.deadline, c.status, c.note,
         c.created_at, c.updated_at
  FROM concerns c LEFT JOIN agencies a ON a.id = c.agency_id`;

export const SPEAKER_COLUMNS = 'id, conference_id, name, position, organization, address, registration_order';

/** A row of concern_status_changes or of parent_answers: both keep an outcome entry in the same columns. */
export interface StatusChangeRow {
  id: string;
  concern_id: string;
  status: ConcernStatus;
  changed_on: string;
  note: string;
  reported_by: string;
  reference_doc: string;
  created_at: string;
}

export const STATUS_CHANGE_COLUMNS = 'id, concern_id, status, changed_on, note, reported_by, reference_doc, created_at';

export function toStatusChange(r: StatusChangeRow): StatusChange {
  return {
    id: r.id,
    concernId: r.concern_id,
    status: r.status,
    date: r.changed_on,
    note: r.note,
    reportedBy: r.reported_by,
    reference: r.reference_doc,
    createdAt: r.created_at,
  };
}
