/**
 * The update form of Theo dõi: one new history entry for each marked matter — outcome,
 * date (today unless she says otherwise), the result in words, who reported it, the
 * reference of the written answer. Keyboard first: ←/→ choose the outcome (a radio group),
 * Tab goes on, Enter saves from any one-line box and Ctrl+Enter from the note, Escape
 * closes. A refusal from the backend stays in the form, beside its field.
 */
import { useEffect, useRef, useState } from 'react';
import type { FollowupItem } from '../../../shared/api/types';
import { formatDateVn, localIsoDate, parseDateVn } from '../../../shared/dates';
import { CONCERN_STATUSES, type ConcernStatus } from '../../../shared/domain';
import { CONCERN_STATUS_LABELS, vi } from '../i18n/vi';
import { isComposingKey } from '../lib/keys';
import { closeUpdate, saveStatus } from '../store/followup';
import { ReporterPicker } from './ReporterPicker';

type FieldName = 'status' | 'date' | 'note' | 'reportedBy' | 'reference';
type Problems = Partial<Record<FieldName | 'form', string>>;

const FIELDS: readonly string[] = ['status', 'date', 'note', 'reportedBy', 'reference'];

/** The agency the matters share, offered as who reports (most answers come from it). */
function sharedAgency(items: readonly FollowupItem[]): string {
  const names = new Set(items.map((i) => i.agencyName ?? ''));
  return names.size === 1 ? [...names][0]! : '';
}

function FieldMessage(props: { id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <span className="field-message" role="alert" id={props.id} data-testid={`${props.id}`}>
      {props.message}
    </span>
  );
}

export function StatusForm(props: { items: FollowupItem[]; onDone: () => void }) {
  const { items } = props;
  const [status, setStatus] = useState<ConcernStatus>('resolved');
  const [date, setDate] = useState(() => formatDateVn(localIsoDate(new Date())));
  const [note, setNote] = useState('');
  const [reportedBy, setReportedBy] = useState(() => sharedAgency(items));
  const [reference, setReference] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !isComposingKey(e)) {
        e.preventDefault();
        closeUpdate();
        props.onDone();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);

  const submit = async () => {
    if (busy) return;
    const iso = parseDateVn(date);
    if (!iso) {
      setProblems({ date: vi.errors.badDate });
      return;
    }
    setBusy(true);
    const refused = await saveStatus({ status, date: iso, note: note.trim(), reportedBy: reportedBy.trim(), reference: reference.trim() });
    setBusy(false);
    if (!refused) {
      props.onDone();
      return;
    }
    const field = refused.field && FIELDS.includes(refused.field) ? (refused.field as FieldName) : 'form';
    setProblems({ [field]: refused.message });
  };

  /** Enter in a one-line box saves (never while an input method is finishing a word). */
  const enterSaves = (e: React.KeyboardEvent) => {
    if (isComposingKey(e)) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      void submit();
    }
  };

  const clear = (field: FieldName) => setProblems((p) => (p[field] || p.form ? { ...p, [field]: undefined, form: undefined } : p));

  return (
    <div className="modal-backdrop">
      <div className="modal modal-wide status-form" role="dialog" aria-modal="true" aria-labelledby="status-form-title" data-testid="status-form">
        <h2 id="status-form-title">{vi.followup.formTitle(items.length)}</h2>
        <div className="status-form-matters" aria-label={vi.followup.formMatters} data-testid="status-form-matters">
          {items.map((i) => (
            <div key={i.id} className="status-form-matter">
              <span className="followup-number">{vi.followup.numberAt(i.number, formatDateVn(i.conferenceDate))}</span>
              <span className="clamp-1">{i.text}</span>
            </div>
          ))}
        </div>
        <div className="form-row">
          <span className="label" id="status-outcome-label">
            {vi.followup.outcome}
          </span>
          <div className="outcome-choices" role="radiogroup" aria-labelledby="status-outcome-label">
            {CONCERN_STATUSES.map((s) => (
              <label key={s} className={`outcome-choice outcome-${s}`}>
                <input
                  type="radio"
                  name="status-outcome"
                  value={s}
                  data-testid={`status-${s}`}
                  checked={status === s}
                  ref={status === s ? first : undefined}
                  onChange={() => {
                    setStatus(s);
                    clear('status');
                  }}
                  onKeyDown={enterSaves}
                />
                {CONCERN_STATUS_LABELS[s]}
              </label>
            ))}
          </div>
          <FieldMessage id="status-status-message" message={problems.status} />
        </div>
        <div className="status-form-grid">
          <label className="form-row">
            <span className="label">{vi.followup.date}</span>
            <input
              type="text"
              className="input input-date"
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              data-testid="status-date"
              value={date}
              aria-invalid={problems.date ? true : undefined}
              aria-describedby={problems.date ? 'status-date-message' : undefined}
              onChange={(e) => {
                setDate(e.target.value);
                clear('date');
              }}
              onKeyDown={enterSaves}
            />
          </label>
          <label className="form-row grow">
            <span className="label">{vi.followup.reportedBy}</span>
            <span onKeyDown={enterSaves}>
              <ReporterPicker
                value={reportedBy}
                invalid={Boolean(problems.reportedBy)}
                describedBy={problems.reportedBy ? 'status-reportedBy-message' : undefined}
                onChange={(v) => {
                  setReportedBy(v);
                  clear('reportedBy');
                }}
              />
            </span>
          </label>
        </div>
        {/* Under the pair, full width: a long reason must not squeeze the other box. */}
        <FieldMessage id="status-date-message" message={problems.date} />
        <FieldMessage id="status-reportedBy-message" message={problems.reportedBy} />
        <label className="form-row">
          <span className="label">
            {vi.followup.note} <kbd>Ctrl+Enter</kbd>
          </span>
          <textarea
            className="input textarea"
            rows={3}
            data-testid="status-note"
            placeholder={vi.followup.notePlaceholder}
            value={note}
            aria-invalid={problems.note ? true : undefined}
            aria-describedby={problems.note ? 'status-note-message' : undefined}
            onChange={(e) => {
              setNote(e.target.value);
              clear('note');
            }}
            onKeyDown={(e) => {
              if (isComposingKey(e)) return;
              if (e.key === 'Enter' && e.ctrlKey) {
                e.preventDefault();
                void submit();
              }
            }}
          />
          <FieldMessage id="status-note-message" message={problems.note} />
        </label>
        <label className="form-row">
          <span className="label">{vi.followup.reference}</span>
          <input
            type="text"
            className="input"
            data-testid="status-reference"
            placeholder={vi.followup.referencePlaceholder}
            value={reference}
            aria-invalid={problems.reference ? true : undefined}
            aria-describedby={problems.reference ? 'status-reference-message' : undefined}
            onChange={(e) => {
              setReference(e.target.value);
              clear('reference');
            }}
            onKeyDown={enterSaves}
          />
          <FieldMessage id="status-reference-message" message={problems.reference} />
        </label>
        {problems.form ? (
          <p className="error" role="alert" data-testid="status-form-message">
            {problems.form}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="btn btn-primary" data-testid="status-save" disabled={busy} onClick={() => void submit()}>
            {busy ? vi.followup.saving : vi.followup.save} <kbd>Enter</kbd>
          </button>
          <button
            type="button"
            className="btn"
            data-testid="status-cancel"
            onClick={() => {
              closeUpdate();
              props.onDone();
            }}
          >
            {vi.followup.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
