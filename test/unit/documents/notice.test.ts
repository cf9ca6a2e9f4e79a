/**
 * The conclusion notice (thông báo kết luận, issue 10): which matters it lists and in what
 * order (assigned ones by agency, in the order the agencies were first named; then the
 * forwarded ones), each with its deadline; the number code TB in both styles; the signer's
 * titles; "Nơi nhận" naming each agency; and the same text in the DOCX and the PDF, laid out
 * through `documents.render` as the documents screen and the command line do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSetup, RenderedDocument } from '../../../shared/api/types';
import type { DocumentStyle } from '../../../shared/domain';
import { dispatch, dispatchAsync } from '../../../electron/services/dispatch';
import { documentModelFor } from '../../../electron/services/document-settings';
import { exportConference, packageDocuments } from '../../../electron/services/package-export';
import { unzipSync } from 'fflate';
import { resolveOptions } from '../../../electron/documents/header';
import { NO_AGENCY, noticeContent, noticeMatters, type NoticeContent } from '../../../electron/documents/notice-content';
import type { DocumentModel } from '../../../electron/documents/model';
import { call, loadFixture, pdfFonts, pdfText, readDocx, setStyle, squash, type Loaded } from './support';

const HOA_BINH = 'phuong-hoa-binh-2026.json';
const TAN_LAP = 'xa-tan-lap-2026.json';
const TODAY = '2026-09-20';

/** The agencies of the Hòa Bình sample in the order the meeting first named them. */
const HOA_BINH_AGENCIES = ['Phòng Kinh tế, Hạ tầng và Đô thị', 'Bộ phận Văn hóa - Xã hội', 'Bộ phận Địa chính', 'Đội Quản lý trật tự đô thị', 'Bộ phận Kinh tế - Hạ tầng'];

/** The body's paragraphs as text; the no-break space before a deadline read as a space. */
const texts = (content: NoticeContent): string[] => content.body.map((b) => b.runs.map((r) => r.text).join('').replace(/\u00a0/g, ' '));
const nfc = (s: string) => s.normalize('NFC').trim();
const dmy = (iso: string) => iso.split('-').reverse().join('/');

interface ScenarioConcern {
  text: string;
  handling: string;
  agency?: string;
  deadline?: string;
}

function scenarioConcerns(l: Loaded): ScenarioConcern[] {
  return [...l.scenario.precollected, ...l.scenario.turns.flatMap((t) => t.concerns)] as ScenarioConcern[];
}

async function render(l: Loaded, format: 'docx' | 'pdf', settings: Record<string, unknown> = {}): Promise<RenderedDocument> {
  const result = await dispatchAsync(l.ctx, 'documents.render', { conferenceId: l.id, kind: 'notice', format, settings });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as RenderedDocument;
}

describe('notice content, Hòa Bình sample', () => {
  let l: Loaded;
  let model: DocumentModel;
  beforeAll(() => {
    l = loadFixture(HOA_BINH);
  });
  afterAll(() => l.close());
  const content = (style: DocumentStyle, number = '15') => {
    setStyle(l.ctx, style);
    model = documentModelFor(l.ctx, l.id);
    return noticeContent(model, resolveOptions(model, 'notice', TODAY, { number }));
  };

  it.each([
    ['party', 'Số 15-TB/ĐU', ['T/M ĐẢNG ỦY', 'BÍ THƯ'], 'Lê Thị Minh Tâm'],
    ['government', 'Số: 15/TB-UBND', ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], 'Trần Quốc Hưng'],
  ] as const)('%s style: number line with TB, title, signed like the report', (style, numberLine, titles, signer) => {
    const c = content(style);
    const left = c.header.left.filter((i) => i.kind === 'text').map((i) => (i.kind === 'text' ? i.text : ''));
    expect(left).toContain(numberLine);
    expect(c.title).toBe('THÔNG BÁO');
    expect(c.subject).toMatch(/^Kết luận của đồng chí .+ tại Hội nghị đối thoại/);
    expect(c.signature).toEqual({ titles, name: signer });
    // The conclusion is the head's: named in the sentence that introduces it.
    expect(texts(c).some((t) => t.includes(`đồng chí ${signer}`) && t.endsWith('kết luận như sau:'))).toBe(true);
  });

  it('lists exactly the assigned and forwarded matters, grouped by agency in the order first named, each with its deadline', () => {
    const c = content('party');
    const body = texts(c);
    const concerns = scenarioConcerns(l);
    // Answered and noted matters are not tasks: they are not listed.
    for (const m of concerns.filter((x) => x.handling === 'answered' || x.handling === 'noted')) {
      expect(body.some((t) => t.includes(nfc(m.text))), m.text).toBe(false);
    }
    // The agency headings, numbered under section 2, in the order of the meeting.
    const headings = body.filter((t) => /^2\.\d+\. /.test(t));
    expect(headings.map((h) => h.replace(/^2\.\d+\. /, '').replace(/ \(\d+ nội dung\):$/, ''))).toEqual(HOA_BINH_AGENCIES);
    expect(headings.at(-1)).toBe('2.5. Bộ phận Kinh tế - Hạ tầng (02 nội dung):');
    // Under each heading, its matters in meeting order, each followed by its deadline dd/mm/yyyy.
    for (const agency of HOA_BINH_AGENCIES) {
      const start = body.findIndex((t) => /^2\.\d+\. /.test(t) && t.includes(agency));
      const expected = concerns.filter((x) => x.handling === 'assigned' && x.agency === agency);
      expected.forEach((m, i) => {
        expect(body[start + 1 + i]).toBe(`- ${nfc(m.text)}${/[.!?;:…]$/.test(nfc(m.text)) ? '' : '.'} Thời hạn giải quyết: ${dmy(m.deadline!)}.`);
      });
    }
    // The forwarded matter, in its own section after the assigned ones.
    const forwarded = concerns.filter((x) => x.handling === 'forwarded');
    expect(forwarded).toHaveLength(1);
    const section3 = body.indexOf('3. Các nội dung kiến nghị cấp trên');
    expect(section3).toBeGreaterThan(body.findIndex((t) => t.startsWith('2.5. ')));
    expect(body[section3 + 1]).toContain('kiến nghị cấp ủy, chính quyền thành phố Hải An xem xét, giải quyết:');
    expect(body.slice(section3 + 2).some((t) => t.startsWith(`- ${nfc(forwarded[0]!.text)}`))).toBe(true);
    expect(body.at(-1)).toBe('Đảng ủy phường Hòa Bình thông báo để các cơ quan, đơn vị và Nhân dân biết, thực hiện.');
  });

  it('the conference in the first paragraphs: date, place, chairs, attendance, counts; then the conclusion', () => {
    const body = texts(content('party'));
    expect(body[0]).toContain('ngày 16 tháng 9 năm 2026');
    expect(body[0]).toContain('đồng chí Lê Thị Minh Tâm, Bí thư Đảng ủy phường');
    expect(body[0]).toContain('Tham dự hội nghị có 118 đại biểu.');
    expect(body[1]).toMatch(/^Tại hội nghị có 11 lượt ý kiến với 15 nội dung/);
    expect(body[1]).toContain('giao các cơ quan, đơn vị giải quyết 06 nội dung');
    expect(body[body.indexOf('1. Kết luận chung') + 1]).toContain('giao UBND phường chỉ đạo các bộ phận chuyên môn rà soát');
  });

  it('"Nơi nhận" by default names each agency given a matter once, then the archive line', () => {
    const c = content('government');
    expect(c.recipients).toEqual([
      '- Cấp ủy, chính quyền thành phố Hải An (b/c);',
      '- Ủy ban MTTQ Việt Nam phường Hòa Bình;',
      ...HOA_BINH_AGENCIES.map((a) => `- ${a};`),
      '- Lưu: VT, Hồ sơ.',
    ]);
  });

  it('an assigned matter with no agency is grouped last; a missing deadline is left to be written by hand', () => {
    const base = content('party') && model;
    const first = base.turns.find((t) => t.concerns.some((c) => c.handling === 'assigned'))!;
    const moved: DocumentModel = {
      ...base,
      turns: base.turns.map((t) =>
        t === first ? { ...t, concerns: t.concerns.map((c) => (c.handling === 'assigned' ? { ...c, agencyName: '', deadline: null } : c)) } : t,
      ),
    };
    const groups = noticeMatters(moved).assigned;
    expect(groups.at(-1)!.agency).toBe('');
    const body = texts(noticeContent(moved, resolveOptions(moved, 'notice', TODAY)));
    const last = body.filter((t) => /^2\.\d+\. /.test(t)).at(-1)!;
    expect(last).toContain(NO_AGENCY);
    expect(body[body.indexOf(last) + 1]).toMatch(/Thời hạn giải quyết: ……\.$/);
    // The date never starts a line of its own: it is bound to its label.
    const raw = noticeContent(moved, resolveOptions(moved, 'notice', TODAY)).body.flatMap((b) => b.runs.map((r) => r.text));
    const deadlines = raw.filter((t) => t.includes('Thời hạn giải quyết:'));
    expect(deadlines).toHaveLength(6);
    expect(deadlines.every((t) => t.includes('giải quyết:\u00a0'))).toBe(true);
  });

  it('a conference with nothing assigned or forwarded says so instead of empty sections', () => {
    const base = content('party') && model;
    const none: DocumentModel = {
      ...base,
      precollected: base.precollected.map((c) => ({ ...c, handling: 'noted' as const })),
      turns: base.turns.map((t) => ({ ...t, concerns: t.concerns.map((c) => ({ ...c, handling: 'answered' as const })) })),
    };
    const body = texts(noticeContent(none, resolveOptions(none, 'notice', TODAY)));
    expect(body.some((t) => t.startsWith('2. Giao'))).toBe(false);
    expect(body.some((t) => t.includes('kiến nghị cấp trên xem xét'))).toBe(false);
    expect(body).toContain('Các ý kiến, kiến nghị tại hội nghị đã được trả lời trực tiếp hoặc ghi nhận, tiếp thu; không có nội dung giao giải quyết hoặc kiến nghị cấp trên.');
  });
});

describe('notice content, Tân Lập sample, Government style with no chair whose office fits', () => {
  let l: Loaded;
  beforeAll(() => {
    l = loadFixture(TAN_LAP);
    setStyle(l.ctx, 'government');
  });
  afterAll(() => l.close());

  it('the Bí thư who presided is the one who concluded; the People’s Committee’s titles print over a blank name', () => {
    const model = documentModelFor(l.ctx, l.id);
    const c = noticeContent(model, resolveOptions(model, 'notice', TODAY));
    expect(c.subject).toBe('Kết luận của đồng chí Bí thư Đảng ủy xã tại Hội nghị đối thoại của người đứng đầu cấp ủy, chính quyền xã Tân Lập với Nhân dân năm 2026');
    expect(c.signature).toEqual({ titles: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: '' });
    // The 11 matters given to one agency sit under one heading; the two forwarded ones follow.
    const body = texts(c);
    expect(body.filter((t) => /^2\.\d+\. /.test(t))).toEqual(['2.1. Ủy ban nhân dân xã (11 nội dung):']);
    expect(body.filter((t) => t.endsWith('Thời hạn giải quyết: 31/12/2026.'))).toHaveLength(11);
    expect(body).toContain('- Tiến độ giải phóng mặt bằng dự án đường trục xã chậm.');
  });
});

describe('notice files through documents.render', () => {
  let l: Loaded;
  beforeEach(() => {
    l?.close();
    l = loadFixture(HOA_BINH);
  });
  afterAll(() => l.close());

  it.each(['party', 'government'] as const)('%s style: the PDF and the DOCX say the same thing, fonts embedded', async (style) => {
    setStyle(l.ctx, style);
    const pdf = await render(l, 'pdf', { number: '15' });
    expect(pdf.fileName).toBe('thong-bao_phuong-hoa-binh_16-09-2026.pdf');
    expect(pdf.mimeType).toBe('application/pdf');
    const file = path.join(l.dir, `notice-${style}.pdf`);
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = pdfText(file);
    expect(text).toBe(text.normalize('NFC'));
    const docx = await render(l, 'docx', { number: '15' });
    expect(docx.fileName).toBe('thong-bao_phuong-hoa-binh_16-09-2026.docx');
    const paragraphs = readDocx(Buffer.from(docx.base64, 'base64')).paragraphs.map(squash);
    const docxText = paragraphs.join(' ');
    for (const expected of [
      'THÔNG BÁO',
      style === 'party' ? 'Số 15-TB/ĐU' : 'Số: 15/TB-UBND',
      style === 'party' ? 'T/M ĐẢNG ỦY' : 'TM. ỦY BAN NHÂN DÂN',
      '2.2. Bộ phận Văn hóa - Xã hội (01 nội dung):',
      'Thời hạn giải quyết: 15/10/2026.',
      'Thời hạn giải quyết: 30/09/2026.',
      'Dự án mở rộng đường Lê Lợi',
      '- Bộ phận Địa chính;',
    ]) {
      expect(text, `PDF: ${expected}`).toContain(expected);
      expect(docxText, `DOCX: ${expected}`).toContain(expected);
    }
    expect(text).not.toContain('Biên bản đã được thông qua');
    for (const font of pdfFonts(file)) expect(font.embedded, font.name).toBe(true);
  });

  it('defaults and save keep the notice’s own number, date, "Nơi nhận" and signer, apart from the report’s', () => {
    const setup = call<DocumentSetup>(l.ctx, 'documents.defaults', { conferenceId: l.id, kind: 'notice' });
    expect(setup.number).toBe('');
    expect(setup.recipients).toContain('- Bộ phận Địa chính;');
    expect(setup.signature.titles).toEqual(['T/M ĐẢNG ỦY', 'BÍ THƯ']);
    expect(setup.original).toBeNull();
    const saved = call<DocumentSetup>(l.ctx, 'documents.save', {
      conferenceId: l.id,
      kind: 'notice',
      settings: { number: '15', date: '2026-09-21', recipients: ['Bộ phận Địa chính;'], signer: { name: 'Trần Quốc Hưng', position: 'Phó Bí thư, Chủ tịch UBND phường' } },
    });
    expect(saved).toMatchObject({ number: '15', date: '2026-09-21', recipients: ['- Bộ phận Địa chính;'] });
    expect(saved.signature).toEqual({ titles: ['T/M ĐẢNG ỦY', 'PHÓ BÍ THƯ'], name: 'Trần Quốc Hưng' });
    expect(call<DocumentSetup>(l.ctx, 'documents.defaults', { conferenceId: l.id, kind: 'notice' })).toMatchObject({ number: '15', date: '2026-09-21' });
    expect(call<DocumentSetup>(l.ctx, 'documents.defaults', { conferenceId: l.id, kind: 'report' }).number).toBe('');
  });

  it('refuses a notice as XLSX, and has no signed original, in Vietnamese', () => {
    const xlsx = dispatch(l.ctx, 'documents.render', { conferenceId: l.id, kind: 'notice', format: 'xlsx', settings: {} });
    expect(xlsx.ok).toBe(false);
    if (!xlsx.ok) expect(xlsx.error.message).toContain('thông báo kết luận: DOCX, PDF');
    const original = dispatch(l.ctx, 'documents.original', { conferenceId: l.id, kind: 'notice' });
    expect(original.ok).toBe(false);
    if (!original.ok) expect(original.error.message).toContain('thông báo');
  });

  it('the package sent up still carries only the minutes and the report, whatever the notice’s settings', async () => {
    call(l.ctx, 'documents.save', { conferenceId: l.id, kind: 'notice', settings: { number: '15' } });
    expect(Object.keys(l.ctx.db.transaction(() => packageDocuments(l.ctx, l.id))().settings).sort()).toEqual(['minutes', 'report', 'unit']);
    const built = await exportConference(l.ctx, l.id);
    const names = Object.keys(unzipSync(new Uint8Array(built.bytes)));
    expect(names.some((n) => /notice|thong-bao/i.test(n))).toBe(false);
    expect(names).toContain('minutes.docx');
  });
});
