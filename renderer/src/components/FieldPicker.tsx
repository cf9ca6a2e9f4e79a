/**
 * The field (lĩnh vực) typeahead: folded matching, so "dat dai" finds "Quản lý đất đai",
 * ranked so that a match at the start of words comes first ("chinh sach" → "Chính sách,
 * an sinh xã hội", not "Tài chính, ngân sách, thuế"). The first match is highlighted;
 * Enter or Tab takes it and the input then shows the chosen field. Saved when chosen.
 * Keys that finish an input method's word are left to the input method.
 */
import { useMemo, useRef, useState } from 'react';
import { fold } from '../../../shared/text';
import { vi } from '../i18n/vi';
import { useApp } from '../store/app';
import { queueConcernField } from '../store/actions';
import { useKeyState } from '../save/hooks';
import { Suggestions } from './Suggestions';
import { focusSoon } from '../lib/focus';
import { isComposingKey } from '../lib/keys';
import { rankMatches } from '../lib/rank';

export function FieldPicker(props: { concernId: string; fieldId: string | null }) {
  const fields = useApp((s) => s.fields);
  const folded = useMemo(() => fields.map((f) => ({ field: f, folded: fold(f.name) })), [fields]);
  const current = fields.find((f) => f.id === props.fieldId)?.name ?? '';
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const saveKey = `concern:${props.concernId}:fieldId`;
  const state = useKeyState(saveKey);

  const matches = useMemo(
    () => (query === null || query.trim() === '' ? folded : rankMatches(folded, query, (f) => f.folded)).map((f) => f.field),
    [folded, query],
  );

  const navigated = useRef(false);

  /** Takes the highlighted option; false when the typed text matches no field (kept on screen). */
  const choose = (index: number): boolean => {
    navigated.current = false;
    if (query !== null && query.trim() === '') {
      queueConcernField(props.concernId, 'fieldId', null);
      setQuery(null);
      setOpen(false);
      return true;
    }
    const field = matches[index];
    if (!field) return false;
    queueConcernField(props.concernId, 'fieldId', field.id);
    setQuery(null);
    setOpen(false);
    return true;
  };

  const listId = `fields-${props.concernId}`;
  return (
    <div className="typeahead">
      <input
        type="text"
        className="input"
        data-testid="concern-field"
        aria-label={vi.concern.field}
        placeholder={vi.concern.fieldPlaceholder}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query ?? current}
        title={query === null ? current : undefined}
        data-saved={query === null && state === 'saved' ? 'true' : 'false'}
        onBlur={() => {
          navigated.current = false;
          setQuery(null);
          setOpen(false);
        }}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (isComposingKey(e)) return;
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            navigated.current = true;
            if (!open) {
              // The list opens on the current field (or the first one).
              setOpen(true);
              setActive(Math.max(0, matches.findIndex((f) => f.id === props.fieldId)));
              return;
            }
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            navigated.current = true;
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            // Typed text that matches nothing stays, with "no such field", until fixed.
            if (query !== null || navigated.current) {
              if (!choose(active)) return;
            }
            focusSoon(`[data-concern-id="${props.concernId}"] [data-testid="concern-text"]`);
          } else if (e.key === 'Tab' && !e.shiftKey) {
            if (query !== null || navigated.current) choose(active);
          } else if (e.key === 'Escape') {
            navigated.current = false;
            setQuery(null);
            setOpen(false);
          }
        }}
      />
      {open ? (
        matches.length > 0 ? (
          <Suggestions id={listId} items={matches.map((f) => ({ key: f.id, label: f.name }))} active={active} onPick={choose} testId="field-suggestions" />
        ) : (
          <div className="suggestions suggestions-empty">{vi.concern.noField}</div>
        )
      ) : null}
    </div>
  );
}
