/**
 * Emoji are refused at entry because the PDF's font cannot draw them (issue 8, B9); what the
 * font does draw must stay allowed (a ▪ bullet pasted from Word is not an emoji). Checked
 * against the embedded font itself, so the list cannot drift from it.
 */
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { firstEmoji } from '../../../shared/emoji';

const FONT = path.resolve(__dirname, '../../../resources/fonts/LiberationSerif-Regular.ttf');
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

describe('firstEmoji', () => {
  const font = fontkit.openSync(FONT) as fontkit.Font;

  it('allows exactly the pictographs the PDF font can draw', () => {
    for (let cp = 0x20; cp < 0x30000; cp++) {
      const ch = String.fromCodePoint(cp);
      if (!PICTOGRAPHIC.test(ch)) continue;
      expect(firstEmoji(`a${ch}b`), `U+${cp.toString(16)}`).toBe(font.hasGlyphForCodePoint(cp) ? null : ch);
    }
  });

  it('refuses emoji, flags and the emoji variation selector, and names the first one', () => {
    expect(firstEmoji('Đường ngõ 5 😀 ngập')).toBe('😀');
    expect(firstEmoji('Cờ 🇻🇳')).toBe('🇻🇳'.slice(0, 2));
    expect(firstEmoji('Đã xong ✔️')).toBe('✔');
    expect(firstEmoji('▪ Nội dung 1; ♦ nội dung 2; © 2026')).toBeNull();
    expect(firstEmoji('Không có gì lạ: 125/UBND, 09-KH/ĐU')).toBeNull();
  });
});
