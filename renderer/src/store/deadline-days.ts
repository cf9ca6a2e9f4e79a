/**
 * The default deadline days per handling (Cài đặt), read once per screen that needs them:
 * the live screen fills a new assignment's deadline from them, Settings edits them.
 */
import { create } from 'zustand';
import { api } from '../api';
import type { DeadlineDays } from '../lib/followup';

const useDays = create<{ days: DeadlineDays | null }>(() => ({ days: null }));

export function useDeadlineDays(): DeadlineDays | null {
  return useDays((s) => s.days);
}

/** The days as last read or saved; null before the first answer (then nothing is filled). */
export function deadlineDays(): DeadlineDays | null {
  return useDays.getState().days;
}

export async function loadDeadlineDays(): Promise<void> {
  try {
    const settings = await api.call('followupSettings.get', {});
    useDays.setState({ days: settings.deadlineDays });
  } catch {
    // Without the settings no deadline is filled in; she types it.
  }
}

/** Saves both numbers (the backend checks them); the caller shows a refusal beside the box. */
export async function saveDeadlineDays(days: DeadlineDays): Promise<void> {
  const saved = await api.call('followupSettings.save', { deadlineDays: days });
  useDays.setState({ days: saved.deadlineDays });
}
