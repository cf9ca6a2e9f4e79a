/**
 * The matters of Theo dõi as one keyboard list: ↑/↓ (PageUp/PageDown, Home/End) move the
 * cursor, Space marks, Ctrl+A marks every matter shown, Enter opens the update form,
 * Escape clears the marks. One focus stop (a listbox with an active descendant), so Tab
 * leaves the list in one press.
 */
import { memo, useEffect } from 'react';
import type { FollowupItem } from '../../../shared/api/types';
import { formatDateVn } from '../../../shared/dates';
import { CONCERN_STATUS_LABELS, vi } from '../i18n/vi';
import { canUpdate, dueLabel, isAnsweredHere } from '../lib/followup';
import { isComposingKey } from '../lib/keys';
import { clearMarks, markAllShown, moveBy, openUpdate, setCursor, toggleAtCursor, toggleRow, useFollowup } from '../store/followup';

const PAGE = 10;

export function rowDomId(id: string): string {
  return `followup-row-${id}`;
}

const Row = memo(function Row(props: { item: FollowupItem; active: boolean; marked: boolean }) {
  const { item } = props;
  const due = dueLabel(item);
  return (
    <div
      id={rowDomId(item.id)}
      role="option"
      aria-selected={props.marked}
      className={`followup-row${props.active ? ' followup-row-active' : ''}${props.marked ? ' followup-row-marked' : ''}${item.imported ? ' followup-row-received' : ''}`}
      data-testid="followup-row"
      data-concern-id={item.id}
      data-status={item.status}
      data-overdue={item.overdue ? 'true' : 'false'}
      onMouseDown={(e) => {
        // A click moves the cursor; the list keeps the focus (keys go on working).
        e.preventDefault();
        setCursor(item.id);
        document.getElementById('followup-list')?.focus();
      }}
      onDoubleClick={() => openUpdate()}
    >
      <span className="followup-mark" aria-hidden="true">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={props.marked}
          disabled={!canUpdate(item)}
          onChange={() => toggleRow(item)}
          onMouseDown={(e) => e.stopPropagation()}
        />
      </span>
      <span className="followup-cell followup-where">
        <span className="followup-number">{vi.followup.numberAt(item.number, formatDateVn(item.conferenceDate))}</span>
        <span className="clamp-1 muted small" title={item.conferenceTitle}>
          {item.conferenceTitle}
        </span>
        {item.imported ? <span className="muted small clamp-1">{item.unitName}</span> : null}
      </span>
      <span className="followup-cell followup-text">
        <span className="clamp-2" data-testid="followup-text">
          {item.text}
        </span>
        {item.fieldName ? <span className="muted small">{item.fieldName}</span> : null}
      </span>
      <span className="followup-cell followup-agency clamp-2">{item.agencyName ?? ''}</span>
      <span className="followup-cell followup-deadline">
        <span data-testid="followup-deadline">{formatDateVn(item.deadline)}</span>
        {due ? (
          <span className={`due ${item.overdue ? 'due-over' : 'due-left'}`} data-testid="followup-due">
            {due}
          </span>
        ) : null}
      </span>
      <span className="followup-cell followup-outcome">
        <span className={`outcome outcome-${item.status}`} data-testid="followup-outcome">
          {CONCERN_STATUS_LABELS[item.status]}
        </span>
        {isAnsweredHere(item) ? (
          <span className="muted small" title={vi.followup.answerHereHint} data-testid="followup-answer-here">
            {vi.followup.answerHere}
          </span>
        ) : item.imported ? (
          <span className="muted small" title={vi.followup.receivedHint}>
            {vi.followup.received}
          </span>
        ) : null}
      </span>
    </div>
  );
});

export function FollowupList() {
  const items = useFollowup((s) => s.items);
  const cursor = useFollowup((s) => s.cursor);
  const selected = useFollowup((s) => s.selected);
  const marked = new Set(selected);

  // The row under the cursor stays in view as she moves.
  useEffect(() => {
    if (cursor) document.getElementById(rowDomId(cursor))?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (isComposingKey(e)) return;
    const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE, End: Infinity, Home: -Infinity };
    if (plain && e.key in moves) {
      e.preventDefault();
      const delta = moves[e.key]!;
      moveBy(Number.isFinite(delta) ? delta : delta > 0 ? items.length : -items.length);
    } else if (plain && e.key === ' ') {
      e.preventDefault();
      toggleAtCursor();
    } else if (plain && e.key === 'Enter') {
      e.preventDefault();
      openUpdate();
    } else if (plain && e.key === 'Escape' && selected.length > 0) {
      e.preventDefault();
      clearMarks();
    } else if (e.ctrlKey && !e.altKey && !e.shiftKey && (e.code === 'KeyA' || e.key === 'a')) {
      e.preventDefault();
      markAllShown();
    }
  };

  return (
    <div className="followup-table">
      <div className="followup-head" aria-hidden="true">
        <span />
        <span>{vi.followup.colNumber}</span>
        <span>{vi.followup.colText}</span>
        <span>{vi.followup.colAgency}</span>
        <span>{vi.followup.colDeadline}</span>
        <span>{vi.followup.colOutcome}</span>
      </div>
      <div
        id="followup-list"
        className="followup-list"
        role="listbox"
        tabIndex={0}
        aria-multiselectable="true"
        aria-label={vi.followup.listLabel}
        aria-activedescendant={cursor ? rowDomId(cursor) : undefined}
        data-testid="followup-list"
        onKeyDown={onKeyDown}
      >
        {items.length === 0 ? (
          <p className="empty" data-testid="followup-empty">
            {vi.followup.empty}
          </p>
        ) : (
          items.map((item) => <Row key={item.id} item={item} active={item.id === cursor} marked={marked.has(item.id)} />)
        )}
      </div>
    </div>
  );
}
