/**
 * Text rules shared by every layer: text is stored NFC so that Telex/VNI typing and
 * NFD text pasted from a PDF end up as the same bytes, and search compares a folded copy
 * (no marks, đ→d, lower case) because SQLite without ICU cannot fold Vietnamese itself.
 */

export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Folds Vietnamese for diacritic- and case-insensitive search: "Đất đai" → "dat dai". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs, folded, in the text. */
export function matchesFolded(folded: string, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  return words.every((w) => folded.includes(w));
}

/**
 * A name fit for a file: "Xã Tân Lập" → "xa-tan-lap". Plain letters, digits and dashes
 * only, at most `maxLength` of them, because files travel by USB, e-mail and Zalo through
 * systems that mangle the rest. Empty when nothing is left.
 */
export function fileSlug(text: string, maxLength = 60): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength);
}
