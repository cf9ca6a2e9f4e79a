/**
 * Loads a conference from a file in the scenario format (docs/scenario-format.md): the demo
 * data and the tests use it. Everything is checked before the first write, and the whole
 * load is one transaction, so a bad file leaves the database as it was.
 */
import { z } from 'zod';
import * as s from '../../shared/api/schemas';
import { ApiError } from '../../shared/api/errors';
import { EMOJI_MESSAGE, firstEmoji } from '../../shared/emoji';
import { fold } from '../../shared/text';
import { type ServiceContext } from './context';
import { addConcern } from './concerns';
import { createConference } from './conferences';
import { fieldIdByName } from './fields';
import { registerSpeaker, insertSpeaker } from './speakers';
import { startTurn } from './turns';
import { defaultHeaderLines, findOrCreateUnit, getOwnUnit, saveOwnUnit } from './units';
import { DOCUMENT_STYLES, UNIT_LEVELS } from '../../shared/domain';
import { placeOf } from '../../shared/unit-header';

const concernSchema = z.object({
  field: z.string(),
  text: z.string(),
  handling: z.enum(['answered', 'assigned', 'forwarded', 'noted']),
  answeredBy: z.string().optional(),
  answer: z.string().optional(),
  agency: z.string().optional(),
  deadline: s.isoDate.optional(),
});

const speakerSchema = z.object({
  name: z.string().min(1),
  position: z.string().optional(),
  organization: z.string().optional(),
  address: z.string().optional(),
  registered: z.boolean().optional(),
});

export const scenarioSchema = z.object({
  unit: z.object({
    name: z.string().min(1),
    level: z.enum(UNIT_LEVELS),
    parent: z.string().default(''),
    /** Which official style the unit's documents follow; Party when left out (docs/scenario-format.md). */
    documentStyle: z.enum(DOCUMENT_STYLES).optional(),
  }),
  conference: z.object({
    title: z.string().min(1),
    kind: z.enum(['periodic', 'thematic', 'adHoc']),
    date: s.isoDate,
    start: s.time,
    end: s.time.optional(),
    location: z.string().default(''),
    planRef: z.string().default(''),
    chairs: z.array(z.object({ name: z.string(), position: z.string() })).default([]),
    secretary: z.object({ name: z.string(), position: z.string() }).default({ name: '', position: '' }),
    guests: z.array(z.string()).default([]),
    attendeeCount: z.int().min(0).nullable().default(null),
    report: z.string().default(''),
    conclusion: z.string().default(''),
  }),
  registeredSpeakers: z.array(speakerSchema).default([]),
  turns: z.array(z.object({ speaker: speakerSchema, concerns: z.array(concernSchema) })).default([]),
  precollected: z.array(concernSchema).default([]),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export function parseScenario(raw: unknown): Scenario {
  const result = scenarioSchema.safeParse(raw, { error: z.locales.vi().localeError });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ApiError('invalid_input', `Tệp kịch bản không hợp lệ tại "${issue.path.join('.')}": ${issue.message}`);
  }
  // The same rule as the API's text fields: an emoji would vanish from the PDF (shared/emoji.ts).
  const emoji = findEmoji(result.data, []);
  if (emoji) throw new ApiError('invalid_input', `Tệp kịch bản không hợp lệ tại "${emoji.join('.')}": ${EMOJI_MESSAGE}`);
  return result.data;
}

/** The path of the first text holding an emoji, or null. */
function findEmoji(value: unknown, at: Array<string | number>): Array<string | number> | null {
  if (typeof value === 'string') return firstEmoji(value) ? at : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findEmoji(v, [...at, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findEmoji(v, [...at, k]);
      if (found) return found;
    }
  }
  return null;
}

const nfc = (text: string | undefined) => (text ?? '').normalize('NFC');

/** Creates the scenario's conference; returns its id. Call inside a transaction. */
export function loadScenario(ctx: ServiceContext, scenario: Scenario): string {
  const fieldIds = new Map<string, string>();
  for (const c of [...scenario.precollected, ...scenario.turns.flatMap((t) => t.concerns)]) {
    const id = fieldIdByName(ctx, c.field);
    if (!id) throw new ApiError('invalid_input', `Lĩnh vực "${c.field}" không có trong danh sách lĩnh vực.`);
    fieldIds.set(c.field, id);
  }

  const unitId = unitFor(ctx, scenario.unit);
  const conf = scenario.conference;
  const conference = createConference(
    ctx,
    {
      title: nfc(conf.title),
      kind: conf.kind,
      date: conf.date,
      startTime: conf.start,
      endTime: conf.end ?? null,
      location: nfc(conf.location),
      planRef: nfc(conf.planRef),
      chairs: conf.chairs.map((p) => ({ name: nfc(p.name), position: nfc(p.position) })),
      secretary: { name: nfc(conf.secretary.name), position: nfc(conf.secretary.position) },
      guests: conf.guests.map(nfc),
      attendeeCount: conf.attendeeCount,
      attendanceNote: '',
      report: nfc(conf.report),
      conclusion: nfc(conf.conclusion),
    },
    unitId,
  );

  const registered = new Map<string, string>();
  for (const sp of scenario.registeredSpeakers) {
    const speaker = registerSpeaker(ctx, {
      conferenceId: conference.id,
      speaker: { name: nfc(sp.name), position: nfc(sp.position), organization: nfc(sp.organization), address: nfc(sp.address) },
    });
    registered.set(fold(sp.name), speaker.id);
  }

  const addAll = (turnId: string | null, concerns: Scenario['precollected']) => {
    for (const c of concerns) {
      addConcern(ctx, {
        conferenceId: conference.id,
        turnId,
        initial: {
          fieldId: fieldIds.get(c.field)!,
          text: nfc(c.text),
          handling: c.handling,
          answeredBy: nfc(c.answeredBy),
          answer: nfc(c.answer),
          agencyName: c.agency ? nfc(c.agency) : null,
          deadline: c.deadline ?? null,
        },
      });
    }
  };
  addAll(null, scenario.precollected);

  const start = new Date(`${conf.date}T${conf.start}:00`);
  scenario.turns.forEach((t, i) => {
    const registeredId = t.speaker.registered ? registered.get(fold(t.speaker.name)) : undefined;
    if (t.speaker.registered && !registeredId) {
      throw new ApiError('invalid_input', `Đại biểu "${t.speaker.name}" không có trong danh sách đăng ký phát biểu.`);
    }
    const speakerId =
      registeredId ??
      insertSpeaker(
        ctx,
        conference.id,
        { name: nfc(t.speaker.name), position: nfc(t.speaker.position), organization: nfc(t.speaker.organization), address: nfc(t.speaker.address) },
        null,
      ).id;
    // Turns are spread over the session, five minutes apart, so the minutes read naturally.
    const { turn } = startTurn(ctx, { conferenceId: conference.id, speakerId }, new Date(start.getTime() + (i + 1) * 5 * 60_000));
    addAll(turn.id, t.concerns);
  });

  const status = conf.end ? 'closed' : 'draft';
  ctx.sql('UPDATE conferences SET status = ? WHERE id = ?').run(status, conference.id);
  return conference.id;
}

function unitFor(ctx: ServiceContext, unit: Scenario['unit']): string {
  const own = getOwnUnit(ctx);
  if (!own) {
    const style = unit.documentStyle ?? 'party';
    const headers = defaultHeaderLines(nfc(unit.name), nfc(unit.parent), style, unit.level);
    return saveOwnUnit(ctx, {
      name: nfc(unit.name),
      level: unit.level,
      code: null,
      parentName: nfc(unit.parent),
      documentStyle: style,
      headerParentLine: headers.parent,
      headerIssuerLine: headers.issuer,
      placeName: placeOf(nfc(unit.name)),
    }).id;
  }
  if (fold(own.name) === fold(unit.name)) return own.id;
  const id = findOrCreateUnit(ctx, nfc(unit.name), unit.level);
  // Another unit's conference prints in that unit's style, with the default header lines of the style.
  if (unit.documentStyle) ctx.sql('UPDATE units SET document_style = ? WHERE id = ?').run(unit.documentStyle, id);
  if (unit.parent) {
    const parentId = findOrCreateUnit(ctx, nfc(unit.parent));
    ctx.sql('UPDATE units SET parent_id = COALESCE(parent_id, ?) WHERE id = ?').run(parentId, id);
  }
  return id;
}
