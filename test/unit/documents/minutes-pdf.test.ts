import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMinutes } from './support';
import { loadFixture, pdfFonts, pdfPages, pdfText, scenarioTexts, setStyle, SCENARIOS, squash, type Loaded } from './support';

describe.each(SCENARIOS)('PDF minutes of %s', (file) => {
  let s: Loaded;
  beforeAll(() => {
    s = loadFixture(file);
  });
  afterAll(() => s.close());

  it.each(['party', 'government'] as const)('%s style: intact Vietnamese text, every font embedded', async (style) => {
    setStyle(s.ctx, style);
    const pdf = await renderMinutes(s.ctx, s.id, 'pdf', { number: '12' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const out = path.join(s.dir, `minutes-${style}.pdf`);
    fs.writeFileSync(out, pdf);

    // The extracted text is NFC as it stands: precomposed letters, no stray marks.
    const text = pdfText(out);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain(style === 'party' ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(style === 'party' ? 'Số 12-BB/ĐU' : 'Số: 12/BB-UBND');
    const { speakers, matters } = scenarioTexts(s.scenario);
    for (const name of speakers) expect(text).toContain(name);
    for (const matter of matters) expect(text).toContain(squash(matter));
    // Letters of every kind of Vietnamese mark, as they come out of the PDF.
    for (const word of ['Nguyễn', 'nghị', 'Ủy', 'được', 'Biên bản đã được thông qua trước hội nghị']) expect(text).toContain(word);

    const fonts = pdfFonts(out);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/\+LiberationSerif/);
    }
    expect(pdfPages(out)).toBeGreaterThanOrEqual(2);
  });
});
