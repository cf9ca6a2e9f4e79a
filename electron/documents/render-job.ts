/**
 * One document to lay out, as plain data: what crosses into the background worker. The
 * model was read from the database beforehand, so laying out needs no database at all.
 */
import type { Overview, Unit } from '../../shared/api/types';
import { renderMinutesModel, renderNoticeModel, renderReportModel, type MinutesFormat, type NoticeFormat, type ReportFormat } from './index';
import type { DocumentModel, DocumentOptions } from './index';
import { renderSummary, type SummaryFormat } from './summary';

export type RenderJob =
  | { kind: 'minutes'; format: MinutesFormat; model: DocumentModel; options: DocumentOptions; today: string }
  | { kind: 'report'; format: ReportFormat; model: DocumentModel; options: DocumentOptions; today: string }
  | { kind: 'notice'; format: NoticeFormat; model: DocumentModel; options: DocumentOptions; today: string }
  | { kind: 'summary'; format: SummaryFormat; overview: Overview; unit: Unit | null; options: DocumentOptions; today: string };

export function runRenderJob(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'minutes':
      return renderMinutesModel(job.model, job.format, job.options, job.today);
    case 'report':
      return renderReportModel(job.model, job.format, job.options, job.today);
    case 'notice':
      return renderNoticeModel(job.model, job.format, job.options, job.today);
    case 'summary':
      return renderSummary(job.overview, job.unit, job.format, job.today, job.options);
  }
}
