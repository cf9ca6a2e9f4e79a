/**
 * Minutes and reports in the official Vietnamese format: a plain model in, bytes out.
 *
 *   const pdf = await renderMinutesModel(model, 'pdf', { number: '12' }, '2026-10-02');
 *
 * No database here: the services read the model (services/document-model.ts) in a quick
 * synchronous snapshot, and laying out the file — the slow part — runs on the model only,
 * in the background worker in the app, so typing stays smooth.
 */
import { localIsoDate } from '../../shared/dates';
import { resolveOptions, type DocumentOptions } from './header';
import { minutesContent } from './minutes-content';
import { minutesDocx } from './minutes-docx';
import { minutesPdf } from './minutes-pdf';
import type { DocumentModel } from './model';
import { noticeContent } from './notice-content';
import { noticeDocx } from './notice-docx';
import { noticePdf } from './notice-pdf';
import { reportContent, reportTables } from './report-content';
import { reportDocx } from './report-docx';
import { reportXlsx } from './report-xlsx';

export type { DocumentOptions, ResolvedOptions } from './header';
export type { DocumentModel } from './model';

export type MinutesFormat = 'docx' | 'pdf';
export type ReportFormat = 'docx' | 'xlsx';
export type NoticeFormat = 'docx' | 'pdf';

export const MIME_TYPES: Record<MinutesFormat | ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

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

/** The conclusion notice from a model; dated `today` unless `options.date` says otherwise. */
export async function renderNoticeModel(model: DocumentModel, format: NoticeFormat, options: DocumentOptions = {}, today = localIsoDate(new Date())): Promise<Buffer> {
  const content = noticeContent(model, resolveOptions(model, 'notice', today, options));
  return format === 'pdf' ? noticePdf(content) : noticeDocx(content);
}
