/**
 * Issue 10: reports give the outcome as of their date beside the handling at the conference,
 * and a unit's next conference carries the matters of its earlier ones. Hòa Bình sample:
 * 5 answered + 3 noted start resolved, 6 assigned + 1 forwarded (the Lê Lợi road) start open.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarryOver, Conference } from '../../../shared/api/types';
import { loadDocumentModel } from '../../../electron/services/document-model';
import { recordStatus } from '../../../electron/services/outcomes';
import { dispatch } from '../../../electron/services/dispatch';
import { SHEET_NAMES } from '../../../electron/documents/report-xlsx';
import { call, loadFixture, readDocx, renderMinutes, renderReport, squash, type Loaded } from './support';

const SAMPLE = 'phuong-hoa-binh-2026.json';
const DRAINAGE = 'thoát nước';
const LE_LOI = 'đường Lê Lợi';

async function detailSheet(buffer: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.getWorksheet(SHEET_NAMES.detail)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

function concernId(l: Loaded, fragment: string): string {
  const row = l.ctx.sql('SELECT id FROM concerns WHERE conference_id = ? AND text LIKE ?').get(l.id, `%${fragment}%`) as { id: string };
  return row.id;
}

describe('reports as of a date (Hòa Bình sample)', () => {
  let l: Loaded;
  beforeAll(() => {
    l = loadFixture(SAMPLE);
    // The drainage matter (assigned, deadline 31/10/2026) is resolved on 20/10/2026 by a written answer.
    l.ctx.db.transaction(() =>
      recordStatus(l.ctx, concernId(l, DRAINAGE), { status: 'resolved', date: '2026-10-20', reportedBy: 'Phòng Kinh tế', reference: 'Công văn số 125/UBND-KT' }),
    )();
  });
  afterAll(() => l.close());

  it('the model reads each outcome as of the date asked, with the entry that set it', () => {
    const before = loadDocumentModel(l.ctx, l.id, '2026-10-19');
    const after = loadDocumentModel(l.ctx, l.id, '2026-11-01');
    const find = (m: typeof before, text: string) => m.turns.flatMap((t) => t.concerns).find((c) => c.text.includes(text))!;
    expect(find(before, DRAINAGE)).toMatchObject({ handling: 'assigned', status: 'open', statusDate: null, overdue: false });
    expect(find(after, DRAINAGE)).toMatchObject({ status: 'resolved', statusDate: '2026-10-20', statusReference: 'Công văn số 125/UBND-KT', overdue: false });
    // Answered at the conference: resolved on the conference's date, not "Chưa giải quyết".
    expect(find(after, 'ngõ 12')).toMatchObject({ handling: 'answered', status: 'resolved', statusDate: '2026-09-16' });
    const all = after.turns.flatMap((t) => t.concerns);
    expect(all.filter((c) => c.status === 'resolved')).toHaveLength(9);
    expect(all.filter((c) => c.overdue)).toHaveLength(3);
    expect(after.outcomesAsOf).toBe('2026-11-01');
  });

  it('Biểu 01 has handling and outcome in separate columns, the outcome dated by the report', async () => {
    const rows = await detailSheet(await renderReport(l.ctx, l.id, 'xlsx', { date: '2026-11-01' }));
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header).toEqual([
      'STT', 'Họ tên', 'Địa chỉ', 'Nội dung ý kiến', 'Lĩnh vực', 'Hình thức xử lý', 'Người trả lời / nội dung trả lời',
      'Cơ quan giải quyết', 'Thời hạn', 'Kết quả tính đến ngày 01/11/2026', 'Ghi chú',
    ]);
    const row = (text: string) => rows.find((r) => r[3]?.includes(text))!;
    expect(row('ngõ 12')[5]).toBe('Trả lời tại hội nghị');
    expect(row('ngõ 12')[9]).toBe('Đã giải quyết (16/09/2026)');
    expect(row(DRAINAGE)[5]).toBe('Giao giải quyết');
    expect(row(DRAINAGE)[9]).toBe('Đã giải quyết (20/10/2026; Công văn số 125/UBND-KT)');
    expect(row(LE_LOI)[5]).toBe('Kiến nghị cấp trên');
    expect(row(LE_LOI)[9]).toBe('Chưa giải quyết');
    expect(row('xe tải')[9]).toBe('Chưa giải quyết (quá hạn)');
    // On an earlier date the same matter reads as it stood then.
    const earlier = await detailSheet(await renderReport(l.ctx, l.id, 'xlsx', { date: '2026-10-01' }));
    expect(earlier.find((r) => r[3]?.includes(DRAINAGE))![9]).toBe('Chưa giải quyết');
  });

  it('the report says how many are resolved, in progress, open and overdue on its date; Biểu 02 dates its outcomes', async () => {
    const docx = readDocx(await renderReport(l.ctx, l.id, 'docx', { date: '2026-11-01' }));
    const text = squash(docx.paragraphs.join(' '));
    expect(text).toContain(
      'Đến ngày 01 tháng 11 năm 2026, đã giải quyết xong 09 nội dung, còn 06 nội dung chưa giải quyết (03 nội dung quá hạn giải quyết).',
    );
    expect(text).toContain('Kết quả tính đến ngày 01/11/2026');
    expect(text).toContain('Kết quả giải quyết tính đến ngày 01/11/2026');
  });
});

describe('carry-over to the next conference of the same unit', () => {
  let l: Loaded;
  let next: Conference;
  beforeAll(() => {
    l = loadFixture(SAMPLE);
    l.ctx.db.transaction(() => recordStatus(l.ctx, concernId(l, DRAINAGE), { status: 'resolved', date: '2026-10-20', reference: 'Công văn số 125/UBND-KT' }))();
    l.ctx.db.transaction(() => recordStatus(l.ctx, concernId(l, 'quỹ bảo trì'), { status: 'inProgress', date: '2026-12-01', note: 'Đã yêu cầu Ban quản trị công khai' }))();
    next = call<Conference>(l.ctx, 'conferences.create', { title: 'Hội nghị đối thoại phường Hòa Bình năm 2027', date: '2027-03-20', startTime: '08:00' });
  });
  afterAll(() => l.close());

  it('lists the earlier conference with its counts on the new date and each matter not resolved then, linked by id', () => {
    const carry = call<CarryOver>(l.ctx, 'conferences.carryOver', { id: next.id });
    expect(carry.asOf).toBe('2027-03-20');
    expect(carry.conferences).toHaveLength(1);
    const [earlier] = carry.conferences;
    expect(earlier).toMatchObject({ id: l.id, date: '2026-09-16', total: 15, resolved: 9, inProgress: 1, open: 5, overdue: 5 });
    expect(earlier!.pending).toHaveLength(6);
    const leLoi = earlier!.pending.find((m) => m.text.includes(LE_LOI))!;
    expect(leLoi).toMatchObject({ id: concernId(l, LE_LOI), handling: 'forwarded', status: 'open', deadline: null, overdue: false, latest: null });
    expect(earlier!.pending.find((m) => m.text.includes('quỹ bảo trì'))).toMatchObject({
      status: 'inProgress',
      overdue: true,
      latest: { date: '2026-12-01', note: 'Đã yêu cầu Ban quản trị công khai' },
    });
    expect(earlier!.pending.some((m) => m.text.includes(DRAINAGE) || m.text.includes('ngõ 12'))).toBe(false);
    // Numbered as in the earlier minutes (meeting order).
    expect(earlier!.pending.map((m) => m.number)).toEqual([...earlier!.pending.map((m) => m.number)].sort((a, b) => a - b));
  });

  it('an outcome recorded later shows next time: the records are read, not copied', () => {
    l.ctx.db.transaction(() => recordStatus(l.ctx, concernId(l, LE_LOI), { status: 'resolved', date: '2027-03-01' }))();
    const carry = call<CarryOver>(l.ctx, 'conferences.carryOver', { id: next.id });
    expect(carry.conferences[0]!.pending.some((m) => m.text.includes(LE_LOI))).toBe(false);
    expect(carry.conferences[0]!.resolved).toBe(10);
    // A wrong entry is corrected by a later one; an entry dated after the new conference does not count on its date.
    l.ctx.db.transaction(() => recordStatus(l.ctx, concernId(l, LE_LOI), { status: 'open', date: '2027-03-02', note: 'Cấp trên chưa trả lời' }))();
    l.ctx.db.transaction(() => recordStatus(l.ctx, concernId(l, LE_LOI), { status: 'resolved', date: '2027-04-01' }))();
    const again = call<CarryOver>(l.ctx, 'conferences.carryOver', { id: next.id });
    expect(again.conferences[0]!.pending.find((m) => m.text.includes(LE_LOI))).toMatchObject({ status: 'open', latest: { date: '2027-03-02' } });
    expect(again.conferences[0]!.resolved).toBe(9);
  });

  it("the minutes of the 2027 conference carry the Lê Lợi road matter, not those resolved by then", async () => {
    const text = squash(readDocx(await renderMinutes(l.ctx, next.id, 'docx')).paragraphs.join('\n'));
    const at = text.indexOf('Kết quả giải quyết ý kiến, kiến nghị tại hội nghị trước');
    expect(at).toBeGreaterThan(-1);
    // After the opening, before the turns.
    expect(text.indexOf('Khai mạc hội nghị')).toBeLessThan(at);
    expect(text.indexOf('Ý kiến phát biểu của đại biểu')).toBeGreaterThan(at);
    const section = text.slice(at, text.indexOf('Ý kiến phát biểu của đại biểu'));
    expect(section).toContain('Tính đến ngày 20 tháng 3 năm 2027');
    expect(section).toContain('Hội nghị ngày 16 tháng 9 năm 2026:');
    expect(section).toContain('tổng số 15 nội dung; đã giải quyết 09 nội dung, đang giải quyết 01 nội dung, chưa giải quyết 05 nội dung; 05 nội dung quá hạn giải quyết.');
    expect(section).toMatch(/\+ Nội dung số 4: Dự án mở rộng đường Lê Lợi[^+]*Hình thức xử lý: kiến nghị cấp trên; cơ quan giải quyết: cấp trên; kết quả: chưa giải quyết \(ngày 02 tháng 3 năm 2027: Cấp trên chưa trả lời\)\./);
    expect(section).toContain('thời hạn: ngày 15 tháng 10 năm 2026 (quá hạn); kết quả: chưa giải quyết.');
    expect(section).not.toContain('thoát nước');
    expect(section).not.toContain('ngõ 12');
  });

  it('the 2027 report carries it too, after the attendance', async () => {
    const text = squash(readDocx(await renderReport(l.ctx, next.id, 'docx', { date: '2027-03-25' })).paragraphs.join('\n'));
    const at = text.indexOf('Hội nghị nghe báo cáo kết quả giải quyết ý kiến, kiến nghị tại hội nghị trước.');
    expect(at).toBeGreaterThan(text.indexOf('II. KẾT QUẢ HỘI NGHỊ'));
    expect(text.slice(at, text.indexOf('III. KẾT LUẬN'))).toContain('+ Nội dung số 4: Dự án mở rộng đường Lê Lợi');
  });

  it("the earlier conference's own minutes have no such section; received conferences are left out", async () => {
    const text = squash(readDocx(await renderMinutes(l.ctx, l.id, 'docx')).paragraphs.join('\n'));
    expect(text).not.toContain('Kết quả giải quyết ý kiến, kiến nghị tại hội nghị trước');
    // As if the 2026 conference had come in a package from a unit below: then it is not this unit's own.
    l.ctx.sql(
      `INSERT INTO imported_conferences (conference_id, unit_id, revision, package_sha256, exported_at, imported_at)
       SELECT id, unit_id, 1, '', '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z' FROM conferences WHERE id = ?`,
    ).run(l.id);
    expect(call<CarryOver>(l.ctx, 'conferences.carryOver', { id: next.id }).conferences).toEqual([]);
    // An unknown conference: the API's Vietnamese not_found.
    const unknown = dispatch(l.ctx, 'conferences.carryOver', { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Không tìm thấy hội nghị.' } });
  });
});
