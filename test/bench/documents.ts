/**
 * Documents of a generated conference of 300 turns / 600 matters: minutes DOCX and PDF,
 * report XLSX (and report DOCX). Each is made a few times; the median and the worst are
 * printed against the targets (DOCX < 1 s, XLSX < 1 s, PDF < 3 s). Reading the conference
 * from the database is timed apart: it is the part that holds the database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend } from '../../electron/backend';
import { renderMinutesModel, renderReportModel } from '../../electron/documents/index';
import { loadDocumentModel } from '../../electron/services/document-model';
import { openServiceContext } from '../../electron/backend';
import { generateConference } from './generate';
import { line, ms, percentile } from './stats';

async function time(runs: number, work: () => Promise<Buffer> | Buffer | unknown): Promise<{ median: number; worst: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = await work();
    times.push(performance.now() - start);
    if (Buffer.isBuffer(result)) bytes = result.length;
  }
  return { median: percentile(times, 50), worst: Math.max(...times), bytes };
}

export async function benchDocuments(runs = 5): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-bench-docs-'));
  try {
    const dbPath = path.join(dir, 'docs.sqlite');
    const backend = openBackend({ dbPath, host: 'test' });
    const id = generateConference(backend, 300, 2);
    backend.close();
    const ctx = openServiceContext({ dbPath, host: 'test' });
    try {
      console.log(`\nTài liệu của hội nghị 300 lượt / 600 nội dung (${runs} lần mỗi loại; trung vị, chậm nhất):`);
      const read = await time(runs, () => loadDocumentModel(ctx, id));
      line('đọc hội nghị từ CSDL (mô hình tài liệu)', `${ms(read.median)}, ${ms(read.worst)}`);
      // Warm-up: the first PDF loads and parses the fonts, the first of each library its code.
      const model = loadDocumentModel(ctx, id);
      const cold = performance.now();
      await renderMinutesModel(model, 'pdf');
      const coldPdf = performance.now() - cold;

      const figures: Array<[string, 'docx' | 'pdf' | 'xlsx' | 'report-docx', string]> = [
        ['biên bản DOCX', 'docx', '< 1 s'],
        ['biên bản PDF', 'pdf', '< 3 s'],
        ['báo cáo XLSX (Biểu 01, 02)', 'xlsx', '< 1 s'],
        ['báo cáo DOCX (kèm Biểu 01, 02)', 'report-docx', ''],
      ];
      for (const [label, which, target] of figures) {
        const r = await time(runs, () =>
          which === 'docx' || which === 'pdf'
            ? renderMinutesModel(loadDocumentModel(ctx, id), which)
            : renderReportModel(loadDocumentModel(ctx, id), which === 'xlsx' ? 'xlsx' : 'docx'),
        );
        line(`${label} (${Math.round(r.bytes / 1024)} KB)`, `${ms(r.median)}, ${ms(r.worst)}`, target || undefined);
      }
      line('biên bản PDF, lần đầu (nạp phông chữ)', ms(coldPdf), '< 3 s');
    } finally {
      ctx.db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
