import { vi } from '../i18n/vi';
import { clockTime } from '../lib/format';
import { useGlobalSave } from '../save/hooks';
import { retryAll } from '../save/queue';

/**
 * "Đang lưu…" / "Đã lưu lúc HH:mm:ss" / an error with a retry button / the field whose
 * value was refused (no retry: it is fixed there). Always visible.
 */
export function SaveIndicator() {
  const save = useGlobalSave();
  const text =
    save.state === 'saving'
      ? vi.save.saving
      : save.state === 'error'
        ? save.retryable
          ? vi.save.error
          : vi.typing.refusedField(save.refusedField ?? vi.typing.notSaved)
        : save.lastSavedAt
          ? vi.save.savedAt(clockTime(save.lastSavedAt))
          : vi.save.savedIdle;
  return (
    <div className={`save-indicator save-${save.state}`} data-testid="save-indicator" data-state={save.state} role="status" aria-live="polite">
      <span className="save-dot" aria-hidden="true" />
      <span className="save-text" title={save.error ? (save.retryable ? save.error : `${text}. ${save.error}`) : undefined}>
        {text}
      </span>
      {save.state === 'error' ? (
        <>
          {/* The reason is in the tooltip (and at the field for a refused value): a long
              sentence here pushed the menu onto three lines while she typed during an outage. */}
          {/* A refused value is fixed at its field; sending it again would be refused again. */}
          {save.retryable ? (
            <button type="button" className="btn btn-small" onClick={retryAll} data-testid="save-retry">
              {vi.save.retry}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
