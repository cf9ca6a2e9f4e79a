/**
 * The parent unit's aggregate report from a hand-built Overview: three communes, one of which
 * has sent nothing. Every figure printed must be the Overview's own.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AggregateRow, ImportedConference, Overview, Unit } from '../../../shared/api/types';
import type { ConferenceKind } from '../../../shared/domain';
import { renderSummary, summaryFileName, summaryFormatForFile } from '../../../electron/documents/summary';
import { SUMMARY_SHEET_NAMES } from '../../../electron/documents/summary-xlsx';
import { SUMMARY_VALUE_KEYS, TOTAL_LABEL } from '../../../electron/documents/tables';
import { ARTEFACTS, attributeValues, readDocx, squash } from './support';

const TODAY = '2026-07-05';

function row(label: string, v: [number, number, number, number, number, number, number, number]): AggregateRow {
  const [total, answered, assigned, forwarded, noted, resolved, inProgress, open] = v;
  return { label, total, answered, assigned, forwarded, noted, resolved, inProgress, open };
}

function conference(unitId: string, kind: ConferenceKind, date: string, attendeeCount: number, turns: number, concerns: number): ImportedConference {
  return { id: `${unitId}-${date}`, unitId, title: `Hội nghị đối thoại ${date}`, kind, date, revision: 1, importedAt: `${date}T10:00:00.000Z`, attendeeCount, turns, concerns };
}

/** The NFD spelling on purpose: the document must print NFC whatever it is given. */
const HOA_BINH = 'Phường Hòa Bình'.normalize('NFD');

function overview(): Overview {
  const hoaBinh = [conference('hb', 'periodic', '2026-03-16', 118, 11, 15), conference('hb', 'thematic', '2026-05-05', 60, 5, 7)];
  const tanLap = [conference('tl', 'periodic', '2026-04-02', 96, 9, 30)];
  return {
    unitName: 'Tỉnh Hải Đông',
    // The documents print what completeness and aggregate say; the tree itself is the screen's.
    units: [],
    completeness: {
      from: '2026-01-01',
      to: '2026-06-30',
      units: [
        { unitId: 'hb', name: HOA_BINH, level: 'phường', depth: 1, conferences: hoaBinh },
        { unitId: 'tl', name: 'Xã Tân Lập', level: 'xã', depth: 1, conferences: tanLap },
        { unitId: 'tp', name: 'Xã Tân Phú', level: 'xã', depth: 1, conferences: [] },
      ],
      reported: 2,
      total: 3,
      label: '2/3 xã, phường',
      missing: ['Xã Tân Phú'],
      byKind: { periodic: { units: 2, conferences: 2 }, thematic: { units: 1, conferences: 1 }, adHoc: { units: 0, conferences: 0 } },
    },
    aggregate: {
      conferences: 3,
      attendance: 274,
      turns: 25,
      concerns: 52,
      byField: [
        row('Quy hoạch, giải phóng mặt bằng, xây dựng cơ bản', [20, 8, 9, 1, 2, 14, 4, 2]),
        row('Quản lý đất đai', [17, 7, 6, 2, 2, 11, 3, 3]),
        row('Cải cách hành chính', [0, 0, 0, 0, 0, 0, 0, 0]),
        row('Lĩnh vực khác', [15, 6, 5, 1, 3, 10, 3, 2]),
      ],
      byUnit: [
        { ...row(HOA_BINH, [22, 8, 9, 2, 3, 15, 4, 3]), unitId: 'hb', conferences: 2, attendance: 178, turns: 16 },
        { ...row('Xã Tân Lập', [30, 13, 11, 2, 4, 20, 6, 4]), unitId: 'tl', conferences: 1, attendance: 96, turns: 9 },
        { ...row('Xã Tân Phú', [0, 0, 0, 0, 0, 0, 0, 0]), unitId: 'tp', conferences: 0, attendance: 0, turns: 0 },
      ],
      byKind: { periodic: 2, thematic: 1, adHoc: 0 },
      total: row('Tổng cộng', [52, 21, 20, 4, 7, 35, 10, 7]),
    },
  };
}

function emptyOverview(): Overview {
  const zero = row('', [0, 0, 0, 0, 0, 0, 0, 0]);
  return {
    unitName: null,
    units: [],
    completeness: {
      from: '2026-01-01',
      to: '2026-12-31',
      units: [],
      reported: 0,
      total: 0,
      label: '0/0',
      missing: [],
      byKind: { periodic: { units: 0, conferences: 0 }, thematic: { units: 0, conferences: 0 }, adHoc: { units: 0, conferences: 0 } },
    },
    aggregate: { conferences: 0, attendance: 0, turns: 0, concerns: 0, byField: [], byUnit: [], byKind: { periodic: 0, thematic: 0, adHoc: 0 }, total: zero },
  };
}

function unit(style: 'party' | 'government'): Unit {
  return {
    id: 'tinh',
    name: 'Tỉnh Hải Đông',
    level: 'tỉnh',
    code: null,
    parentId: null,
    parentName: null,
    documentStyle: style,
    headerParentLine: style === 'party' ? 'ĐẢNG BỘ TỈNH HẢI ĐÔNG' : '',
    headerIssuerLine: style === 'party' ? 'BAN THƯỜNG VỤ TỈNH ỦY' : 'ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG',
    placeName: 'Hải Đông',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** The files go to test-results/documents/ for people to look at. */
function keep(name: string, data: Buffer): void {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTEFACTS, name), data);
}

async function readBook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

/** The body rows of a sheet (the heading is rows 6–7), as plain values. */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((r, n) => {
    if (n >= 8) rows.push(Array.from((r.values as unknown[]).slice(1), (v) => v ?? null));
  });
  return rows;
}

describe('aggregate report (báo cáo tổng hợp) as DOCX', () => {
  it.each(['party', 'government'] as const)('%s style: header, title, period, who has sent, totals and percentages, NFC', async (style) => {
    const o = overview();
    const buffer = await renderSummary(o, unit(style), 'docx', TODAY);
    keep(`summary-${style}.docx`, buffer);
    const docx = readDocx(buffer);
    const text = squash(docx.paragraphs.join('\n'));
    expect(docx.document).toBe(docx.document.normalize('NFC'));

    if (style === 'party') {
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).toContain('BAN THƯỜNG VỤ TỈNH ỦY');
      // The number is left blank, to be written when the office registers the report.
      expect(docx.paragraphs).toContainEqual(expect.stringMatching(/^Số \u00a0+-BC\/BTV$/));
      expect(text).toContain('T/M BAN THƯỜNG VỤ');
    } else {
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    }
    expect(text).toContain('Hải Đông, ngày 05 tháng 7 năm 2026');
    expect(docx.paragraphs).toContain('BÁO CÁO');
    // The subject may be broken into lines (a <w:br/> between runs).
    const subject = docx.paragraphs[docx.paragraphs.indexOf('BÁO CÁO') + 1]!;
    expect(subject.replace(/\s/g, '')).toBe('Tổng hợp kết quả tổ chức hội nghị đối thoại từ ngày 01/01/2026 đến ngày 30/06/2026'.replace(/\s/g, ''));

    // Who has sent, who has not; meetings by kind; attendance, turns, matters.
    expect(text).toContain('2/3 xã, phường đã tổ chức hội nghị đối thoại và gửi báo cáo');
    expect(text).toContain('còn 01 đơn vị chưa gửi báo cáo: Xã Tân Phú.');
    expect(text).toContain('03 hội nghị đối thoại, gồm: 02 hội nghị định kỳ, 01 hội nghị chuyên đề.');
    expect(text).toContain('274 người');
    expect(text).toContain('25 lượt ý kiến; tổng số 52 nội dung');
    // Handling and results, with percentages of the Overview's total (21/52 = 40,4%).
    expect(text).toContain('trả lời trực tiếp tại hội nghị 21 nội dung (40,4%)');
    expect(text).toContain('kiến nghị cấp trên giải quyết 04 nội dung (7,7%)');
    expect(text).toContain('đã giải quyết xong 35 nội dung (67,3%), đang giải quyết 10 nội dung (19,2%), chưa giải quyết 07 nội dung (13,5%)');
    expect(text).toContain('20 nội dung về quy hoạch, giải phóng mặt bằng, xây dựng cơ bản');
    expect(text).not.toContain('nội dung về cải cách hành chính');

    // The three appendices, each on a landscape page.
    for (const label of ['Biểu 01', 'Biểu 02', 'Biểu 03']) expect(docx.paragraphs).toContain(label);
    expect(docx.document.match(/w:orient="landscape"/g)).toHaveLength(3);
    expect(text).toContain('(Kèm theo Báo cáo tổng hợp ngày 05/07/2026');
    // Biểu 01 totals row: meetings, attendance, turns, then the matters' columns.
    const cellsOf = (label: string) => {
      const rowXml = [...docx.document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]).filter((r) => r.includes(`>${label}<`));
      return rowXml.map((r) => [...r.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
    };
    const totals = cellsOf(TOTAL_LABEL);
    expect(totals).toHaveLength(3);
    expect(totals[0]).toEqual(['', TOTAL_LABEL, '3', '274', '25', '52', '21', '20', '4', '7', '35', '10', '7']);
    expect(totals[1]).toEqual(['', TOTAL_LABEL, '52', '21', '20', '4', '7', '35', '10', '7']);
    expect(totals[2]).toEqual(['', TOTAL_LABEL, '', '2', '1', '0', '', 'Đã gửi: 2/3 xã, phường']);
    // Biểu 03: the days as dd/mm/yyyy, and who has not sent.
    expect(cellsOf('Phường Hòa Bình')[1]).toEqual(['1', 'Phường Hòa Bình', 'Phường', '1', '1', '0', '16/03/2026, 05/05/2026', 'Đã gửi']);
    expect(cellsOf('Xã Tân Phú')[1]).toEqual(['3', 'Xã Tân Phú', 'Xã', '0', '0', '0', '', 'Chưa gửi']);
  });

  it('without a unit (the database was never set up): no issuer lines, no signature, still a document', async () => {
    const buffer = await renderSummary(overview(), null, 'docx', TODAY);
    keep('summary-no-unit.docx', buffer);
    const docx = readDocx(buffer);
    const text = squash(docx.paragraphs.join('\n'));
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Ngày 05 tháng 7 năm 2026');
    const head = text.slice(0, text.indexOf('BÁO CÁO'));
    expect(head).toBe('ĐẢNG CỘNG SẢN VIỆT NAM Ngày 05 tháng 7 năm 2026 ');
    expect(text).not.toMatch(/T\/M |TM\. /);
    expect(text).toContain('được tổng hợp như sau:');
    expect(text).toContain('Biểu 03');
    expect(attributeValues(docx.document, 'w:pgMar', 'w:left')).toEqual(['1701', '1701', '1701', '1701']);
  });

  it('an empty overview (no child units, no meetings) renders', async () => {
    const docx = readDocx(await renderSummary(emptyOverview(), unit('party'), 'docx', TODAY));
    const text = squash(docx.paragraphs.join('\n'));
    expect(text).toContain('Chưa có đơn vị cấp dưới nào trong danh sách theo dõi.');
    expect(text).toContain('chưa có hội nghị đối thoại nào');
    expect(text).not.toContain('%');
  });
});

describe('aggregate report as XLSX', () => {
  it('one sheet per Biểu, numbers as numbers, totals equal the Overview, frozen headings, A4 landscape', async () => {
    const o = overview();
    const buffer = await renderSummary(o, unit('party'), 'xlsx', TODAY);
    keep('summary.xlsx', buffer);
    const book = await readBook(buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(Object.values(SUMMARY_SHEET_NAMES));
    for (const sheet of book.worksheets) {
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
      expect(String(sheet.getCell(3, 1).value)).toBe('Từ ngày 01/01/2026 đến ngày 30/06/2026');
    }

    const byUnit = sheetRows(book.getWorksheet(SUMMARY_SHEET_NAMES.byUnit)!);
    expect(byUnit).toHaveLength(4);
    expect(byUnit[0]).toEqual([1, 'Phường Hòa Bình', 2, 178, 16, 22, 8, 9, 2, 3, 15, 4, 3]);
    const t = o.aggregate.total;
    expect(byUnit[3]).toEqual([null, TOTAL_LABEL, o.aggregate.conferences, o.aggregate.attendance, o.aggregate.turns, ...SUMMARY_VALUE_KEYS.map((k) => t[k])]);

    const byField = sheetRows(book.getWorksheet(SUMMARY_SHEET_NAMES.byField)!);
    expect(byField).toHaveLength(o.aggregate.byField.length + 1);
    for (const [i, r] of o.aggregate.byField.entries()) expect(byField[i]).toEqual([i + 1, r.label, ...SUMMARY_VALUE_KEYS.map((k) => r[k])]);
    expect(byField.at(-1)).toEqual([null, TOTAL_LABEL, ...SUMMARY_VALUE_KEYS.map((k) => t[k])]);

    const sent = sheetRows(book.getWorksheet(SUMMARY_SHEET_NAMES.completeness)!);
    expect(sent).toEqual([
      [1, 'Phường Hòa Bình', 'Phường', 1, 1, 0, '16/03/2026, 05/05/2026', 'Đã gửi'],
      [2, 'Xã Tân Lập', 'Xã', 1, 0, 0, '02/04/2026', 'Đã gửi'],
      [3, 'Xã Tân Phú', 'Xã', 0, 0, 0, null, 'Chưa gửi'],
      [null, TOTAL_LABEL, null, 2, 1, 0, null, 'Đã gửi: 2/3 xã, phường'],
    ]);
  });

  it('an empty overview renders: each sheet has its total row only', async () => {
    const book = await readBook(await renderSummary(emptyOverview(), null, 'xlsx', TODAY));
    expect(book.worksheets).toHaveLength(3);
    for (const sheet of book.worksheets) {
      const rows = sheetRows(sheet);
      expect(rows).toHaveLength(1);
      expect(rows[0]![1]).toBe(TOTAL_LABEL);
    }
  });
});

describe('file name and format', () => {
  it('plain ASCII: what, whose, the period', () => {
    expect(summaryFileName(unit('party'), '2026-01-01', '2026-06-30', 'xlsx')).toBe('tong-hop_tinh-hai-dong_01-01-2026_30-06-2026.xlsx');
    expect(summaryFileName(null, '2026-01-01', '2026-06-30', 'docx')).toBe('tong-hop_01-01-2026_30-06-2026.docx');
  });

  it('the format follows the extension', () => {
    expect(summaryFormatForFile('a.DOCX')).toBe('docx');
    expect(summaryFormatForFile('a.xlsx')).toBe('xlsx');
    expect(summaryFormatForFile('a.pdf')).toBeNull();
    expect(summaryFormatForFile('a')).toBeNull();
  });
});
