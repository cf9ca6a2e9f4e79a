/**
 * "Rời màn hình này?" — asked when a screen change would lose input that only lives in its
 * box (refused by the backend, or malformed). Enter/Escape keep her here by default.
 */
import { useEffect } from 'react';
import { vi } from '../i18n/vi';
import { isComposingKey } from '../lib/keys';
import { cancelLeave, confirmLeave, useApp } from '../store/app';

export function LeaveDialog() {
  const leave = useApp((s) => s.leave);
  useEffect(() => {
    if (!leave) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !isComposingKey(e)) cancelLeave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [leave]);
  if (!leave) return null;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="leave-title" data-testid="leave-dialog">
        <h2 id="leave-title">{vi.typing.leaveTitle}</h2>
        <p>
          <strong>{leave.label}</strong>
        </p>
        <p>{vi.typing.leaveText}</p>
        <div className="actions">
          <button type="button" className="btn btn-primary" data-testid="leave-stay" autoFocus onClick={cancelLeave}>
            {vi.typing.leaveStay}
          </button>
          <button type="button" className="btn btn-danger" data-testid="leave-go" onClick={confirmLeave}>
            {vi.typing.leaveGo}
          </button>
        </div>
      </div>
    </div>
  );
}
