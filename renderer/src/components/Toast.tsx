import { useEffect, useState } from 'react';
import { vi } from '../i18n/vi';
import { dropUndo, useApp } from '../store/app';
import { showNotice } from '../store/app';
import { errorMessage } from '../api';

/** Runs the most recent undo (the toast button and Ctrl+Shift+Z). */
export async function undoLast(): Promise<void> {
  const stack = useApp.getState().undoStack;
  const item = stack[stack.length - 1];
  if (!item) return;
  dropUndo(item.id);
  try {
    await item.undo();
    showNotice(vi.toast.restored);
  } catch (error) {
    showNotice(errorMessage(error), 'error');
  }
}

/**
 * How long the undo toast stays: long enough to notice a wrong deletion, read the toast
 * and reach for Ctrl+Shift+Z (which works as long as the undo is the latest).
 */
export const UNDO_TOAST_MS = 30_000;

/** The undo toast ("Đã xóa … — Hoàn tác") and short notices. */
export function Toast() {
  const last = useApp((s) => s.undoStack[s.undoStack.length - 1] ?? null);
  const notice = useApp((s) => s.notice);
  const [hiddenId, setHiddenId] = useState<number | null>(null);

  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const t = setTimeout(() => useApp.setState((s) => (s.notice?.id === notice.id ? { notice: null } : {})), 4000);
    return () => clearTimeout(t);
  }, [notice]);

  useEffect(() => {
    if (!last) return;
    const t = setTimeout(() => setHiddenId(last.id), UNDO_TOAST_MS);
    return () => clearTimeout(t);
  }, [last]);

  return (
    <div className="toasts" aria-live="polite">
      {notice ? (
        <div className={`toast toast-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.message}</span>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => useApp.setState({ notice: null })}>
            {vi.toast.close}
          </button>
        </div>
      ) : null}
      {last && hiddenId !== last.id ? (
        <div className="toast" role="status" data-testid="undo-toast">
          <span>{last.message}</span>
          <button type="button" className="btn btn-small" data-testid="undo-button" onClick={() => void undoLast()}>
            {vi.toast.undo} <kbd>Ctrl+Shift+Z</kbd>
          </button>
          <button type="button" className="btn btn-small btn-ghost" aria-label={vi.toast.close} onClick={() => setHiddenId(last.id)}>
            ✕
          </button>
        </div>
      ) : null}
    </div>
  );
}
