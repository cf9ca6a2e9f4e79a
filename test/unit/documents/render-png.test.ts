/**
 * Page 1 of every document of every scenario, in both styles, as PNG under
 * test-results/documents/ (with the files themselves), for people to look at: DOCX through
 * LibreOffice headless, PDF through pdftoppm, XLSX through LibreOffice Calc where installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMinutes, renderReport } from './support';
import { ARTEFACTS, hasCommand, loadFixture, pdfPage1Png, pdfText, setStyle, SCENARIOS, sofficeToPdf } from './support';

const STYLES = ['party', 'government'] as const;
const soffice = hasCommand('soffice');
const pdftoppm = hasCommand('pdftoppm');

describe('page 1 of each document as PNG (test-results/documents)', () => {
  const made: Array<{ file: string; kind: 'docx' | 'pdf' | 'xlsx' }> = [];
  let work: string;

  beforeAll(async () => {
    fs.mkdirSync(ARTEFACTS, { recursive: true });
    work = fs.mkdtempSync(path.join(ARTEFACTS, '.work-'));
    for (const file of SCENARIOS) {
      const s = loadFixture(file);
      try {
        const base = path.basename(file, '.json');
        for (const style of STYLES) {
          setStyle(s.ctx, style);
          const outputs: Array<[string, Promise<Buffer>, 'docx' | 'pdf' | 'xlsx']> = [
            [`${base}-${style}-minutes.docx`, renderMinutes(s.ctx, s.id, 'docx'), 'docx'],
            [`${base}-${style}-minutes.pdf`, renderMinutes(s.ctx, s.id, 'pdf'), 'pdf'],
            [`${base}-${style}-report.docx`, renderReport(s.ctx, s.id, 'docx'), 'docx'],
          ];
          if (style === 'party') outputs.push([`${base}-report.xlsx`, renderReport(s.ctx, s.id, 'xlsx'), 'xlsx']);
          for (const [name, data, kind] of outputs) {
            const target = path.join(ARTEFACTS, name);
            fs.writeFileSync(target, await data);
            made.push({ file: target, kind });
          }
        }
      } finally {
        s.close();
      }
    }
  }, 120_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it.skipIf(!pdftoppm)('PDF minutes', () => {
    for (const { file } of made.filter((m) => m.kind === 'pdf')) {
      const png = pdfPage1Png(file, file.replace(/\.pdf$/, '-pdf-page1'));
      expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    }
  });

  it.skipIf(!soffice || !pdftoppm)(
    'DOCX minutes and reports, through LibreOffice',
    () => {
      const docx = made.filter((m) => m.kind === 'docx').map((m) => m.file);
      const pdfs = sofficeToPdf(docx, work);
      expect(pdfs).toHaveLength(docx.length);
      for (const pdf of pdfs) {
        // LibreOffice reads back the text we wrote, with its Vietnamese marks.
        expect(pdfText(pdf)).toMatch(/BIÊN BẢN|BÁO CÁO/);
        const png = pdfPage1Png(pdf, path.join(ARTEFACTS, `${path.basename(pdf, '.pdf')}-docx-page1`));
        expect(fs.statSync(png).size).toBeGreaterThan(10_000);
      }
    },
    300_000,
  );

  it.skipIf(!soffice || !pdftoppm)(
    'XLSX reports, through LibreOffice Calc when it is installed',
    (ctx) => {
      const xlsx = made.filter((m) => m.kind === 'xlsx').map((m) => m.file);
      const pdfs = sofficeToPdf(xlsx, work);
      if (pdfs.length === 0) {
        console.warn('LibreOffice Calc is not installed (Debian: libreoffice-calc-nogui): no PNG of the XLSX reports.');
        ctx.skip();
        return;
      }
      for (const pdf of pdfs) pdfPage1Png(pdf, path.join(ARTEFACTS, `${path.basename(pdf, '.pdf')}-xlsx-page1`));
    },
    300_000,
  );
});
