/**
 * A unit's name as the secretary types it, and the header lines its documents print
 * (docs/document-formats.md, "Header lines by unit level"). Used by first-run setup (suggestions and the live preview), by the
 * scenario loader and by the documents for a unit that never wrote its own lines, so the
 * three agree.
 *
 * - A People's Committee has no parent line: "ỦY BAN NHÂN DÂN" / "PHƯỜNG ĐÔNG HƯNG".
 * - A Party committee has its superior Đảng bộ: "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG" / "ĐẢNG ỦY
 *   PHƯỜNG ĐÔNG HƯNG".
 * - A province-level Party committee is "TỈNH ỦY …" / "THÀNH ỦY …" with no line above;
 *   one of its boards prints the committee over its own name: "THÀNH ỦY HẢI PHÒNG" /
 *   "BAN DÂN VẬN".
 */
import { UNIT_LEVELS, type DocumentStyle, type UnitLevel } from './domain';
import { fold } from './text';

const upper = (s: string): string => s.trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
const upperFirst = (s: string): string => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s);

/** Longest first, so "thị trấn" is not read as a shorter level. */
const LEVELS_LONGEST_FIRST = [...UNIT_LEVELS].sort((a, b) => b.length - a.length);

/**
 * The body a secretary may type in front of her unit's name ("UBND phường Đông Hưng",
 * "Đảng ủy xã Tân Lập"): the header adds the body itself, so it is not part of the name.
 * Folded (no marks, lower case), longest first.
 */
const TYPED_BODIES = ['uy ban nhan dan', 'hoi dong nhan dan', 'dang uy', 'dang bo', 'ubnd', 'hdnd'].map(fold);

/** "Tỉnh ủy Hải Đông" / "Thành ủy Hải Phòng": the Party committee names the province itself. */
const PROVINCE_COMMITTEES: Array<{ folded: string; level: UnitLevel; line: string }> = [
  { folded: 'tinh uy', level: 'tỉnh', line: 'TỈNH ỦY' },
  { folded: 'thanh uy', level: 'thành phố', line: 'THÀNH ỦY' },
];

function words(text: string): string[] {
  return text.normalize('NFC').trim().split(/\s+/).filter(Boolean);
}

/** The first `n` words of `text`, folded, equal `prefix` (folded)? */
function startsWithWords(text: string, prefix: string): boolean {
  const n = prefix.split(' ').length;
  return fold(words(text).slice(0, n).join(' ')) === prefix;
}

/**
 * The unit's own name, without a body typed in front of it: "UBND phường Đông Hưng" →
 * "Phường Đông Hưng", "Thành ủy Hải Phòng" → "Thành phố Hải Phòng". A Party board
 * ("Ban Dân vận Thành ủy Hải Phòng") is a unit of its own and keeps its name.
 */
export function unitNameOf(typed: string): string {
  let w = words(typed);
  for (const body of TYPED_BODIES) {
    const n = body.split(' ').length;
    if (w.length > n && fold(w.slice(0, n).join(' ')) === body) {
      w = w.slice(n);
      break;
    }
  }
  const joined = w.join(' ');
  for (const c of PROVINCE_COMMITTEES) {
    if (w.length > 2 && startsWithWords(joined, c.folded)) return `${upperFirst(c.level)} ${w.slice(2).join(' ')}`;
  }
  return upperFirst(joined);
}

/** The level a unit's name starts with: "Phường Hòa Bình" → phường; "UBND thị trấn An Lão" → thị trấn. */
export function levelOf(name: string): UnitLevel | null {
  const lower = unitNameOf(name).toLocaleLowerCase('vi');
  return LEVELS_LONGEST_FIRST.find((l) => lower.startsWith(`${l} `)) ?? null;
}

/** "Xã Tân Lập" → "Tân Lập": the place name is the unit's name without its level. */
export function placeOf(name: string): string {
  const own = unitNameOf(name);
  const level = levelOf(own);
  return level ? own.slice(level.length + 1).trim() : own;
}

/** A Party board under a committee: "Ban Dân vận Thành ủy Hải Phòng" → { board: "Ban Dân vận", committee: "Thành ủy Hải Phòng" }. */
function partyBoard(name: string): { board: string; committee: string } | null {
  const w = words(name);
  if (w.length < 3 || fold(w[0]!) !== 'ban') return null;
  const at = w.findIndex((_, i) => i > 1 && /^(tinh uy|thanh uy|dang uy)$/.test(fold(w.slice(i, i + 2).join(' '))));
  return at > 1 ? { board: w.slice(0, at).join(' '), committee: w.slice(at).join(' ') } : null;
}

/**
 * Province level: a tỉnh, or a thành phố with no parent (a centrally-run city such as Hải
 * Phòng; older data has district-level cities, which have a parent).
 */
export function isProvinceLevel(level: string, parentName: string): boolean {
  return level === 'tỉnh' || (level === 'thành phố' && parentName.trim() === '');
}

export interface HeaderLines {
  /** The line above the issuer ("ĐẢNG BỘ TỈNH HẢI ĐÔNG"); empty where the issuer has none. */
  parent: string;
  issuer: string;
}

/**
 * The header lines a unit prints until its secretary writes her own. `level` may be left
 * out: it is read from the name.
 */
export function suggestHeaderLines(input: { name: string; parentName: string; style: DocumentStyle; level?: string | null }): HeaderLines {
  const board = partyBoard(input.name);
  const name = board ? input.name.trim() : unitNameOf(input.name);
  if (!name) return { parent: '', issuer: '' };
  const parentName = input.parentName.trim() ? unitNameOf(input.parentName) : '';
  const level = input.level || levelOf(name) || '';
  if (input.style === 'government') {
    // A People's Committee prints no parent body above its name (Nghị định 30, Phụ lục I).
    return { parent: '', issuer: `ỦY BAN NHÂN DÂN ${upper(name)}` };
  }
  if (board) return { parent: upper(board.committee), issuer: upper(board.board) };
  if (isProvinceLevel(level, parentName)) {
    const committee = level === 'tỉnh' ? 'TỈNH ỦY' : 'THÀNH ỦY';
    return { parent: '', issuer: `${committee} ${upper(placeOf(name))}` };
  }
  return { parent: parentName ? `ĐẢNG BỘ ${upper(parentName)}` : '', issuer: `ĐẢNG ỦY ${upper(name)}` };
}

/**
 * The issuing body without its place: "ĐẢNG ỦY XÃ TÂN LẬP" → "ĐẢNG ỦY", "THÀNH ỦY HẢI PHÒNG"
 * → "THÀNH ỦY". A board ("BAN DÂN VẬN") has no place: it is all body.
 */
export function issuingBody(issuerLine: string): string {
  const w = words(issuerLine);
  if (w.length > 2 && /^(tinh|thanh) uy$/.test(fold(w.slice(0, 2).join(' ')))) return upper(w.slice(0, 2).join(' '));
  const levels = ['XÃ', 'PHƯỜNG', 'ĐẶC', 'THỊ', 'HUYỆN', 'QUẬN', 'THÀNH', 'TỈNH'];
  const at = w.findIndex((x, i) => i > 0 && levels.includes(upper(x)));
  return upper((at > 0 ? w.slice(0, at) : w).join(' '));
}

/**
 * The issuer's abbreviation after the document code: "ĐU" (Đảng ủy), "TU" (Tỉnh ủy, Thành
 * ủy), a board of a committee "BDVTU" (Ban Dân vận Tỉnh ủy), "CB" (Chi bộ), "UBND", "HĐND".
 */
export function issuerCode(style: DocumentStyle, issuerLine: string, parentLine: string): string {
  const body = fold(issuingBody(issuerLine));
  if (style === 'party') {
    if (body.startsWith('chi bo')) return 'CB';
    if (body.includes('ban thuong vu')) return 'BTV';
    if (/^(tinh|thanh) uy/.test(body)) return 'TU';
    if (body.startsWith('ban ')) {
      const initials = issuingBody(issuerLine)
        .split(' ')
        .map((x) => x.charAt(0))
        .join('');
      return `${initials}${/(tinh|thanh) uy/.test(fold(parentLine)) ? 'TU' : 'ĐU'}`;
    }
    return 'ĐU';
  }
  if (body.startsWith('hoi dong nhan dan')) return 'HĐND';
  return 'UBND';
}
