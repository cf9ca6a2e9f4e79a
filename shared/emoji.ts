/**
 * Emoji are refused at entry. The PDF embeds Liberation Serif, which has no emoji, and the
 * app ships no emoji font; a character the PDF cannot draw would vanish from the minutes
 * while the DOCX and the screen still showed it. Refusing it with a message keeps every
 * format saying the same thing. The pictographs Liberation Serif does draw (©, ®, ‼, ™, ↔, ↕,
 * the ▪ ▫ bullets pasted from Word, ☺, ♀, ♂ and the card suits) stay allowed; a test reads
 * the font to keep this list exact.
 */
export const PICTOGRAPHS_IN_FONT = '\u00a9\u00ae\u203c\u2122\u2194\u2195\u25aa\u25ab\u263a\u2640\u2642\u2660\u2663\u2665\u2666';
const EMOJI = new RegExp(`(?![${PICTOGRAPHS_IN_FONT}])[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u{fe0f}\\u{20e3}]`, 'u');

/** The first emoji in the text, or null. */
export function firstEmoji(text: string): string | null {
  const m = EMOJI.exec(text);
  return m ? m[0] : null;
}

export const EMOJI_MESSAGE = 'Không dùng biểu tượng cảm xúc (emoji): bản in PDF không có phông chữ cho ký tự này. Hãy xóa hoặc viết bằng chữ.';
