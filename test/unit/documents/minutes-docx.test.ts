import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMinutes, renderReport } from './support';
import { attributeValues, loadFixture, readDocx, scenarioTexts, setStyle, SCENARIOS, squash, type Loaded } from './support';

describe.each(SCENARIOS)('DOCX of %s', (file) => {
  let s: Loaded;
  beforeAll(() => {
    s = loadFixture(file);
  });
  afterAll(() => s.close());

  it.each(['party', 'government'] as const)('minutes in %s style: A4, margins, Times New Roman, header, every speaker and matter, NFC', async (style) => {
    const headers = setStyle(s.ctx, style);
    const docx = readDocx(await renderMinutes(s.ctx, s.id, 'docx', { number: '5' }));

    // A4 portrait and the margins of docs/document-formats.md, in twips.
    expect(docx.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    expect(attributeValues(docx.document, 'w:pgMar', 'w:top')).toEqual(['1134']);
    expect(attributeValues(docx.document, 'w:pgMar', 'w:bottom')).toEqual(['1134']);
    expect(attributeValues(docx.document, 'w:pgMar', 'w:left')).toEqual(['1701']);
    expect(attributeValues(docx.document, 'w:pgMar', 'w:right')).toEqual(['850']);

    // Times New Roman is the document default, and nothing names another font.
    expect(docx.styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<\/w:docDefaults>/);
    for (const part of [docx.document, docx.styles]) {
      for (const attribute of ['w:ascii', 'w:hAnsi', 'w:cs']) {
        expect(new Set(attributeValues(part, 'w:rFonts', attribute))).toEqual(new Set(part === docx.styles ? ['Times New Roman'] : []));
      }
    }
    // Page numbers: a different (empty) first-page header, a PAGE field in the others.
    expect(docx.document).toContain('<w:titlePg/>');
    expect(Object.entries(docx.files).some(([name, xml]) => name.startsWith('word/header') && /PAGE/.test(xml))).toBe(true);

    const text = squash(docx.paragraphs.join('\n'));
    if (style === 'party') {
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).toContain('Số 05-BB/ĐU');
      expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      // Minutes sign CHỦ TỌA and THƯ KÝ in both styles, never for the committee.
      expect(text).toContain('CHỦ TỌA');
      expect(text).not.toContain('T/M ĐẢNG ỦY');
    } else {
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('Số: 05/BB-UBND');
      expect(text).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).toContain('CHỦ TỌA');
    }
    // The header lines may be broken after the body's name ("ỦY BAN NHÂN DÂN" / "PHƯỜNG …").
    expect(text).toContain(headers.issuer);
    expect(text).toContain(headers.parent);
    expect(docx.paragraphs).toContain('BIÊN BẢN');
    expect(text).toContain('THƯ KÝ');
    expect(text).toContain('Nơi nhận:');
    const date = s.scenario.conference.date.split('-').map(Number);
    expect(text).toMatch(new RegExp(`ngày ${String(date[2]).padStart(2, '0')} tháng ${date[1]! <= 2 ? '0' : ''}${date[1]} năm ${date[0]}`));

    const { speakers, matters } = scenarioTexts(s.scenario);
    for (const name of speakers) expect(text).toContain(name);
    for (const matter of matters) expect(text).toContain(squash(matter));
    expect(text).toContain(s.scenario.conference.secretary.name.normalize('NFC'));

    const all = docx.paragraphs.join('\n');
    expect(all).toBe(all.normalize('NFC'));
  });

  it('report DOCX: a portrait report, then Biểu 01 and Biểu 02 in landscape sections', async () => {
    setStyle(s.ctx, 'party');
    const docx = readDocx(await renderReport(s.ctx, s.id, 'docx'));
    expect(docx.document.match(/<w:pgSz [^>]*\/>/g)).toEqual([
      expect.stringMatching(/w:w="11906" w:h="16838"/),
      expect.stringMatching(/w:w="16838" w:h="11906" w:orient="landscape"/),
      expect.stringMatching(/w:w="16838" w:h="11906" w:orient="landscape"/),
    ]);
    const text = squash(docx.paragraphs.join('\n'));
    for (const heading of ['BÁO CÁO', 'I. CÔNG TÁC CHUẨN BỊ', 'II. KẾT QUẢ HỘI NGHỊ', 'III. KẾT LUẬN', 'IV. CÔNG TÁC THEO DÕI', 'Biểu 01', 'Biểu 02', 'Tổng cộng']) {
      expect(text).toContain(heading);
    }
    for (const matter of scenarioTexts(s.scenario).matters) expect(text).toContain(squash(matter));
    // Biểu 02's total row: Tổng cộng, then total and the four handlings, as table cells.
    const totalAt = docx.paragraphs.lastIndexOf('Tổng cộng');
    const cells = docx.paragraphs.slice(totalAt + 1, totalAt + 6).map(Number);
    const e = s.expected;
    expect(cells).toEqual([e.concernsTotal, e.byHandling.answered ?? 0, e.byHandling.assigned ?? 0, e.byHandling.forwarded ?? 0, e.byHandling.noted ?? 0]);
    expect(docx.document).toContain('<w:tblHeader/>');
  });
});
