/**
 * Issue 10: the parent's aggregate report counts the matters' outcomes as of its own date
 * ("Đến ngày …, đã giải quyết xong …"), by the same rule as a conference's report; and the
 * report a unit's package carries is as of the report's date too.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { overviewOf } from '../../../electron/services/overview';
import { recordStatus } from '../../../electron/services/outcomes';
import { makeTempDir, openTestBackend, type TempDir, type TestBackend } from '../support/temp-db';
import { exportBytes, loadFixture, unzip } from '../package/support';
import { readDocx, squash } from '../documents/support';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
let tmp: TempDir;
let parent: TestBackend;
let child: TestBackend;

beforeEach(() => {
  tmp = makeTempDir();
  parent = openTestBackend(tmp, 'parent.sqlite');
  child = openTestBackend(tmp, 'child.sqlite');
});
afterEach(() => {
  parent.close();
  child.close();
  tmp.cleanup();
});

it('counts resolved / in progress / open as of the date asked, and the report says so for its date', async () => {
  parent.call('unit.save', { name: 'Thành phố Hải An', level: 'thành phố' });
  const conferenceId = loadFixture(child, 'phuong-hoa-binh-2026.json');
  const base64 = (await exportBytes(child, conferenceId)).toString('base64');
  await parent.callAsync('packages.import', { files: [{ name: 'hb.doithoai', base64 }] });
  // The drainage matter (assigned) is resolved on 20/10/2026.
  const drainage = parent.ctx.sql("SELECT id FROM concerns WHERE conference_id = ? AND text LIKE '%thoát nước%'").get(conferenceId) as { id: string };
  parent.ctx.db.transaction(() => recordStatus(parent.ctx, drainage.id, { status: 'resolved', date: '2026-10-20' }))();

  const on = (asOf: string) => overviewOf(parent.ctx, YEAR.from, YEAR.to, asOf).aggregate.total;
  // 5 answered + 3 noted are resolved at the conference (16/9/2026); the assigned and forwarded ones start open.
  expect(on('2026-10-01')).toMatchObject({ total: 15, resolved: 8, inProgress: 0, open: 7 });
  expect(on('2026-11-01')).toMatchObject({ total: 15, resolved: 9, inProgress: 0, open: 6 });

  const file = await parent.callAsync('overview.render', { ...YEAR, format: 'docx', settings: { date: '2026-10-01' } });
  const text = squash(readDocx(Buffer.from(file.base64, 'base64')).paragraphs.join(' '));
  expect(text).toContain('Đến ngày 01 tháng 10 năm 2026, đã giải quyết xong 08 nội dung (53,3%), đang giải quyết 0 nội dung (0,0%), chưa giải quyết 07 nội dung (46,7%).');
});

it("the package's report gives the outcomes as of the report's date", async () => {
  const conferenceId = loadFixture(child, 'phuong-hoa-binh-2026.json');
  const drainage = child.ctx.sql("SELECT id FROM concerns WHERE conference_id = ? AND text LIKE '%thoát nước%'").get(conferenceId) as { id: string };
  child.ctx.db.transaction(() => recordStatus(child.ctx, drainage.id, { status: 'resolved', date: '2026-10-20' }))();
  child.call('documents.save', { conferenceId, kind: 'report', settings: { date: '2026-10-01' } });
  const exported = await child.callAsync('packages.export', { conferenceId });
  const xlsx = unzip(Buffer.from(exported.base64, 'base64')).get('report.xlsx')!;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  const header = rows.find((r) => r[0] === 'STT')!;
  expect(header[9]).toBe('Kết quả tính đến ngày 01/10/2026');
  // Resolved on 20/10, after the report's date: still open in that report.
  expect(rows.find((r) => r[3]?.includes('thoát nước'))![9]).toBe('Chưa giải quyết');
});
