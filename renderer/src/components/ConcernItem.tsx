/** One concern: field, text, handling and what the handling needs. Re-renders alone. */
import { memo } from 'react';
import { HANDLINGS, type Handling } from '../../../shared/domain';
import { HANDLING_LABELS, vi } from '../i18n/vi';
import { formatDateVn, optionalDateProblem, parseDateVn } from '../lib/format';
import { focusSoon } from '../lib/focus';
import { AutoText } from '../save/AutoText';
import { deleteConcern, saveConcernField, setHandling, toggleFollowUp } from '../store/actions';
import { useConf } from '../store/conference';
import { AgencyPicker } from './AgencyPicker';
import { AnsweredByPicker } from './AnsweredByPicker';
import { FieldPicker } from './FieldPicker';
import { DELETE_ITEM_KEYS, FOLLOW_UP_KEYS } from '../lib/keys';
import { deadlineCaution } from '../lib/deadline';
import { needsFollowUp } from '../lib/followup';
import { useKeyState } from '../save/hooks';

/** Where focus goes after choosing a handling that needs details. */
export function focusHandlingDetail(concernId: string, handling: Handling): void {
  if (handling === 'answered') focusSoon(`[data-concern-id="${concernId}"] [data-testid="answered-by"]`);
  if (handling === 'assigned') focusSoon(`[data-concern-id="${concernId}"] [data-testid="agency-input"]`);
}

export const ConcernItem = memo(function ConcernItem(props: { id: string; number: number }) {
  const concern = useConf((s) => s.concerns[props.id]);
  const conferenceDate = useConf((s) => s.conference?.date ?? null);
  // The outcome is the server's answer to the handling: while that is on its way, no badge.
  const handlingSaving = useKeyState(`concern:${props.id}:handling`) === 'pending';
  if (!concern) return null;
  const followUp = !handlingSaving && needsFollowUp(concern);
  const id = concern.id;
  const key = (field: string) => `concern:${id}:${field}`;
  return (
    <section className={`concern concern-${concern.handling ?? 'none'}`} data-testid="concern-item" data-concern-id={id} aria-label={vi.concern.label(props.number)}>
      <div className="concern-head">
        <span className="concern-number">{vi.concern.label(props.number)}</span>
        {followUp ? (
          <span className="badge badge-followup" data-testid="needs-action-badge">
            {vi.followup.needsAction}
          </span>
        ) : null}
        <label className="concern-field">
          <span className="label">{vi.concern.field}</span>
          <FieldPicker concernId={id} fieldId={concern.fieldId} />
        </label>
        <button type="button" className="btn btn-small btn-ghost btn-danger" data-testid="delete-concern" onClick={() => deleteConcern(id)} title={DELETE_ITEM_KEYS}>
          {vi.concern.delete}
        </button>
      </div>
      <label className="block">
        <span className="label">{vi.concern.text}</span>
        <AutoText
          multiline
          className="input textarea"
          data-testid="concern-text"
          rows={2}
          initial={concern.text}
          saveKey={key('text')}
          save={(v) => saveConcernField(id, 'text', v)}
        />
      </label>
      <div className="handling" role="group" aria-label={vi.concern.handling}>
        <span className="label">{vi.concern.handling}</span>
        {HANDLINGS.map((h, i) => (
          <button
            key={h}
            type="button"
            className={`btn btn-handling handling-${h}`}
            aria-pressed={concern.handling === h}
            data-testid={`handling-${h}`}
            onClick={() => {
              setHandling(id, h);
              focusHandlingDetail(id, h);
            }}
          >
            <kbd>Alt+{i + 1}</kbd> {HANDLING_LABELS[h]}
          </button>
        ))}
        {concern.handling === 'answered' ? (
          <button type="button" className="btn btn-handling btn-followup" aria-pressed={followUp} data-testid="needs-action" onClick={() => void toggleFollowUp(id)}>
            <kbd>{FOLLOW_UP_KEYS}</kbd> {vi.followup.needsActionButton}
          </button>
        ) : null}
      </div>
      {concern.handling === 'answered' ? (
        <div className="handling-detail">
          <label>
            <span className="label">{vi.concern.answeredBy}</span>
            <AnsweredByPicker concernId={id} initial={concern.answeredBy} />
          </label>
          <label className="grow">
            <span className="label">{vi.concern.answer}</span>
            <AutoText
              multiline
              rows={1}
              className="input textarea"
              data-testid="answer-text"
              initial={concern.answer}
              saveKey={key('answer')}
              save={(v) => saveConcernField(id, 'answer', v)}
            />
          </label>
        </div>
      ) : null}
      {concern.handling === 'assigned' || concern.handling === 'forwarded' || followUp ? (
        // Keyed by handling: a deadline filled in for the new handling shows in a fresh box.
        <div className="handling-detail" key={`detail-${concern.handling}`}>
          <label className="grow">
            <span className="label">{vi.concern.agency}</span>
            <AgencyPicker concernId={id} agencyName={concern.agencyName} />
          </label>
          <label>
            <span className="label">{vi.concern.deadline}</span>
            <AutoText
              className="input input-date"
              data-testid="deadline-input"
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              initial={formatDateVn(concern.deadline)}
              saveKey={key('deadline')}
              label={vi.typing.deadlineLabel}
              validate={optionalDateProblem}
              warn={(v) => deadlineCaution(v, conferenceDate)}
              save={(v) => saveConcernField(id, 'deadline', v.trim() === '' ? null : parseDateVn(v))}
            />
          </label>
        </div>
      ) : null}
    </section>
  );
});
