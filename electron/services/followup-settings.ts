/**
 * The default deadline of a matter by its handling (Cài đặt): a matter assigned or
 * forwarded at the conference is due so many days after it. Kept in the settings table
 * as one JSON value; a value from an older or damaged database falls back to the defaults.
 */
import type { ApiParsed } from '../../shared/api/contract';
import type { FollowupSettings } from '../../shared/api/types';
import type { ServiceContext } from './context';

const KEY = 'followup.deadlineDays';
export const DEFAULT_DEADLINE_DAYS: FollowupSettings['deadlineDays'] = { assigned: 30, forwarded: 30 };

const validDays = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 365;

export function followupSettings(ctx: ServiceContext): FollowupSettings {
  const row = ctx.sql('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  let saved: Partial<Record<'assigned' | 'forwarded', unknown>> = {};
  try {
    saved = row ? (JSON.parse(row.value) as typeof saved) : {};
  } catch {
    // A value not written by this code: the defaults stand until she saves again.
  }
  return {
    deadlineDays: {
      assigned: validDays(saved.assigned) ? saved.assigned : DEFAULT_DEADLINE_DAYS.assigned,
      forwarded: validDays(saved.forwarded) ? saved.forwarded : DEFAULT_DEADLINE_DAYS.forwarded,
    },
  };
}

export function saveFollowupSettings(ctx: ServiceContext, input: ApiParsed<'followupSettings.save'>): FollowupSettings {
  const value = JSON.stringify({ assigned: input.deadlineDays.assigned, forwarded: input.deadlineDays.forwarded });
  ctx.sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, value);
  return followupSettings(ctx);
}
