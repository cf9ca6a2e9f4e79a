/** How numbers, dates and times read in Vietnamese official documents (docs/document-formats.md, "Numbers and dates in the text"). */
import { formatDateVn } from '../../shared/dates';

/** Counts keep a leading zero below 10, as reports write them: "còn 04 nội dung". */
export function count2(n: number): string {
  return n > 0 && n < 10 ? `0${n}` : String(n);
}

/** "92,3%": one decimal, comma as the decimal mark; empty when there is nothing to divide. */
export function percent(part: number, total: number): string {
  if (total <= 0) return '';
  return `${(Math.round((part / total) * 1000) / 10).toFixed(1).replace('.', ',')}%`;
}

function parts(iso: string): { d: number; m: number; y: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

/**
 * "ngày 16 tháng 9 năm 2026"; days below 10 and the months 1–2 take a leading zero
 * ("ngày 05 tháng 01"), as Nghị định 30/2020 writes them.
 */
export function dateWords(iso: string): string {
  const p = parts(iso);
  if (!p) return iso;
  const day = p.d < 10 ? `0${p.d}` : String(p.d);
  const month = p.m <= 2 ? `0${p.m}` : String(p.m);
  return `ngày ${day} tháng ${month} năm ${p.y}`;
}

/** Dates in tables and cells: dd/mm/yyyy. */
export function dateCell(iso: string | null): string {
  return formatDateVn(iso);
}

/** "14:05" → "14 giờ 05 phút". */
export function timeWords(time: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  return m ? `${Number(m[1])} giờ ${m[2]} phút` : time;
}

/** "Tỉnh Hải Đông" → "tỉnh Hải Đông" (a unit name inside a sentence). */
export function lowerFirst(text: string): string {
  return text ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
}

export function upperFirst(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}

export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** Ends a sentence with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return /[.!?;:…]$/.test(t) ? t : `${t}.`;
}

/** Joins non-empty parts. */
export function joinParts(values: Array<string | null | undefined>, separator = ', '): string {
  return values.filter((v): v is string => Boolean(v && v.trim())).join(separator);
}
