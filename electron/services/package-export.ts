/**
 * The database side of sending a conference up: what may be sent, the revision (it goes up
 * only when the data changed since the last export, so exporting twice without an edit
 * sends the same revision, which the parent then recognises as already imported), the
 * document settings the package carries, and the unit's key. The file itself is written by
 * package/write.ts.
 */
import pkg from '../../package.json';
import type { Unit } from '../../shared/api/types';
import { localIsoDate } from '../../shared/dates';
import type { DocumentKind } from '../../shared/domain';
import { defaultSigner } from '../documents/header';
import type { DocumentModel } from '../documents/index';
import type { DocumentEntry, PackageData, PackageDocumentOptions, PackageDocuments, PackageManifest } from '../package/model';
import { sha256 } from '../package/digest';
import { packageFileName, writePackage, type PackageContents } from '../package/write';
import { notFound, refused, stamp, type ServiceContext } from './context';
import type { DocumentRenderer } from './document-renderer';
import { documentModelFor, savedSettings, saveSettings, settingsFor } from './document-settings';
import { readConferenceData } from './package-data';
import { ensureOwnKey } from './unit-keys';
import { getOwnUnit } from './units';

export interface BuiltPackage {
  bytes: Buffer;
  /** A default file name from unit, date and kind, e.g. "xa-tan-lap_2026-10-02_dinh-ky_r1.doithoai". */
  fileName: string;
  manifest: PackageManifest;
}

/**
 * Reads the conference, bumps its revision if it changed and takes the key, in one
 * transaction; then writes and signs the file. Documents already rendered (minutes.docx,
 * report.xlsx) go in as given. Null when the conference or its document settings changed
 * since the documents were laid out (`documentsOf`): they must be laid out again.
 */
export async function buildPackage(
  ctx: ServiceContext,
  conferenceId: string,
  documents: Partial<Record<DocumentEntry, Buffer>> = {},
  documentsOf?: { updatedAt: string; settings: PackageDocuments },
): Promise<BuiltPackage | null> {
  const contents = ctx.db.transaction((): PackageContents | null => {
    const { unit, updatedAt } = checkExportable(ctx, conferenceId);
    const settings = packageDocuments(ctx, conferenceId).settings;
    if (documentsOf && (documentsOf.updatedAt !== updatedAt || JSON.stringify(documentsOf.settings) !== JSON.stringify(settings))) return null;

    const data: PackageData = { ...readConferenceData(ctx, conferenceId), documents: settings };
    const dataBytes = Buffer.from(JSON.stringify(data), 'utf8');
    const revision = nextRevision(ctx, conferenceId, sha256(dataBytes));
    return {
      appVersion: pkg.version,
      unit: { id: unit.id, name: unit.name, level: unit.level, code: unit.code, parentName: unit.parentName ?? '' },
      conference: { id: conferenceId, revision, title: data.conference.title, date: data.conference.date, kind: data.conference.kind as PackageManifest['conference']['kind'] },
      keys: ensureOwnKey(ctx, unit.id),
      exportedAt: ctx.now(),
      dataBytes,
      documents,
    };
  })();
  if (!contents) return null;
  const { bytes, manifest } = await writePackage(contents);
  return { bytes, fileName: packageFileName(contents.unit.name, manifest.conference), manifest };
}

/**
 * The unit's document settings as the package carries them, with the model the documents
 * are laid out from. The report's date, when the secretary never set it, is today's: it is
 * kept at the first export, so that exporting again on another day sends the same report.
 * Call inside a transaction.
 */
export function packageDocuments(ctx: ServiceContext, conferenceId: string): { model: DocumentModel; settings: PackageDocuments } {
  const first = documentModelFor(ctx, conferenceId);
  if (savedSettings(ctx, conferenceId, 'report').date === undefined) {
    saveSettings(ctx, conferenceId, 'report', { date: settingsFor(ctx, first, conferenceId, 'report').date });
  }
  // The report in the package gives the outcomes as of its own date (the minutes print none).
  const reportDate = settingsFor(ctx, first, conferenceId, 'report').date;
  const model = reportDate === first.outcomesAsOf ? first : documentModelFor(ctx, conferenceId, reportDate);
  const kind = (k: DocumentKind): PackageDocumentOptions => {
    const o = settingsFor(ctx, model, conferenceId, k);
    return { number: o.number, recipients: o.recipients, date: o.date, signer: o.signer ?? defaultSigner(model, k) };
  };
  const u = model.unit;
  return {
    model,
    settings: {
      unit: { name: u.name, level: u.level, parentName: u.parentName, style: u.style, headerParentLine: u.headerParentLine, headerIssuerLine: u.headerIssuerLine, placeName: u.placeName },
      minutes: kind('minutes'),
      report: kind('report'),
    },
  };
}

/** Refuses what cannot be sent up: no unit yet, an unknown conference, another unit's. */
export function checkExportable(ctx: ServiceContext, conferenceId: string): { unit: Unit; updatedAt: string } {
  const unit = getOwnUnit(ctx);
  if (!unit) throw refused('Chưa thiết lập đơn vị. Hãy khai báo đơn vị trước khi gửi dữ liệu lên cấp trên.');
  const row = ctx.sql('SELECT unit_id, updated_at FROM conferences WHERE id = ? AND deleted_at IS NULL').get(conferenceId) as
    | { unit_id: string; updated_at: string }
    | undefined;
  if (!row) throw notFound('hội nghị');
  if (row.unit_id !== unit.id) throw refused('Chỉ gửi được hội nghị của chính đơn vị mình, không gửi lại hội nghị đã nhập từ đơn vị khác.');
  return { unit, updatedAt: row.updated_at };
}

function nextRevision(ctx: ServiceContext, conferenceId: string, contentSha256: string): number {
  const last = ctx.sql('SELECT revision, content_sha256 FROM conference_exports WHERE conference_id = ?').get(conferenceId) as
    | { revision: number; content_sha256: string }
    | undefined;
  if (last && last.content_sha256 === contentSha256) return last.revision;
  const revision = (last?.revision ?? 0) + 1;
  ctx.sql(
    `INSERT INTO conference_exports (conference_id, revision, content_sha256, exported_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (conference_id) DO UPDATE SET revision = excluded.revision, content_sha256 = excluded.content_sha256,
       exported_at = excluded.exported_at`,
  ).run(conferenceId, revision, contentSha256, stamp(ctx));
  return revision;
}

export interface ExportOptions {
  /** Put minutes.docx and report.xlsx in the package for readers without the app (default true). */
  documents?: boolean;
}

/** Edits racing an export: after this many layouts, the last one goes in as it is. */
const EXPORT_ATTEMPTS = 3;

/**
 * Builds the signed package of one of this unit's conferences; the revision goes up after a
 * change. The documents are laid out outside any transaction (in the hosts, by the worker),
 * so the secretary may edit meanwhile: then they are laid out again from the newer data,
 * so that data.json and the documents in one package agree.
 */
export async function exportConference(ctx: ServiceContext, conferenceId: string, options: ExportOptions = {}): Promise<BuiltPackage> {
  if (options.documents === false) return (await buildPackage(ctx, conferenceId))!;
  const renderer = ctx.documents;
  for (let attempt = 1; ; attempt++) {
    const { model, updatedAt, settings } = ctx.db.transaction(() => ({ ...checkExportable(ctx, conferenceId), ...packageDocuments(ctx, conferenceId) }))();
    const documents = await renderPackageDocuments(renderer, model, settings, localIsoDate(ctx.now()));
    const built = await buildPackage(ctx, conferenceId, documents, attempt < EXPORT_ATTEMPTS ? { updatedAt, settings } : undefined);
    if (built) return built;
  }
}

/** The documents exactly as the package's settings print them: the parent lays out the same. */
async function renderPackageDocuments(
  renderer: DocumentRenderer,
  model: DocumentModel,
  settings: PackageDocuments,
  today: string,
): Promise<Record<'minutes.docx' | 'report.xlsx', Buffer>> {
  const [minutes, report] = await Promise.all([
    renderer.render({ kind: 'minutes', format: 'docx', model, options: settings.minutes, today }),
    renderer.render({ kind: 'report', format: 'xlsx', model, options: settings.report, today }),
  ]);
  return { 'minutes.docx': minutes, 'report.xlsx': report };
}
