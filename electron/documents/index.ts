/**
 * Minutes and reports in the official Vietnamese format. Plain Node (no `electron`): the
 * CLI, the browser host and Electron main all call these, and get the same bytes.
 *
 *   const pdf = await renderMinutes(ctx, id, 'pdf', { number: '12' });
 *   const xlsx = await renderReport(ctx, id, 'xlsx');
 *
 * Reading the conference is a quick synchronous snapshot; laying out the file is the slow
 * part and works on the plain model only, so a host may hand `loadDocumentModel`'s result to
 * `renderMinutesModel` / `renderReportModel` in a worker to keep typing smooth.
 */
import { localIsoDate } from '../../shared/dates';
import type { ServiceContext } from '../services/context';
import { resolveOptions, defaultDocumentOptions, type DocumentKind, type DocumentOptions, type ResolvedOptions } from './header';
import { minutesContent } from './minutes-content';
import { minutesDocx } from './minutes-docx';
import { minutesPdf } from './minutes-pdf';
import { loadDocumentModel, type DocumentModel } from './model';
import { reportContent, reportTables } from './report-content';
import { reportDocx } from './report-docx';
import { reportXlsx } from './report-xlsx';

export type { DocumentKind, DocumentOptions, ResolvedOptions } from './header';
export type { DocumentModel } from './model';
export { loadDocumentModel } from './model';

export type MinutesFormat = 'docx' | 'pdf';
export type ReportFormat = 'docx' | 'xlsx';

export const FORMATS: { minutes: readonly MinutesFormat[]; report: readonly ReportFormat[] } = {
  minutes: ['docx', 'pdf'],
  report: ['docx', 'xlsx'],
};

export const MIME_TYPES: Record<MinutesFormat | ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The format a file name asks for ("bien-ban.PDF" → 'pdf'), or null when the kind has no such format. */
export function formatForFile<K extends DocumentKind>(kind: K, fileName: string): (K extends 'minutes' ? MinutesFormat : ReportFormat) | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const allowed = FORMATS[kind] as readonly string[];
  return (allowed.includes(ext) ? ext : null) as (K extends 'minutes' ? MinutesFormat : ReportFormat) | null;
}

/** The editable defaults (number, "Nơi nhận", date) to show before exporting. */
export function documentDefaults(ctx: ServiceContext, conferenceId: string, kind: DocumentKind): ResolvedOptions {
  return defaultDocumentOptions(loadDocumentModel(ctx, conferenceId), kind, localIsoDate(ctx.now()));
}

/** Minutes from a model; `today` (yyyy-mm-dd) only matters to reports, kept for symmetry. */
export async function renderMinutesModel(model: DocumentModel, format: MinutesFormat, options: DocumentOptions = {}, today = localIsoDate(new Date())): Promise<Buffer> {
  const content = minutesContent(model, resolveOptions(model, 'minutes', today, options));
  return format === 'pdf' ? minutesPdf(content) : minutesDocx(content);
}

/** The results report from a model; `today` dates it unless `options.date` says otherwise. */
export async function renderReportModel(model: DocumentModel, format: ReportFormat, options: DocumentOptions = {}, today = localIsoDate(new Date())): Promise<Buffer> {
  const resolved = resolveOptions(model, 'report', today, options);
  const tables = reportTables(model, resolved);
  return format === 'xlsx' ? reportXlsx(tables) : reportDocx(reportContent(model, resolved), tables);
}

/** Throws ApiError('not_found') for an unknown or deleted conference. */
export async function renderMinutes(ctx: ServiceContext, conferenceId: string, format: MinutesFormat, options: DocumentOptions = {}): Promise<Buffer> {
  return renderMinutesModel(loadDocumentModel(ctx, conferenceId), format, options, localIsoDate(ctx.now()));
}

/** Throws ApiError('not_found') for an unknown or deleted conference. */
export async function renderReport(ctx: ServiceContext, conferenceId: string, format: ReportFormat, options: DocumentOptions = {}): Promise<Buffer> {
  return renderReportModel(loadDocumentModel(ctx, conferenceId), format, options, localIsoDate(ctx.now()));
}
