import { describe, expect, it } from 'vitest';
import { formatDateVn, formatTime, isValidIsoDate, isValidTime, localIsoDate, parseDateVn } from '../../../shared/dates';

describe('dates as dd/mm/yyyy', () => {
  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatDateVn('2026-09-16')).toBe('16/09/2026');
    expect(formatDateVn('2026-01-02')).toBe('02/01/2026');
    expect(formatDateVn(null)).toBe('');
    expect(formatDateVn(undefined)).toBe('');
    expect(formatDateVn('')).toBe('');
  });

  it('parses dd/mm/yyyy and d/m/yyyy into ISO', () => {
    expect(parseDateVn('16/09/2026')).toBe('2026-09-16');
    expect(parseDateVn('16/9/2026')).toBe('2026-09-16');
    expect(parseDateVn('2/1/2026')).toBe('2026-01-02');
    expect(parseDateVn(' 29/02/2028 ')).toBe('2028-02-29');
    expect(parseDateVn('31/12/2026')).toBe('2026-12-31');
  });

  it('rejects dates that do not exist', () => {
    expect(parseDateVn('31/02/2026')).toBeNull();
    expect(parseDateVn('29/02/2026')).toBeNull();
    expect(parseDateVn('31/04/2026')).toBeNull();
    expect(parseDateVn('00/01/2026')).toBeNull();
    expect(parseDateVn('01/13/2026')).toBeNull();
    expect(parseDateVn('01/00/2026')).toBeNull();
  });

  it('rejects other shapes, including month-first and ISO', () => {
    for (const text of ['', '16-09-2026', '2026-09-16', '16/09/26', '16/09', '16/09/2026 08:00', 'ngày 16/09/2026', '1 6/09/2026', '016/09/2026']) {
      expect(parseDateVn(text), text).toBeNull();
    }
  });

  it('round-trips', () => {
    for (const iso of ['2026-01-01', '2026-02-28', '2028-02-29', '2026-12-31', '2025-07-01']) expect(parseDateVn(formatDateVn(iso))).toBe(iso);
  });
});

describe('ISO dates and times', () => {
  it('accepts only real yyyy-mm-dd dates', () => {
    expect(isValidIsoDate('2026-10-02')).toBe(true);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-31', '2026-02-29', '2026-13-01', '2026-00-10', '2026-10-00', '2026-1-2', '02/10/2026', '2026-10-02T00:00', ' 2026-10-02', '']) {
      expect(isValidIsoDate(bad), bad).toBe(false);
    }
  });

  it('accepts 24-hour HH:mm only', () => {
    for (const ok of ['00:00', '08:00', '13:05', '23:59']) expect(isValidTime(ok), ok).toBe(true);
    for (const bad of ['24:00', '8:00', '08:60', '08:00:00', '8h00', '', '08.00']) expect(isValidTime(bad), bad).toBe(false);
  });

  it('formats local wall-clock time as HH:mm, 24-hour, and local dates as ISO', () => {
    expect(formatTime(new Date(2026, 9, 2, 14, 5))).toBe('14:05');
    expect(formatTime(new Date(2026, 9, 2, 0, 0))).toBe('00:00');
    expect(formatTime(new Date(2026, 9, 2, 9, 7, 59))).toBe('09:07');
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
