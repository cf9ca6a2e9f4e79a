import { describe, expect, it } from 'vitest';
import { balancedLines, textWidth } from '../../../electron/documents/fonts';
import { count2, dateWords, percent, timeWords } from '../../../electron/documents/format';
import { issuingBody, numberLine, resolveOptions } from '../../../electron/documents/header';
import type { DocumentModel } from '../../../electron/documents/model';
import { resultLabel } from '../../../electron/documents/tables';

function model(style: 'party' | 'government', issuer: string): DocumentModel {
  return {
    unit: { name: 'Xã Tân Lập', level: 'xã', parentName: 'Tỉnh Hải Đông', style, headerParentLine: '', headerIssuerLine: issuer, placeName: 'Tân Lập' },
    conference: { date: '2026-10-02' },
  } as unknown as DocumentModel;
}

describe('numbers and dates as official documents write them', () => {
  it('dates in words: leading zero for days below 10 and for January and February', () => {
    expect(dateWords('2026-09-16')).toBe('ngày 16 tháng 9 năm 2026');
    expect(dateWords('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(dateWords('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026');
    expect(dateWords('2026-10-02')).toBe('ngày 02 tháng 10 năm 2026');
  });

  it('counts below 10 keep a leading zero; percentages take a decimal comma', () => {
    expect([count2(0), count2(4), count2(10), count2(153)]).toEqual(['0', '04', '10', '153']);
    expect(percent(149, 153)).toBe('97,4%');
    expect(percent(1, 3)).toBe('33,3%');
    expect(percent(0, 0)).toBe('');
    expect(timeWords('08:05')).toBe('8 giờ 05 phút');
  });
});

describe('style-dependent lines', () => {
  it('frames the number per style; digits are padded, anything else is kept as typed', () => {
    expect(numberLine(model('party', 'ĐẢNG ỦY XÃ TÂN LẬP'), 'minutes', '5')).toBe('Số 05-BB/ĐU');
    expect(numberLine(model('party', 'ĐẢNG ỦY XÃ TÂN LẬP'), 'report', '123')).toBe('Số 123-BC/ĐU');
    expect(numberLine(model('government', 'ỦY BAN NHÂN DÂN XÃ TÂN LẬP'), 'minutes', '5')).toBe('Số: 05/BB-UBND');
    expect(numberLine(model('government', 'ỦY BAN NHÂN DÂN XÃ TÂN LẬP'), 'minutes', '12/BB-UBND')).toBe('Số: 12/BB-UBND');
    // No number yet: room to write it by hand when the office registers the document.
    expect(numberLine(model('party', 'ĐẢNG ỦY XÃ TÂN LẬP'), 'minutes', '')).toMatch(/^Số \u00a0+-BB\/ĐU$/);
  });

  it('knows the issuing body without its place', () => {
    expect(issuingBody('ĐẢNG ỦY XÃ TÂN LẬP')).toBe('ĐẢNG ỦY');
    expect(issuingBody('ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH')).toBe('ỦY BAN NHÂN DÂN');
    expect(issuingBody('ĐẢNG ỦY ĐẶC KHU CÔN ĐẢO')).toBe('ĐẢNG ỦY');
  });

  it('"Nơi nhận" lines get their dash; a bad date falls back to the default', () => {
    const m = model('party', 'ĐẢNG ỦY XÃ TÂN LẬP');
    const options = resolveOptions(m, 'minutes', '2026-11-23', { recipients: ['Như trên;', '- Lưu VP.', '  '], date: '23/11/2026' });
    expect(options.recipients).toEqual(['- Như trên;', '- Lưu VP.']);
    expect(options.date).toBe('2026-10-02');
    expect(resolveOptions(m, 'report', '2026-11-23').date).toBe('2026-11-23');
  });

  it('Kết quả is the outcome with the date and reference of the entry that set it, never the handling', () => {
    const open = { status: 'open' as const, statusDate: null, statusReference: '', overdue: false };
    expect(resultLabel(open)).toBe('Chưa giải quyết');
    expect(resultLabel({ ...open, overdue: true })).toBe('Chưa giải quyết (quá hạn)');
    expect(resultLabel({ status: 'resolved', statusDate: '2026-09-16', statusReference: '', overdue: false })).toBe('Đã giải quyết (16/09/2026)');
    expect(resultLabel({ status: 'resolved', statusDate: '2026-10-20', statusReference: 'Công văn số 125/UBND-KT', overdue: false })).toBe(
      'Đã giải quyết (20/10/2026; Công văn số 125/UBND-KT)',
    );
    expect(resultLabel({ status: 'inProgress', statusDate: '2026-10-05', statusReference: '', overdue: true })).toBe('Đang giải quyết (05/10/2026; quá hạn)');
  });
});

describe('measuring and breaking titles', () => {
  it('measures with Times New Roman metrics (Liberation Serif)', () => {
    // "M" is 0.889 em in Times New Roman.
    expect(textWidth('M', 1000)).toBeCloseTo(889, 0);
    expect(textWidth('Việt Nam', 14, 'bold')).toBeGreaterThan(textWidth('Việt Nam', 14));
  });

  it('breaks a long subject into even lines, after a comma, never at "chính trị - xã hội"', () => {
    const subject =
      'Kết quả tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với MTTQ, các tổ chức chính trị - xã hội và Nhân dân phường Hòa Bình năm 2026';
    const lines = balancedLines(subject, 14, 460);
    expect(lines.join(' ')).toBe(subject);
    expect(lines.length).toBe(3);
    for (const line of lines) expect(textWidth(line, 14, 'bold')).toBeLessThanOrEqual(460);
    expect(lines.some((l) => l.endsWith('chính trị') || l.startsWith('xã hội') || l.endsWith('-'))).toBe(false);
    expect(lines[0]).toMatch(/,$/);
    expect(balancedLines('BIÊN BẢN', 14, 460)).toEqual(['BIÊN BẢN']);
  });
});
