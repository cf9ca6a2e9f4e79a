/**
 * Runtime schemas of every request. Each host validates with these before a service
 * runs, so an invalid payload gets a typed error and writes nothing. Text is NFC-normalised
 * here, at the boundary, but never trimmed: the secretary is mid-word when autosave fires.
 */
import { z } from 'zod';
import { isValidIsoDate, isValidTime } from '../dates';
import { EMOJI_MESSAGE, firstEmoji } from '../emoji';
import { CONCERN_STATUSES, CONFERENCE_KINDS, DOCUMENT_FORMATS, DOCUMENT_KINDS, DOCUMENT_STYLES, HANDLINGS, PACKAGE_MAX_BYTES, UNIT_LEVELS } from '../domain';

export const LIMITS = {
  name: 200,
  line: 500,
  text: 20_000,
  list: 100,
} as const;

const text = (max: number) =>
  z
    .string({ error: 'Phải là chuỗi ký tự.' })
    .max(max, { error: `Không được dài quá ${max} ký tự.` })
    // Emoji: refused with a message rather than dropped silently from the PDF (see ../emoji.ts).
    .refine((s) => firstEmoji(s) === null, { error: EMOJI_MESSAGE })
    .transform((s) => s.normalize('NFC'));

/** A required name: NFC, and not blank once trimmed. */
const requiredName = (max: number) =>
  text(max).refine((s) => s.trim().length > 0, { error: 'Không được để trống.' });

/**
 * A fixed choice such as 'xã' or 'định kỳ'. Input methods may send them decomposed (NFD),
 * so the value is composed before it is compared.
 */
const choice = <const T extends readonly [string, ...string[]]>(values: T, params?: Parameters<typeof z.enum>[1]) =>
  // Typed as the enum it wraps: callers still see exactly the allowed values.
  z.preprocess((v) => (typeof v === 'string' ? v.normalize('NFC') : v), z.enum(values, params)) as unknown as z.ZodType<T[number], T[number]>;

export const id = z.uuid({ error: 'Mã không hợp lệ.' });
export const isoDate = z.string().refine(isValidIsoDate, { error: 'Ngày không hợp lệ (dd/mm/yyyy).' });
export const time = z.string().refine(isValidTime, { error: 'Giờ không hợp lệ (HH:mm).' });

export const person = z.strictObject({ name: text(LIMITS.name), position: text(LIMITS.line) });

export const empty = z.strictObject({});
export const byId = z.strictObject({ id });

export const unitInput = z.strictObject({
  name: requiredName(LIMITS.name),
  level: choice(UNIT_LEVELS, { error: 'Cấp đơn vị không hợp lệ.' }),
  code: text(20).nullable().default(null),
  parentName: text(LIMITS.name).default(''),
  documentStyle: choice(DOCUMENT_STYLES).default('party'),
  headerParentLine: text(LIMITS.line).default(''),
  headerIssuerLine: text(LIMITS.line).default(''),
  placeName: text(LIMITS.name).default(''),
});
export type UnitInput = z.input<typeof unitInput>;

const conferenceFields = {
  title: text(LIMITS.line),
  kind: choice(CONFERENCE_KINDS, { error: 'Hình thức hội nghị không hợp lệ.' }),
  date: isoDate,
  startTime: time,
  endTime: time.nullable(),
  location: text(LIMITS.line),
  planRef: text(LIMITS.line),
  chairs: z.array(person).max(LIMITS.list),
  secretary: person,
  guests: z.array(text(LIMITS.line)).max(LIMITS.list),
  attendeeCount: z.int().min(0).max(1_000_000).nullable(),
  attendanceNote: text(LIMITS.text),
  report: text(LIMITS.text),
  conclusion: text(LIMITS.text),
};

export const conferenceCreate = z.strictObject({
  ...conferenceFields,
  title: requiredName(LIMITS.line),
  kind: conferenceFields.kind.default('periodic'),
  startTime: time.default('08:00'),
  endTime: time.nullable().default(null),
  location: text(LIMITS.line).default(''),
  planRef: text(LIMITS.line).default(''),
  chairs: conferenceFields.chairs.default([]),
  secretary: person.default({ name: '', position: '' }),
  guests: conferenceFields.guests.default([]),
  attendeeCount: conferenceFields.attendeeCount.default(null),
  attendanceNote: text(LIMITS.text).default(''),
  report: text(LIMITS.text).default(''),
  conclusion: text(LIMITS.text).default(''),
});
export type ConferenceCreateInput = z.input<typeof conferenceCreate>;

export const conferenceUpdate = z.strictObject({
  id,
  // The title stays required while edited: a conference without one cannot be told apart in the list.
  patch: z.strictObject({ ...conferenceFields, title: requiredName(LIMITS.line) }).partial(),
});

/** Closing: the end time the secretary confirmed (the dialog offers the clock); the clock when left out. */
export const conferenceClose = z.strictObject({ id, endTime: time.optional() });

export const speakerFields = {
  name: text(LIMITS.name),
  position: text(LIMITS.line),
  organization: text(LIMITS.line),
  address: text(LIMITS.line),
};
export const speakerInput = z.strictObject({
  name: requiredName(LIMITS.name),
  position: text(LIMITS.line).default(''),
  organization: text(LIMITS.line).default(''),
  address: text(LIMITS.line).default(''),
});

export const speakerRegister = z.strictObject({ conferenceId: id, speaker: speakerInput });
export const speakerUpdate = z.strictObject({ id, patch: z.strictObject(speakerFields).partial() });
export const speakerReorder = z.strictObject({ conferenceId: id, ids: z.array(id).max(10_000) });
export const speakerSuggest = z.strictObject({
  conferenceId: id,
  query: text(LIMITS.name),
  limit: z.int().min(1).max(50).default(10),
});

export const turnStart = z.strictObject({
  conferenceId: id,
  /** A speaker of this conference or of an earlier one (copied in); null for someone new. */
  speakerId: id.nullable().default(null),
  speaker: speakerInput.partial().optional(),
});
export const turnUpdate = z.strictObject({
  id,
  /** startTime: HH:mm on the conference date, when the clock at the turn was wrong. */
  patch: z.strictObject({ summary: text(LIMITS.text), startTime: time }).partial(),
});
export const turnSetSpeaker = z.strictObject({ turnId: id, speakerId: id });

const concernFields = {
  fieldId: id.nullable(),
  text: text(LIMITS.text),
  handling: choice(HANDLINGS, { error: 'Hình thức xử lý không hợp lệ.' }).nullable(),
  answeredBy: text(LIMITS.line),
  answer: text(LIMITS.text),
  /** Agencies are a typeahead catalog: a new name joins the catalog. */
  agencyName: text(LIMITS.line).nullable(),
  deadline: isoDate.nullable(),
  status: choice(CONCERN_STATUSES),
  note: text(LIMITS.text),
};
export const concernAdd = z.strictObject({
  conferenceId: id,
  /** The turn that raised it; null for the Front's pre-collected concerns. */
  turnId: id.nullable(),
  initial: z.strictObject(concernFields).partial().optional(),
});
export const concernUpdate = z.strictObject({ id, patch: z.strictObject(concernFields).partial() });

export const fieldCreate = z.strictObject({ name: requiredName(LIMITS.line) });
export const fieldUpdate = z.strictObject({
  id,
  patch: z.strictObject({ name: requiredName(LIMITS.line), position: z.int().min(0).max(10_000) }).partial(),
});
export const listQuery = z.strictObject({ query: text(LIMITS.name).default('') });
export const fieldsList = z.strictObject({ includeDeleted: z.boolean().default(false) });

// Agencies: the catalog is corrected in Settings (typos would otherwise stay forever).
export const agencyRename = z.strictObject({ id, name: requiredName(LIMITS.line) });
export const agencyMerge = z.strictObject({ from: id, into: id });

// ── Documents ─────────────────────────────────────────────────────────────────────────

const documentSettings = z
  .strictObject({
    number: text(LIMITS.name).optional(),
    recipients: z.array(text(LIMITS.line)).max(LIMITS.list).optional(),
    date: isoDate.optional(),
    signer: person.optional(),
  })
  .default({});

export const documentDefaults = z.strictObject({ conferenceId: id, kind: choice(DOCUMENT_KINDS, { error: 'Loại văn bản không hợp lệ.' }) });

export const documentPreview = z.strictObject({ conferenceId: id, settings: documentSettings });

export const documentRender = z
  .strictObject({
    conferenceId: id,
    kind: choice(DOCUMENT_KINDS, { error: 'Loại văn bản không hợp lệ.' }),
    format: choice(['docx', 'pdf', 'xlsx'] as const, { error: 'Định dạng tệp không hợp lệ.' }),
    settings: documentSettings,
  })
  .refine((v) => (DOCUMENT_FORMATS[v.kind] as readonly string[]).includes(v.format), {
    error: 'Văn bản này không xuất được ở định dạng đó (biên bản: DOCX, PDF; báo cáo: DOCX, XLSX; thông báo kết luận: DOCX, PDF).',
    path: ['format'],
  });

// Kept settings and the signed originals from a package (issue 8, A2/A3).
export const documentSave = z.strictObject({
  conferenceId: id,
  kind: choice(DOCUMENT_KINDS, { error: 'Loại văn bản không hợp lệ.' }),
  settings: documentSettings,
});
export const documentOriginal = documentDefaults;

// ── Packages and the parent's overview ────────────────────────────────────────────────

/** Base64 makes a package 4/3 larger. */
export const PACKAGE_BASE64_MAX = Math.ceil(PACKAGE_MAX_BYTES / 3) * 4;

export const packageFile = z.strictObject({
  name: text(LIMITS.line).refine((s) => s.trim().length > 0, { error: 'Thiếu tên tệp.' }),
  base64: z
    .string()
    .max(PACKAGE_BASE64_MAX, { error: 'Tệp quá lớn để là gói dữ liệu (tối đa 64 MB).' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Nội dung tệp không đọc được.' }),
});

export const packageExport = z.strictObject({ conferenceId: id });
export const packageCheck = z.strictObject({ file: packageFile });
/** Files in one import request; a caller with more sends them in several requests. */
export const PACKAGE_IMPORT_MAX_FILES = 200;

/** At most one package's worth per request, whichever host carries it: send many files one by one. */
export const packageImport = z.strictObject({
  files: z
    .array(packageFile)
    .min(1, { error: 'Chưa chọn tệp nào.' })
    .max(PACKAGE_IMPORT_MAX_FILES)
    .refine((files) => files.reduce((sum, f) => sum + f.base64.length, 0) <= PACKAGE_BASE64_MAX, {
      error: 'Các tệp quá lớn để gửi cùng lúc (tối đa 64 MB mỗi lần); hãy nhập từng tệp.',
    }),
});

export const childUnitAdd = z.strictObject({
  name: requiredName(LIMITS.name),
  level: choice(UNIT_LEVELS, { error: 'Cấp đơn vị không hợp lệ.' }),
  code: text(20).nullable().default(null),
  /** Under which unit; this database's own unit when left out. */
  parentId: id.nullable().default(null),
});

export const childUnitMerge = z.strictObject({ from: id, into: id });

export const period = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { error: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['to'] });

export const overviewRender = z.strictObject({
  from: isoDate,
  to: isoDate,
  format: choice(['docx', 'xlsx'] as const, { error: 'Định dạng tệp không hợp lệ (DOCX hoặc XLSX).' }),
  /** Number and "Nơi nhận" as typed (the command line's --number, --recipient); the defaults when left out. */
  settings: documentSettings,
}).refine((p) => p.from <= p.to, { error: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['to'] });

// ── Scenarios (the command line's load-scenario) ──────────────────────────────────────

/**
 * A conference in the scenario format (docs/scenario-format.md), as read from its file. It is
 * checked by the service against that format, whose messages name the place in the file
 * ("conference.date"), rather than here: this door only lets it through.
 */
export const scenarioLoad = z.unknown();

// ── Follow-up until resolved (issue 10) ───────────────────────────────────────────────

/** A conference, with its outcome counts as of a date (today when left out). */
export const conferenceAsOf = z.strictObject({ id, asOf: isoDate.optional() });

/** Matters one request may update at once (the Theo dõi screen's bulk update). */
export const SET_STATUS_MAX = 500;

/** One dated history entry for each matter named; all or nothing. */
export const concernSetStatus = z.strictObject({
  concernIds: z
    .array(id)
    .min(1, { error: 'Chưa chọn nội dung nào.' })
    .max(SET_STATUS_MAX, { error: `Mỗi lần cập nhật tối đa ${SET_STATUS_MAX} nội dung.` }),
  status: choice(CONCERN_STATUSES, { error: 'Kết quả giải quyết không hợp lệ.' }),
  date: isoDate,
  note: text(LIMITS.text).default(''),
  reportedBy: text(LIMITS.line).default(''),
  reference: text(LIMITS.line).default(''),
});

export const concernHistory = z.strictObject({ concernId: id });

/** Rows the Theo dõi list answers by default and at most. */
export const FOLLOWUP_LIMIT = { default: 500, max: 5000 } as const;

export const followupList = z
  .strictObject({
    status: z.array(choice(CONCERN_STATUSES, { error: 'Kết quả giải quyết không hợp lệ.' })).max(CONCERN_STATUSES.length).optional(),
    overdue: z.boolean().optional(),
    dueWithinDays: z.int().min(0).max(3650).optional(),
    agencyId: id.optional(),
    fieldId: id.optional(),
    conferenceId: id.optional(),
    unitId: id.optional(),
    /** The conferences' date range. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    asOf: isoDate.optional(),
    query: text(LIMITS.name).optional(),
    limit: z.int().min(1).max(FOLLOWUP_LIMIT.max).default(FOLLOWUP_LIMIT.default),
  })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { error: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['to'] });

const deadlineDays = z.int({ error: 'Phải là số ngày.' }).min(1, { error: 'Ít nhất 1 ngày.' }).max(365, { error: 'Nhiều nhất 365 ngày.' });
export const followupSettingsSave = z.strictObject({
  deadlineDays: z.strictObject({ assigned: deadlineDays, forwarded: deadlineDays }),
});
