/**
 * Cài đặt → "Hạn giải quyết mặc định": the days added to the conference date when a
 * matter is assigned or forwarded without a deadline. Saved as typed, like every setting;
 * a number out of range is marked beside its box (here, and by the backend's own check).
 */
import { useEffect } from 'react';
import { vi } from '../i18n/vi';
import { AutoText } from '../save/AutoText';
import { deadlineDays, loadDeadlineDays, saveDeadlineDays, useDeadlineDays } from '../store/deadline-days';
import type { DeadlineDays } from '../lib/followup';

/** 1 to 365 whole days, as the backend accepts. */
export function daysProblem(text: string): string | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return vi.followup.badDays;
  const n = Number(t);
  return n >= 1 && n <= 365 ? null : vi.followup.badDays;
}

function DaysBox(props: { which: keyof DeadlineDays; label: string; value: number }) {
  return (
    <label className="form-row">
      <span className="label">{props.label}</span>
      <AutoText
        className="input input-number"
        inputMode="numeric"
        data-testid={`deadline-days-${props.which}`}
        initial={String(props.value)}
        saveKey={`settings:deadlineDays:${props.which}`}
        label={props.label}
        validate={daysProblem}
        save={(v) => {
          const current = deadlineDays();
          if (!current) return null;
          return saveDeadlineDays({ ...current, [props.which]: Number(v.trim()) });
        }}
      />
    </label>
  );
}

export function DeadlineDaysCard() {
  const days = useDeadlineDays();
  useEffect(() => {
    void loadDeadlineDays();
  }, []);
  return (
    <section className="card" aria-labelledby="deadline-days-title" data-testid="deadline-days">
      <h2 id="deadline-days-title">{vi.followup.settingsTitle}</h2>
      <p className="hint">{vi.followup.settingsHint}</p>
      {days ? (
        <div className="form-grid deadline-days-grid">
          <DaysBox which="assigned" label={vi.followup.daysAssigned} value={days.assigned} />
          <DaysBox which="forwarded" label={vi.followup.daysForwarded} value={days.forwarded} />
        </div>
      ) : (
        <p className="muted">{vi.app.loading}</p>
      )}
    </section>
  );
}
