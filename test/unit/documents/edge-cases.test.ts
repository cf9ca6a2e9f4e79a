import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { renderMinutes, renderReport } from './support';
import { openServiceContext } from '../../../electron/backend';
import type { ServiceContext } from '../../../electron/services/context';
import { DEFAULT_FIELDS } from '../../../shared/fields';
import { generateConference } from '../../bench/generate';
import { call, openDb, pdfFonts, pdfPages, pdfText, readDocx, squash, tempDir } from './support';

/** Every document of a conference, checked for being a whole, readable file. */
async function allDocumentsValid(ctx: ServiceContext, id: string, dir: string, name: string): Promise<{ pdfText: string; docxText: string; pages: number }> {
  const docx = readDocx(await renderMinutes(ctx, id, 'docx'));
  expect(docx.document).toContain('</w:body>');
  expect(docx.paragraphs).toContain('BIÊN BẢN');

  const pdfFile = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(pdfFile, await renderMinutes(ctx, id, 'pdf'));
  const pages = pdfPages(pdfFile);
  expect(pages).toBeGreaterThan(0);
  for (const font of pdfFonts(pdfFile)) expect(font.embedded).toBe(true);

  const report = readDocx(await renderReport(ctx, id, 'docx'));
  expect(report.paragraphs).toContain('BÁO CÁO');

  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await renderReport(ctx, id, 'xlsx')) as unknown as ArrayBuffer);
  expect(book.worksheets).toHaveLength(2);

  return { pdfText: pdfText(pdfFile), docxText: squash(docx.paragraphs.join('\n')), pages };
}

describe('documents at the edges', () => {
  let dir: string;
  let ctx: ServiceContext;
  beforeAll(() => {
    dir = tempDir();
    ctx = openDb(dir);
    call(ctx, 'unit.save', { name: 'Xã Biên Giới', level: 'xã', parentName: 'Tỉnh Hải Đông' });
  });
  afterAll(() => {
    ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an empty conference (no turns, no matters, nothing filled in) gives valid files', async () => {
    // Typed as NFD (as pasted from a PDF): the documents still carry NFC.
    const title = 'Hội nghị đối thoại chưa có ý kiến'.normalize('NFD');
    const { id } = call<{ id: string }>(ctx, 'conferences.create', { title, date: '2026-01-05' });
    const { pdfText, docxText } = await allDocumentsValid(ctx, id, dir, 'empty');
    for (const text of [pdfText, docxText]) {
      expect(text).toBe(text.normalize('NFC'));
      expect(text).toContain(title.normalize('NFC'));
      expect(text).toContain('Không có đại biểu phát biểu ý kiến tại hội nghị.');
      // January keeps its leading zero in the date line: "ngày 05 tháng 01".
      expect(text).toContain('ngày 05 tháng 01 năm 2026');
    }
  });

  it('a 2,000-character matter prints whole in every format', async () => {
    const { id } = call<{ id: string }>(ctx, 'conferences.create', { title: 'Hội nghị có ý kiến rất dài', date: '2026-10-02' });
    const { turn } = call<{ turn: { id: string } }>(ctx, 'turns.start', { conferenceId: id, speaker: { name: 'Trần Văn Dài', address: 'Thôn Đông' } });
    const sentence = 'Đề nghị chính quyền xã sớm khắc phục tình trạng ngập úng kéo dài ở khu dân cư thôn Đông. ';
    const long = sentence.repeat(Math.ceil(2000 / sentence.length)).slice(0, 2000).trim();
    expect(long.length).toBeGreaterThanOrEqual(1999);
    call(ctx, 'concerns.add', { conferenceId: id, turnId: turn.id, initial: { fieldId: DEFAULT_FIELDS[3]!.id, text: long, handling: 'noted' } });
    const { pdfText, docxText, pages } = await allDocumentsValid(ctx, id, dir, 'long');
    expect(pdfText).toContain(squash(long));
    expect(docxText).toContain(squash(long));
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('300 turns with 600 matters give valid files', async () => {
    const bigDir = tempDir();
    try {
      const dbPath = path.join(bigDir, 'big.sqlite');
      const backend = openBackend({ dbPath, host: 'test' });
      const id = generateConference(backend, 300, 2);
      backend.close();
      const bigCtx = openServiceContext({ dbPath, host: 'test' });
      try {
        const { pdfText, pages } = await allDocumentsValid(bigCtx, id, bigDir, 'big');
        expect(pdfText).toContain('Nguyễn Văn Đại Biểu 300');
        expect(pdfText).toContain('việc số 600 ');
        expect(pages).toBeGreaterThan(20);
      } finally {
        bigCtx.db.close();
      }
    } finally {
      fs.rmSync(bigDir, { recursive: true, force: true });
    }
  }, 120_000);
});
