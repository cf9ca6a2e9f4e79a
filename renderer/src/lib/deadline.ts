import { formatDateVn, parseDateVn } from '../../../shared/dates';
import { vi } from '../i18n/vi';

/**
 * A deadline (dd/mm/yyyy as typed) before the conference itself is almost surely a typo in
 * the year or month: a caution beside the field, never a refusal.
 */
export function deadlineCaution(text: string, conferenceDate: string | null): string | null {
  const deadline = parseDateVn(text);
  if (!deadline || !conferenceDate || deadline >= conferenceDate) return null;
  return vi.typing.deadlineBeforeDate(formatDateVn(conferenceDate));
}
