/**
 * Documents of one conference through the API: the editable defaults, the preview blocks,
 * and the finished file. The conference is read inside the request's transaction; the
 * file is laid out afterwards by the context's document renderer (a worker in the hosts).
 */
import type { ApiParsed } from '../../shared/api/contract';
import type { DocumentSetup, MinutesPreview, RenderedDocument } from '../../shared/api/types';
import type { DocumentKind } from '../../shared/domain';
import { localIsoDate } from '../../shared/dates';
import { fileSlug } from '../../shared/text';
import { MIME_TYPES, type DocumentModel, type DocumentOptions } from '../documents/index';
import { defaultDocumentOptions, defaultSigner, minutesSignatures, noticeSignature, reportSignature, resolveAgainst, signerChoices, signerFit } from '../documents/header';
import { minutesContent } from '../documents/minutes-content';
import type { RenderJob } from '../documents/render-job';
import { notFound, refused, type ServiceContext } from './context';
import { documentModelFor, isImported, modelAndSettingsFor, saveSettings, settingsFor } from './document-settings';
import { later, type Later } from './later';

export function defaultsFor(ctx: ServiceContext, input: ApiParsed<'documents.defaults'>): DocumentSetup {
  return setupOf(ctx, input.conferenceId, input.kind);
}

/** Autosave from the documents screen; answers with what will now print. */
export function saveDocumentSettings(ctx: ServiceContext, input: ApiParsed<'documents.save'>): DocumentSetup {
  if (isImported(ctx, input.conferenceId)) throw refused('Văn bản của hội nghị do đơn vị cấp dưới gửi lên là của đơn vị đó: không sửa được ở đây.');
  const { signer, ...rest } = input.settings;
  // The default signer is kept as "the default", not as a name: it follows the chairs when they are corrected later.
  const model = documentModelFor(ctx, input.conferenceId);
  const chosen = signer && (signer.name.trim() || signer.position.trim()) ? signer : null;
  const fallback = defaultSigner(model, input.kind);
  const isDefault = !chosen || (chosen.name.trim() === fallback.name && chosen.position.trim() === fallback.position);
  // Likewise a date or "Nơi nhận" equal to the default is kept as "the default": the minutes'
  // date follows the meeting's date if it is corrected after she typed the document number.
  const defaults = defaultDocumentOptions(model, input.kind, localIsoDate(ctx.now()));
  const options: DocumentOptions = { ...rest };
  if (rest.date !== undefined && rest.date === defaults.date) options.date = undefined;
  if (rest.recipients !== undefined && sameLines(resolveAgainst(defaults, { recipients: rest.recipients }).recipients, defaults.recipients)) options.recipients = undefined;
  saveSettings(ctx, input.conferenceId, input.kind, { ...options, ...(signer !== undefined ? { signer: isDefault ? null : chosen } : {}) });
  // The settings are not part of the model: the one read above still holds.
  return setupOf(ctx, input.conferenceId, input.kind, model);
}

function setupOf(ctx: ServiceContext, conferenceId: string, kind: DocumentKind, model = documentModelFor(ctx, conferenceId)): DocumentSetup {
  const resolved = settingsFor(ctx, model, conferenceId, kind);
  const signer = resolved.signer ?? defaultSigner(model, kind);
  const signature = kind === 'minutes' ? minutesSignatures(model, signer).right : kind === 'notice' ? noticeSignature(model, signer) : reportSignature(model, signer);
  // The minutes sign CHỦ TỌA in both styles: any chair's name prints there.
  const anyChair = kind === 'minutes';
  const original = originalName(kind);
  const hasOriginal = original !== null && ctx.sql('SELECT 1 FROM imported_files WHERE conference_id = ? AND name = ?').get(conferenceId, original) !== undefined;
  return {
    number: resolved.number,
    recipients: resolved.recipients,
    date: resolved.date,
    signer,
    signerChoices: signerChoices(model, kind),
    signature,
    signerFits: anyChair ? signer.name.trim() !== '' : signerFit(model, signer.position) !== null,
    readOnly: isImported(ctx, conferenceId),
    original: hasOriginal ? original : null,
  };
}

export function previewMinutes(ctx: ServiceContext, input: ApiParsed<'documents.preview'>): MinutesPreview {
  const model = documentModelFor(ctx, input.conferenceId);
  return minutesContent(model, settingsFor(ctx, model, input.conferenceId, 'minutes', input.settings));
}

export function renderDocument(ctx: ServiceContext, input: ApiParsed<'documents.render'>): Later<RenderedDocument> {
  const today = localIsoDate(ctx.now());
  const { model, options } = modelAndSettingsFor(ctx, input.conferenceId, input.kind, input.settings);
  const job = { kind: input.kind, format: input.format, model, options, today } as RenderJob;
  const renderer = ctx.documents;
  return later(async () => {
    const bytes = await renderer.render(job);
    return { fileName: documentFileName(model, input.kind, input.format), mimeType: MIME_TYPES[input.format], base64: bytes.toString('base64') };
  });
}

/** "Tải bản gốc": the signed file exactly as the unit's package carried it. */
export function originalDocument(ctx: ServiceContext, input: ApiParsed<'documents.original'>): RenderedDocument {
  const model = documentModelFor(ctx, input.conferenceId);
  const name = originalName(input.kind);
  const row = name === null ? undefined : ctx.sql('SELECT content FROM imported_files WHERE conference_id = ? AND name = ?').get(input.conferenceId, name) as { content: Buffer } | undefined;
  if (!row) throw notFound(input.kind === 'minutes' ? 'bản gốc biên bản trong gói của đơn vị' : input.kind === 'notice' ? 'bản gốc thông báo trong gói của đơn vị' : 'bản gốc báo cáo trong gói của đơn vị');
  const format = input.kind === 'minutes' ? 'docx' : 'xlsx';
  const fileName = documentFileName(model, input.kind, format).replace(/\.(docx|xlsx)$/, '_ban-goc.$1');
  return { fileName, mimeType: MIME_TYPES[format], base64: row.content.toString('base64') };
}

/**
 * "bien-ban_xa-tan-lap_02-10-2026.pdf": what the file is, whose, which day. Plain letters
 * only, because it travels by USB, e-mail and Zalo through systems that mangle the rest.
 */
export function documentFileName(model: DocumentModel, kind: DocumentKind, format: string): string {
  const [y, m, d] = model.conference.date.split('-');
  const what = FILE_WORDS[kind];
  return `${what}_${fileSlug(model.unit.name) || 'don-vi'}_${d}-${m}-${y}.${format}`;
}

const FILE_WORDS: Record<DocumentKind, string> = { minutes: 'bien-ban', report: 'bao-cao', notice: 'thong-bao' };

/** The signed file a unit's package carries for this kind; the package carries no notice (docs/package-format.md). */
function originalName(kind: DocumentKind): string | null {
  return kind === 'minutes' ? 'minutes.docx' : kind === 'report' ? 'report.xlsx' : null;
}

const sameLines = (a: string[], b: string[]): boolean => a.length === b.length && a.every((line, i) => line === b[i]);
