/** Dates as an officer types them on the command line: dd/mm/yyyy (the app's way) or yyyy-mm-dd. */
import { ApiError } from '../../shared/api/errors';
import { isValidIsoDate, parseDateVn } from '../../shared/dates';

/** "16/9/2026", "16/09/2026" or "2026-09-16" → "2026-09-16"; null when it is not a real date. */
export function parseCliDate(value: string): string | null {
  const text = value.trim();
  return parseDateVn(text) ?? (isValidIsoDate(text) ? text : null);
}

/**
 * The date given with `option`, or one Vietnamese line naming what was typed (exit 1).
 * `what` is the date's name in the sentence ("ngày cập nhật").
 */
export function requireCliDate(value: string, option: string, what: string): string {
  const iso = parseCliDate(value);
  if (!iso) {
    const name = what.charAt(0).toLocaleUpperCase('vi') + what.slice(1);
    throw new ApiError('invalid_input', `${name} không hợp lệ: "${value.trim()}" (${option}); hãy viết dạng dd/mm/yyyy, ví dụ 01/11/2026.`);
  }
  return iso;
}
