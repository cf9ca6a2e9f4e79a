/**
 * Reads one conference into the document model (documents/model.ts). Reading happens in
 * one transaction — a consistent snapshot while the secretary keeps typing — and the
 * model needs no database afterwards, so the worker can lay it out.
 */
import { CONFERENCE_KIND_LABELS } from '../../shared/domain';
import { formatTime, localIsoDate } from '../../shared/dates';
import { withoutHonorific } from '../../shared/names';
import { docUnit, nfc, UNCLASSIFIED_FIELD, type DocConcern, type DocTurn, type DocumentModel } from '../documents/model';
import type { ServiceContext } from './context';
import { getConference } from './conferences';
import { listConcerns } from './concerns';
import { conferenceCounts } from './counts';
import { listFields } from './fields';
import { getSpeaker, listSpeakers } from './speakers';
import { listTurns } from './turns';
import { carryOverFor } from './carry-over';
import { outcomesAsOf } from './outcomes-as-of';
import { getUnit } from './units';

/**
 * Throws the services' not_found ApiError when the conference does not exist. Each matter's
 * outcome is read as of `asOf` (yyyy-mm-dd; today by default): a report passes its own date.
 */
export function loadDocumentModel(ctx: ServiceContext, conferenceId: string, asOf = localIsoDate(ctx.now())): DocumentModel {
  return ctx.db.transaction(() => readModel(ctx, conferenceId, asOf))();
}

function readModel(ctx: ServiceContext, conferenceId: string, asOf: string): DocumentModel {
  const conference = getConference(ctx, conferenceId);
  const unit = getUnit(ctx, conference.unitId)!;
  const fields = listFields(ctx, { includeDeleted: true });
  const fieldName = new Map(fields.map((f) => [f.id, nfc(f.name)]));
  const concerns = listConcerns(ctx, conferenceId);
  const turns = listTurns(ctx, conferenceId, concerns);
  const speakers = new Map(listSpeakers(ctx, conferenceId).map((s) => [s.id, s]));
  const outcomes = new Map(outcomesAsOf(ctx, [conferenceId], asOf).map((o) => [o.concernId, o]));

  let number = 0;
  const toDoc = (c: (typeof concerns)[number], turnSeq: number | null): DocConcern => {
    const outcome = outcomes.get(c.id);
    const status = outcome?.status ?? c.status;
    return {
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
      status,
      // Without an entry, a resolved matter was resolved at the conference, on its date.
      statusDate: outcome?.entry?.date ?? (status === 'resolved' ? conference.date : null),
      statusReference: nfc(outcome?.entry?.reference),
      overdue: outcome?.overdue ?? false,
      note: nfc(c.note),
    };
  };

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
    outcomesAsOf: asOf,
    carryOver: carryOverFor(ctx, conferenceId).conferences,
  };
}
