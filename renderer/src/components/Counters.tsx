import { useShallow } from 'zustand/react/shallow';
import { HANDLING_LABELS, vi } from '../i18n/vi';
import { computeCounts, useConf } from '../store/conference';
import { HANDLINGS } from '../../../shared/domain';

/** The running counters, computed from local state so they move with each keystroke. */
export function Counters() {
  const counts = useConf(useShallow(computeCounts));
  return (
    <div className="counters" aria-label={vi.live.counters}>
      <div className="counter counter-main">
        <span className="counter-value" data-testid="counter-turns">
          {counts.turns}
        </span>
        <span className="counter-label">{vi.live.turns}</span>
      </div>
      <div className="counter counter-main">
        <span className="counter-value" data-testid="counter-concerns">
          {counts.concerns}
        </span>
        <span className="counter-label">{vi.live.concerns}</span>
      </div>
      {HANDLINGS.map((h) => (
        <div className={`counter counter-${h}`} key={h}>
          <span className="counter-value" data-testid={`counter-${h}`}>
            {counts[h]}
          </span>
          <span className="counter-label">{HANDLING_LABELS[h]}</span>
        </div>
      ))}
    </div>
  );
}
