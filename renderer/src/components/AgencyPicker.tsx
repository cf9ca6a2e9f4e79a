/**
 * The agency typeahead. A new name joins the backend's catalog, so the name is sent when
 * the secretary commits it (Enter, Tab, leaving the field, choosing), not per keystroke:
 * otherwise every prefix she typed would become an agency.
 */
import { useEffect, useMemo, useState } from 'react';
import { fold } from '../../../shared/text';
import { vi } from '../i18n/vi';
import { queueConcernField } from '../store/actions';
import { useKeyState } from '../save/hooks';
import { addUnloadHook } from '../save/queue';
import { isComposingKey, moveHighlight } from '../lib/keys';
import { rankMatches } from '../lib/rank';
import { Suggestions } from './Suggestions';
import { rememberAgency, useAgencies } from '../store/agencies';

export function AgencyPicker(props: { concernId: string; agencyName: string | null }) {
  const agencies = useAgencies();
  const [text, setText] = useState(props.agencyName ?? '');
  const [dirty, setDirty] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const saveKey = `concern:${props.concernId}:agencyName`;
  const state = useKeyState(saveKey);

  const matches = useMemo(() => {
    if (!dirty || text.trim() === '') return [];
    const exact = fold(text);
    return rankMatches(agencies, text, (a) => fold(a.name))
      .filter((a) => fold(a.name) !== exact)
      .slice(0, 8);
  }, [agencies, text, dirty]);

  const commit = (name: string) => {
    setText(name);
    setDirty(false);
    setOpen(false);
    setActive(-1);
    const value = name.trim() === '' ? null : name;
    if (value) rememberAgency(value);
    queueConcernField(props.concernId, 'agencyName', value);
  };

  useEffect(() => {
    if (!dirty) return;
    return addUnloadHook(() => queueConcernField(props.concernId, 'agencyName', text.trim() === '' ? null : text));
  }, [dirty, text, props.concernId]);

  const listId = `agencies-${props.concernId}`;
  return (
    <div className="typeahead">
      <input
        type="text"
        className="input"
        data-testid="agency-input"
        aria-label={vi.concern.agency}
        placeholder={vi.concern.agencyPlaceholder}
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        autoComplete="off"
        spellCheck={false}
        value={text}
        data-saved={!dirty && state === 'saved' ? 'true' : 'false'}
        onChange={(e) => {
          setText(e.target.value);
          setDirty(true);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => {
          if (dirty) commit(text);
          setOpen(false);
        }}
        onKeyDown={(e) => {
          if (isComposingKey(e)) return;
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          if (moveHighlight(e, matches.length, setActive, setOpen)) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            const picked = active >= 0 ? matches[active] : undefined;
            if (picked) commit(picked.name);
            else if (dirty) commit(text);
          } else if (e.key === 'Tab') {
            const picked = active >= 0 ? matches[active] : undefined;
            if (picked) commit(picked.name);
            else if (dirty) commit(text);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {open ? (
        <Suggestions
          id={listId}
          items={matches.map((a) => ({ key: a.id, label: a.name }))}
          active={active}
          onPick={(i) => {
            const a = matches[i];
            if (a) commit(a.name);
          }}
          testId="agency-suggestions"
        />
      ) : null}
    </div>
  );
}
