/**
 * The documents' settings as kept per conference and kind (number, date, "Nơi nhận",
 * signer), and, for a conference received from a unit below, what its package brought: the
 * unit's document settings (style, header lines, place) and its signed files. Everything
 * that renders a conference's minutes or report — the screen, the package, the command
 * line — reads it here, so that a document is the same wherever it is laid out.
 */
import type { Person } from '../../shared/api/types';
import type { DocumentKind } from '../../shared/domain';
import { localIsoDate } from '../../shared/dates';
import type { DocumentModel, DocumentOptions, ResolvedOptions } from '../documents/index';
import { resolveAgainst, defaultDocumentOptions } from '../documents/header';
import type { DocUnit } from '../documents/model';
import { stamp, type ServiceContext } from './context';
import { loadDocumentModel } from './document-model';

interface SettingsRow {
  number: string | null;
  recipients: string | null;
  date: string | null;
  signer: string | null;
}

/** What was saved for this kind; a setting never saved is absent (the default applies). */
export function savedSettings(ctx: ServiceContext, conferenceId: string, kind: DocumentKind): DocumentOptions {
  const row = ctx.sql('SELECT number, recipients, date, signer FROM document_settings WHERE conference_id = ? AND kind = ?').get(conferenceId, kind) as
    | SettingsRow
    | undefined;
  if (!row) return {};
  return {
    ...(row.number !== null ? { number: row.number } : {}),
    ...(row.recipients !== null ? { recipients: JSON.parse(row.recipients) as string[] } : {}),
    ...(row.date !== null ? { date: row.date } : {}),
    ...(row.signer !== null ? { signer: JSON.parse(row.signer) as Person } : {}),
  };
}

/** Keeps what was given over what was saved (absent keys stay as they were). */
export function saveSettings(ctx: ServiceContext, conferenceId: string, kind: DocumentKind, options: DocumentOptions): void {
  const merged = { ...savedSettings(ctx, conferenceId, kind), ...options };
  writeSettings(ctx, conferenceId, kind, merged);
}

function writeSettings(ctx: ServiceContext, conferenceId: string, kind: DocumentKind, o: DocumentOptions): void {
  ctx.sql(
    `INSERT INTO document_settings (conference_id, kind, number, recipients, date, signer, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (conference_id, kind) DO UPDATE SET number = excluded.number, recipients = excluded.recipients,
       date = excluded.date, signer = excluded.signer, updated_at = excluded.updated_at`,
  ).run(
    conferenceId,
    kind,
    o.number ?? null,
    o.recipients ? JSON.stringify(o.recipients) : null,
    o.date ?? null,
    o.signer ? JSON.stringify({ name: o.signer.name, position: o.signer.position }) : null,
    stamp(ctx),
  );
}

/** The unit's document settings a package brought with this conference; null for one of ours or from a v1 package. */
export function importedDocumentUnit(ctx: ServiceContext, conferenceId: string): DocUnit | null {
  const row = ctx.sql('SELECT unit FROM imported_document_units WHERE conference_id = ?').get(conferenceId) as { unit: string } | undefined;
  return row ? (JSON.parse(row.unit) as DocUnit) : null;
}

export function isImported(ctx: ServiceContext, conferenceId: string): boolean {
  return ctx.sql('SELECT 1 FROM imported_conferences WHERE conference_id = ?').get(conferenceId) !== undefined;
}

/**
 * The document model of a conference as its own unit prints it: at the parent, with the
 * header, style and place the unit's package carried rather than what the parent knows of
 * the unit (its name only). Reads in one transaction.
 */
export function documentModelFor(ctx: ServiceContext, conferenceId: string, asOf?: string): DocumentModel {
  return ctx.db.transaction(() => {
    const model = loadDocumentModel(ctx, conferenceId, asOf);
    const unit = importedDocumentUnit(ctx, conferenceId);
    return unit ? { ...model, unit } : model;
  })();
}

/**
 * The settings a document is laid out with: what the secretary typed over what was saved
 * over the defaults. A received conference prints only what its unit saved and sent: the
 * parent cannot change another unit's document.
 */
export function settingsFor(ctx: ServiceContext, model: DocumentModel, conferenceId: string, kind: DocumentKind, typed: DocumentOptions = {}): ResolvedOptions {
  const defaults = defaultDocumentOptions(model, kind, localIsoDate(ctx.now()));
  const saved = savedSettings(ctx, conferenceId, kind);
  return resolveAgainst(defaults, isImported(ctx, conferenceId) ? saved : { ...saved, ...typed });
}

/**
 * The model for a document of this kind with the settings it is laid out with. A report's
 * outcomes are as of its own date ("tính đến ngày …"), which the settings decide — so the
 * model is read again for that date when it is not today. Call inside a transaction.
 */
export function modelAndSettingsFor(
  ctx: ServiceContext,
  conferenceId: string,
  kind: DocumentKind,
  typed: DocumentOptions = {},
): { model: DocumentModel; options: ResolvedOptions } {
  const first = documentModelFor(ctx, conferenceId);
  const options = settingsFor(ctx, first, conferenceId, kind, typed);
  const model = kind === 'report' && options.date !== first.outcomesAsOf ? documentModelFor(ctx, conferenceId, options.date) : first;
  return { model, options };
}

/** At the parent: the settings a package brought, kept as this conference's own (replacing earlier ones). */
export function keepImportedSettings(ctx: ServiceContext, conferenceId: string, unit: DocUnit | null, kinds: Partial<Record<DocumentKind, DocumentOptions>>): void {
  ctx.sql('DELETE FROM document_settings WHERE conference_id = ?').run(conferenceId);
  ctx.sql('DELETE FROM imported_document_units WHERE conference_id = ?').run(conferenceId);
  if (unit) ctx.sql('INSERT INTO imported_document_units (conference_id, unit) VALUES (?, ?)').run(conferenceId, JSON.stringify(unit));
  for (const [kind, options] of Object.entries(kinds) as Array<[DocumentKind, DocumentOptions]>) writeSettings(ctx, conferenceId, kind, options);
}

/** Rows that hang on a conference and must go before its rows are replaced. */
export function forgetConferenceDocuments(ctx: ServiceContext, conferenceId: string): void {
  ctx.sql('DELETE FROM document_settings WHERE conference_id = ?').run(conferenceId);
  ctx.sql('DELETE FROM imported_document_units WHERE conference_id = ?').run(conferenceId);
  ctx.sql('DELETE FROM imported_files WHERE conference_id = ?').run(conferenceId);
}
