/**
 * Reads one conference into a plain, JSON-safe document model: everything the minutes and
 * the report print, already NFC and in order. Reading happens in one transaction (a
 * consistent snapshot while the secretary keeps typing); rendering works on the model only,
 * so it can run later, elsewhere (a worker), or in tests without a database.
 */
import type { Conference, ConferenceCounts, Unit } from '../../shared/api/types';
import {
  CONFERENCE_KIND_LABELS,
  type ConcernSource,
  type ConcernStatus,
  type DocumentStyle,
  type Handling,
  type UnitLevel,
} from '../../shared/domain';
import { formatTime } from '../../shared/dates';
import type { ServiceContext } from '../services/context';
import { getConference } from '../services/conferences';
import { listConcerns } from '../services/concerns';
import { conferenceCounts } from '../services/counts';
import { listFields } from '../services/fields';
import { getSpeaker, listSpeakers } from '../services/speakers';
import { listTurns } from '../services/turns';
import { defaultHeaderLines, getUnit } from '../services/units';
import { withoutHonorific } from '../../shared/names';

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
  status: ConcernStatus;
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
}

/** Field name printed for a matter the secretary has not classified yet. */
export const UNCLASSIFIED_FIELD = 'Chưa phân loại';

const nfc = (text: string | null | undefined): string => (text ?? '').normalize('NFC').trim();

/**
 * A unit as documents print it, NFC. A unit known only by name (another unit's conference)
 * has no header lines or place yet: the defaults of its style stand in for them.
 */
export function docUnit(unit: Unit): DocUnit {
  const defaults = defaultHeaderLines(nfc(unit.name), nfc(unit.parentName), unit.documentStyle);
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

/** Throws the services' not_found ApiError when the conference does not exist. */
export function loadDocumentModel(ctx: ServiceContext, conferenceId: string): DocumentModel {
  return ctx.db.transaction(() => readModel(ctx, conferenceId))();
}

function readModel(ctx: ServiceContext, conferenceId: string): DocumentModel {
  const conference = getConference(ctx, conferenceId);
  const unit = getUnit(ctx, conference.unitId)!;
  const fields = listFields(ctx, { includeDeleted: true });
  const fieldName = new Map(fields.map((f) => [f.id, nfc(f.name)]));
  const concerns = listConcerns(ctx, conferenceId);
  const turns = listTurns(ctx, conferenceId, concerns);
  const speakers = new Map(listSpeakers(ctx, conferenceId).map((s) => [s.id, s]));

  let number = 0;
  const toDoc = (c: (typeof concerns)[number], turnSeq: number | null): DocConcern => ({
    source: c.source,
    turnSeq,
    number: ++number,
    fieldName: c.fieldId ? (fieldName.get(c.fieldId) ?? UNCLASSIFIED_FIELD) : UNCLASSIFIED_FIELD,
    text: nfc(c.text),
    handling: c.handling,
    answeredBy: nfc(c.answeredBy),
    answer: nfc(c.answer),
    agencyName: nfc(c.agencyName),
    deadline: c.deadline,
    status: c.status,
    note: nfc(c.note),
  });

  const precollected = concerns.filter((c) => c.source === 'precollected').map((c) => toDoc(c, null));
  const docTurns: DocTurn[] = turns.map((t, i) => {
    const s = speakers.get(t.speakerId) ?? getSpeaker(ctx, t.speakerId, { includeDeleted: true });
    return {
      seq: i + 1,
      time: formatTime(new Date(t.startedAt)),
      speaker: {
        // "Ông Đinh Công Ưởng" would print as "Đại biểu Ông …": the documents leave the honorific out.
        name: withoutHonorific(nfc(s.name)),
        position: nfc(s.position),
        organization: nfc(s.organization),
        address: nfc(s.address),
        registered: s.registrationOrder !== null,
      },
      summary: nfc(t.summary),
      concerns: t.concerns.map((c) => toDoc(c, i + 1)),
    };
  });

  const used = new Set([...precollected, ...docTurns.flatMap((t) => t.concerns)].map((c) => c.fieldName));
  const fieldList = fields.filter((f) => !f.deletedAt || used.has(nfc(f.name))).map((f) => nfc(f.name));
  if (used.has(UNCLASSIFIED_FIELD)) fieldList.push(UNCLASSIFIED_FIELD);

  const organizations: string[] = [];
  for (const t of docTurns) {
    const org = t.speaker.organization;
    if (org && !organizations.some((o) => o.toLocaleLowerCase('vi') === org.toLocaleLowerCase('vi'))) organizations.push(org);
  }

  return {
    unit: docUnit(unit),
    conference: {
      title: nfc(conference.title),
      kind: conference.kind,
      kindLabel: CONFERENCE_KIND_LABELS[conference.kind],
      date: conference.date,
      startTime: conference.startTime,
      endTime: conference.endTime,
      location: nfc(conference.location),
      planRef: nfc(conference.planRef),
      chairs: conference.chairs.map((p) => ({ name: withoutHonorific(nfc(p.name)), position: nfc(p.position) })).filter((p) => p.name || p.position),
      secretary: { name: withoutHonorific(nfc(conference.secretary.name)), position: nfc(conference.secretary.position) },
      guests: conference.guests.map(nfc).filter(Boolean),
      attendeeCount: conference.attendeeCount,
      attendanceNote: nfc(conference.attendanceNote),
      report: nfc(conference.report),
      conclusion: nfc(conference.conclusion),
    },
    fields: fieldList,
    precollected,
    turns: docTurns,
    organizations,
    counts: conferenceCounts(ctx, conferenceId),
  };
}
