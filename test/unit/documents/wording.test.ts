/**
 * Minutes wording (issue 8, B9) and the signature kept with the text above it (C16), through
 * the real API on the thị trấn fixture: an honorific typed into a name is not printed; tabs
 * and line breaks print alike in the preview, DOCX, PDF and XLSX; emoji are refused at entry
 * with a Vietnamese message; the last paragraph before a signature keeps with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceDetail, MinutesPreview, RenderedDocument } from '../../../shared/api/types';
import { dispatch, dispatchAsync } from '../../../electron/services/dispatch';
import { call, loadFixture, pdfText, readDocx, type Loaded } from './support';

const FIXTURE = 'styles/thi-tran-an-lao-2024.json';

async function render(l: Loaded, kind: 'minutes' | 'report', format: 'docx' | 'pdf' | 'xlsx'): Promise<Buffer> {
  const result = await dispatchAsync(l.ctx, 'documents.render', { conferenceId: l.id, kind, format, settings: {} });
  if (!result.ok) throw new Error(result.error.message);
  return Buffer.from((result.value as RenderedDocument).base64, 'base64');
}

function writePdf(l: Loaded, name: string, buffer: Buffer): string {
  const file = path.join(l.dir, name);
  fs.writeFileSync(file, buffer);
  return file;
}

const previewText = (p: MinutesPreview) => [...p.body, ...p.closing].map((para) => para.runs.map((r) => r.text).join('')).join('\n');

describe('what the secretary typed, as every format prints it', () => {
  let l: Loaded;
  beforeAll(() => {
    l = loadFixture(FIXTURE);
    const detail = call<ConferenceDetail>(l.ctx, 'conferences.get', { id: l.id });
    const first = detail.turns[0]!;
    // An honorific typed into the name, and a matter typed with a tab and a line break.
    call(l.ctx, 'speakers.update', { id: first.speakerId, patch: { name: 'Ông Đinh Công Ưởng' } });
    call(l.ctx, 'concerns.update', { id: first.concerns[0]!.id, patch: { text: 'Đường khu 3:\tlún, nứt\ngây mất an toàn.' } });
  });
  afterAll(() => l.close());

  it('the honorific is left out: "Đại biểu Đinh Công Ưởng", never "Đại biểu Ông …"', async () => {
    const preview = call<MinutesPreview>(l.ctx, 'documents.preview', { conferenceId: l.id, settings: {} });
    const docx = readDocx(await render(l, 'minutes', 'docx')).paragraphs.join('\n');
    const pdf = pdfText(writePdf(l, 'honorific.pdf', await render(l, 'minutes', 'pdf')));
    for (const text of [previewText(preview), docx, pdf]) {
      expect(text).toContain('1. Đại biểu Đinh Công Ưởng, Nhân dân');
      expect(text).not.toContain('Ông Đinh');
    }
  });

  it('a tab prints as one space and a line break as a line break, in the preview, DOCX, PDF and XLSX', async () => {
    const preview = call<MinutesPreview>(l.ctx, 'documents.preview', { conferenceId: l.id, settings: {} });
    expect(previewText(preview)).toContain('- Đường khu 3: lún, nứt\ngây mất an toàn.');

    const docx = readDocx(await render(l, 'minutes', 'docx'));
    const para = /<w:p[ >](?:(?!<\/w:p>)[\s\S])*Đường khu 3: lún, nứt(?:(?!<\/w:p>)[\s\S])*<\/w:p>/.exec(docx.document)?.[0] ?? '';
    expect(para).toMatch(/Đường khu 3: lún, nứt<\/w:t><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:br\/><w:t[^>]*>gây mất an toàn\./);
    expect(docx.document).not.toContain('\t');

    const pdf = fs.readFileSync(writePdf(l, 'tabs.pdf', await render(l, 'minutes', 'pdf')));
    const raw = (await import('node:child_process')).execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
    expect(raw).toMatch(/Đường khu 3: lún, nứt\s*\n\s*gây mất an toàn\./);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await render(l, 'report', 'xlsx')) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))));
    expect(cells).toContain('Đường khu 3: lún, nứt\ngây mất an toàn.');
    expect(cells.join('')).not.toContain('\t');
  });

  it('emoji are refused at entry with a Vietnamese message, and nothing is saved', () => {
    const detail = call<ConferenceDetail>(l.ctx, 'conferences.get', { id: l.id });
    const turn = detail.turns[1]!;
    for (const input of ['Đề nghị sửa đường 👍', 'Cờ 🇻🇳', 'Nắng ☀️']) {
      const result = dispatch(l.ctx, 'turns.update', { id: turn.id, patch: { summary: input } });
      expect(result.ok, input).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.issues?.[0]?.message).toMatch(/biểu tượng cảm xúc \(emoji\)/);
      }
    }
    expect(call<ConferenceDetail>(l.ctx, 'conferences.get', { id: l.id }).turns[1]!.summary).toBe('');
    // Symbols an office font has stay allowed.
    expect(dispatch(l.ctx, 'turns.update', { id: turn.id, patch: { summary: 'Nhãn hiệu ©, ®, ™ → giữ nguyên' } }).ok).toBe(true);
  });
});

describe('the signature stays with the text above it (C16)', () => {
  let l: Loaded;
  beforeAll(() => {
    l = loadFixture(FIXTURE);
  });
  afterAll(() => l.close());

  it.each([
    ['minutes', 'docx'],
    ['report', 'docx'],
  ] as const)('%s DOCX: the paragraph before the signature table keeps with it, the row does not split', async (kind, format) => {
    const { document } = readDocx(await render(l, kind, format));
    const firstSignature = document.search(/<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*(THƯ KÝ|T\/M|TM\.)/);
    expect(firstSignature).toBeGreaterThan(0);
    const before = document.slice(0, firstSignature);
    const lastParagraph = before.slice(before.lastIndexOf('<w:p>') >= 0 ? before.lastIndexOf('<w:p>') : before.lastIndexOf('<w:p '));
    expect(lastParagraph).toContain('<w:keepNext/>');
    const table = document.slice(firstSignature, document.indexOf('</w:tbl>', firstSignature));
    expect(table).toContain('<w:cantSplit/>');
  });
});
