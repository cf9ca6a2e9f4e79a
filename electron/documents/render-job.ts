/**
 * One document to lay out, as plain data: what crosses into the document worker. The model
 * was read from the database beforehand, so laying out needs no database at all.
 */
import { renderMinutesModel, renderReportModel, type MinutesFormat, type ReportFormat } from './index';
import type { DocumentModel, DocumentOptions } from './index';

export type RenderJob =
  | { kind: 'minutes'; format: MinutesFormat; model: DocumentModel; options: DocumentOptions; today: string }
  | { kind: 'report'; format: ReportFormat; model: DocumentModel; options: DocumentOptions; today: string };

export function runRenderJob(job: RenderJob): Promise<Buffer> {
  return job.kind === 'minutes'
    ? renderMinutesModel(job.model, job.format, job.options, job.today)
    : renderReportModel(job.model, job.format, job.options, job.today);
}

/** Lays out documents somewhere: in this thread (command line, tests) or in a worker (hosts). */
export interface DocumentRenderer {
  render(job: RenderJob): Promise<Buffer>;
  close(): Promise<void>;
}

export const inThreadRenderer: DocumentRenderer = {
  render: runRenderJob,
  close: async () => {},
};
