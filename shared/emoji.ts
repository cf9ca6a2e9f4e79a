/**
 * Emoji are refused at entry. The PDF embeds Liberation Serif, which has no emoji, and the
 * app ships no emoji font; a character the PDF cannot draw would vanish from the minutes
 * while the DOCX and the screen still showed it. Refusing it with a message keeps every
 * format saying the same thing. Symbols an office font has (©, ®, ™, arrows) stay allowed.
 */
const EMOJI = /(?![\u00a9\u00ae\u2122\u2190-\u21ff])[\p{Extended_Pictographic}\p{Regional_Indicator}\u{fe0f}\u{20e3}]/u;

/** The first emoji in the text, or null. */
export function firstEmoji(text: string): string | null {
  const m = EMOJI.exec(text);
  return m ? m[0] : null;
}

export const EMOJI_MESSAGE = 'Không dùng biểu tượng cảm xúc (emoji): bản in PDF không có phông chữ cho ký tự này. Hãy xóa hoặc viết bằng chữ.';
