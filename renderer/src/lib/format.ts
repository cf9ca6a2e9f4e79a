import { formatDateVn, formatTime, localIsoDate, parseDateVn } from '../../../shared/dates';
import { vi } from '../i18n/vi';

export { formatDateVn, parseDateVn };

/** "HH:mm" of an ISO instant, in the hall's local time. */
export function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : formatTime(d);
}

/** "dd/mm/yyyy" of an ISO instant (or of a plain yyyy-mm-dd), in the local calendar. */
export function dateOf(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDateVn(iso);
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : formatDateVn(localIsoDate(d));
}

export function clockTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Validator for a required dd/mm/yyyy field. */
export function dateProblem(text: string): string | null {
  return parseDateVn(text) ? null : vi.errors.badDate;
}

/** Validator for an optional dd/mm/yyyy field (empty clears it). */
export function optionalDateProblem(text: string): string | null {
  return text.trim() === '' || parseDateVn(text) ? null : vi.errors.badDate;
}

export function timeProblem(text: string): string | null {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text.trim()) ? null : vi.errors.badTime;
}

export function countProblem(text: string): string | null {
  return text.trim() === '' || /^\d{1,7}$/.test(text.trim()) ? null : vi.errors.badNumber;
}
