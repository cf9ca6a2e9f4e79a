/**
 * A person's name as documents print it. The minutes write "Đại biểu Đinh Công Ưởng" or
 * "đồng chí …" themselves, so an honorific typed into the name ("Ông Đinh Công Ưởng")
 * would print twice: "Đại biểu Ông Đinh Công Ưởng". The entry form warns about it; the
 * documents leave it out.
 */

/** Honorifics a name may start with, longest first; matched without regard to case. */
const HONORIFICS = ['Đồng chí', 'Đ/c', 'đ/c', 'Ông', 'Bà', 'Anh', 'Chị', 'Cô', 'Chú', 'Bác', 'Cụ', 'Em'] as const;

/**
 * The honorific a name starts with, as typed ("Ông", "đ/c", "Đồng chí"), or null. Only a
 * word followed by at least two more counts: "Anh Tuấn" is a name, "Ông Đinh Công Ưởng" an
 * honorific and a name. (The rare surname Ông, as in a two-word "Ông Ích Khiêm", is flagged
 * too; the warning says what the documents will print.)
 */
export function leadingHonorific(name: string): string | null {
  const text = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  const lower = text.toLocaleLowerCase('vi');
  for (const h of HONORIFICS) {
    const hl = h.toLocaleLowerCase('vi');
    // "đ/c." and "Ông." are typed too.
    const m = new RegExp(`^${hl.replace('/', '\\/')}\\.?\\s+`, 'u').exec(lower);
    if (!m) continue;
    const rest = text.slice(m[0].length).split(' ').filter(Boolean);
    if (rest.length >= 2) return text.slice(0, m[0].length).replace(/\.?\s+$/, '');
  }
  return null;
}

/**
 * The name without a leading honorific: "Ông Đinh Công Ưởng" → "Đinh Công Ưởng". Documents
 * leave it out only before a name of three words or more: "Ông Văn Tùng" may be a man named
 * Ông, and printing "Đại biểu Bà Lê Hoa" is awkward where dropping a surname is a wrong fact.
 * The entry form still warns about both.
 */
export function withoutHonorific(name: string): string {
  const text = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  const h = leadingHonorific(text);
  if (!h) return text;
  const rest = text.slice(h.length).replace(/^\.?\s+/, '');
  return rest.split(' ').length >= 3 ? rest : text;
}
