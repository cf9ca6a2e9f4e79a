/**
 * Checks on a speaker name typed as new. Vietnamese names are written with capitals and
 * diacritics; "tran thi binh" almost always means Unikey was off or the secretary meant a
 * person already known, so the new name gets a visible warning (never a refusal: she may
 * be right).
 */
import { fold } from '../../../shared/text';
import { vi } from '../i18n/vi';

export function newNameWarning(name: string): string | null {
  const trimmed = name.trim();
  if (!/\p{L}/u.test(trimmed)) return null;
  const lower = trimmed === trimmed.toLocaleLowerCase('vi');
  const noMarks = !/\p{M}/u.test(trimmed.normalize('NFD')) && !/[đĐ]/.test(trimmed);
  if (lower && noMarks) return vi.typing.newNameBoth;
  if (lower) return vi.typing.newNameLowercase;
  if (noMarks) return vi.typing.newNameNoMarks;
  return null;
}

/**
 * The known people a typed name stands for. A letter typed without a mark stands for any
 * marked form of it ("tran thi binh" is "Trần Thị Bình": Unikey was off); a letter typed
 * with a mark must be that letter ("Lê Thị Hóa" is not "Lê Thị Hoa": the marks she typed
 * say so, and taking the other person would put her opinion under a wrong name). Case
 * and spacing are ignored. The caller takes the person only when there is exactly one.
 */
export function sameNameAs<T extends { name: string }>(typed: string, people: readonly T[]): T[] {
  const wanted = letters(typed);
  if (wanted.length === 0) return [];
  return people.filter((p) => {
    const known = letters(p.name);
    return known.length === wanted.length && wanted.every((ch, i) => ch === known[i] || (fold(ch) === ch && fold(known[i]!) === ch));
  });
}

/** NFC letters, lower case, runs of spaces as one: what two spellings of a name compare by. */
function letters(name: string): string[] {
  return [...name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim()];
}

/**
 * What tells a registered speaker apart from another with the same name (folded): the
 * organisation and address, else the position. Null when the name is unique.
 */
export function detailForRepeatedName(
  speaker: { id: string; name: string; position: string; organization: string; address: string },
  all: ReadonlyArray<{ id: string; name: string }>,
): string | null {
  const name = fold(speaker.name);
  if (name === '' || !all.some((o) => o.id !== speaker.id && fold(o.name) === name)) return null;
  const where = [speaker.organization, speaker.address].map((x) => x.trim()).filter(Boolean).join(', ');
  return where || speaker.position.trim() || null;
}
