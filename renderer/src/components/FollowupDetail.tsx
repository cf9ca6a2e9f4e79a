/**
 * The side panel of Theo dõi: the matter under the cursor in full, and its history —
 * every entry dated, newest last, and never editable: a wrong entry is corrected by a
 * later one, as the panel says.
 */
import type { FollowupItem } from '../../../shared/api/types';
import { formatDateVn } from '../../../shared/dates';
import { CONCERN_STATUS_LABELS, HANDLING_LABELS, vi } from '../i18n/vi';
import { dateOf } from '../lib/format';
import { isAnsweredHere } from '../lib/followup';
import { useFollowup } from '../store/followup';

function History(props: { item: FollowupItem }) {
  const history = useFollowup((s) => (s.history?.concernId === props.item.id ? s.history : null));
  return (
    <section className="followup-history" aria-labelledby="history-title" data-testid="followup-history">
      <h3 id="history-title">{vi.followup.history}</h3>
      {props.item.handling ? (
        <p className="small">
          <span className="muted">{vi.followup.handling}: </span>
          {HANDLING_LABELS[props.item.handling]} ({formatDateVn(props.item.conferenceDate)})
        </p>
      ) : null}
      {history === null || history.entries === null ? (
        <p className="muted small">{vi.app.loading}</p>
      ) : history.error ? (
        <p className="error small" role="alert">
          {history.error}
        </p>
      ) : history.entries.length === 0 ? (
        <p className="muted small" data-testid="history-empty">
          {vi.followup.historyEmpty}
        </p>
      ) : (
        <ol className="history-list">
          {history.entries.map((h) => (
            <li key={h.id} className="history-entry" data-testid="history-entry" data-status={h.status} data-by-parent={h.byParent ? 'true' : undefined}>
              <div className="history-entry-head">
                <span className="history-date" data-testid="history-date">
                  {formatDateVn(h.date)}
                </span>
                <span className={`outcome outcome-${h.status}`}>{CONCERN_STATUS_LABELS[h.status]}</span>
                {h.byParent ? (
                  <span className="history-by-parent small" data-testid="history-by-parent">
                    {vi.followup.byParent}
                  </span>
                ) : null}
              </div>
              {h.note ? (
                <p className="history-note" data-testid="history-note">
                  {h.note}
                </p>
              ) : null}
              {h.reportedBy ? <p className="small">{vi.followup.entryBy(h.reportedBy)}</p> : null}
              {h.reference ? <p className="small">{vi.followup.entryRef(h.reference)}</p> : null}
              <p className="muted small">{vi.followup.entryRecorded(dateOf(h.createdAt))}</p>
            </li>
          ))}
        </ol>
      )}
      <p className="hint small" data-testid="history-hint">
        {vi.followup.historyHint}
      </p>
    </section>
  );
}

export function FollowupDetail() {
  const item = useFollowup((s) => s.items.find((i) => i.id === s.cursor) ?? null);
  if (!item) {
    return (
      <aside className="followup-side">
        <p className="muted">{vi.followup.pickOne}</p>
      </aside>
    );
  }
  return (
    <aside className="followup-side" aria-label={vi.followup.history} data-testid="followup-detail">
      <p className="followup-side-where">
        <span className="followup-number">{vi.followup.numberAt(item.number, formatDateVn(item.conferenceDate))}</span> — {item.conferenceTitle}
        {item.imported ? <span className="muted"> ({item.unitName})</span> : null}
      </p>
      {isAnsweredHere(item) ? (
        <p className="hint small" data-testid="detail-answer-here">
          {vi.followup.answerHereHint}
        </p>
      ) : item.imported ? (
        <p className="hint small" data-testid="detail-received">
          {vi.followup.receivedHint}
        </p>
      ) : null}
      <p className="followup-side-text" data-testid="detail-text">
        {item.text}
      </p>
      <dl className="followup-facts">
        {item.speakerName ? (
          <>
            <dt>{vi.followup.speaker}</dt>
            <dd>{item.speakerName}</dd>
          </>
        ) : null}
        {item.agencyName ? (
          <>
            <dt>{vi.followup.colAgency}</dt>
            <dd>{item.agencyName}</dd>
          </>
        ) : null}
        {item.deadline ? (
          <>
            <dt>{vi.followup.colDeadline}</dt>
            <dd>{formatDateVn(item.deadline)}</dd>
          </>
        ) : null}
        <dt>{vi.followup.outcome}</dt>
        <dd>
          {CONCERN_STATUS_LABELS[item.status]}
          {item.statusDate ? ` (${formatDateVn(item.statusDate)})` : ''}
        </dd>
      </dl>
      <History item={item} />
    </aside>
  );
}
