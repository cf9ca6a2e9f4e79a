/**
 * "Người trả lời": free text, autosaved per keystroke like every text box, with the
 * conference's chairs offered as a typeahead (they are who answers, almost always). ↓
 * opens the list on an empty box; typing filters it by name or position. Nothing is
 * highlighted until she moves with the arrows, so Enter/Tab never replace what she typed.
 * Keys that finish an input method's word are left to the input method.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { fold } from '../../../shared/text';
import { vi } from '../i18n/vi';
import { isComposingKey, moveHighlight } from '../lib/keys';
import { rankMatches } from '../lib/rank';
import { useKeyProblem, useKeyState } from '../save/hooks';
import { addUnloadHook, pushSave } from '../save/queue';
import { saveConcernField } from '../store/actions';
import { useConf } from '../store/conference';
import { Suggestions } from './Suggestions';

/** How a chosen chair is written: "Trần Quốc Hưng – Phó Bí thư, Chủ tịch UBND phường". */
export function chairLabel(chair: { name: string; position: string }): string {
  return [chair.name.trim(), chair.position.trim()].filter(Boolean).join(' – ');
}

export function AnsweredByPicker(props: { concernId: string; initial: string }) {
  const chairs = useConf((s) => s.conference?.chairs);
  const [text, setText] = useState(props.initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const composing = useRef(false);
  const latest = useRef(props.initial);
  const saveKey = `concern:${props.concernId}:answeredBy`;
  const state = useKeyState(saveKey);
  const refused = useKeyProblem(saveKey);

  const options = useMemo(() => {
    const list = (chairs ?? []).filter((c) => c.name.trim() !== '' || c.position.trim() !== '').map((c) => ({ label: chairLabel(c) }));
    if (text.trim() === '') return list;
    const wanted = fold(text);
    return rankMatches(list, text, (c) => fold(c.label)).filter((c) => fold(c.label) !== wanted);
  }, [chairs, text]);

  const send = (value: string) => {
    latest.current = value;
    pushSave(saveKey, () => saveConcernField(props.concernId, 'answeredBy', value), { label: vi.concern.answeredBy });
  };

  const pick = (index: number) => {
    const option = options[index];
    if (!option) return;
    setText(option.label);
    setOpen(false);
    setActive(-1);
    send(option.label);
  };

  // Mid-composition when the page goes: the text typed so far still goes.
  const sendRef = useRef(send);
  sendRef.current = send;
  useEffect(
    () =>
      addUnloadHook(() => {
        if (composing.current) sendRef.current(latest.current);
      }),
    [],
  );

  const listId = `chairs-${props.concernId}`;
  return (
    <div className="typeahead">
      <input
        type="text"
        className="input"
        data-testid="answered-by"
        aria-label={vi.concern.answeredBy}
        placeholder={options.length > 0 && text === '' ? vi.typing.chairsHint : undefined}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={refused ? true : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        data-saved={state === 'saved' ? 'true' : 'false'}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          latest.current = value;
          setOpen(true);
          setActive(-1);
          if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) send(value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          send(e.currentTarget.value);
        }}
        onFocus={() => {
          // An empty box shows who can answer at once (Alt+1 lands here).
          if (text.trim() === '') setOpen(true);
        }}
        onBlur={() => {
          if (composing.current) {
            composing.current = false;
            send(latest.current);
          }
          setOpen(false);
          setActive(-1);
        }}
        onKeyDown={(e) => {
          if (isComposingKey(e)) return;
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          if (moveHighlight(e, options.length, setActive, setOpen)) return;
          if (e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey)) {
            if (open && active >= 0) {
              if (e.key === 'Enter') e.preventDefault();
              pick(active);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              setOpen(false);
            }
          } else if (e.key === 'Escape') {
            setOpen(false);
            setActive(-1);
          }
        }}
      />
      {refused ? (
        <span className="field-message" role="alert" data-testid="field-problem">
          {vi.typing.refusedAt(vi.concern.answeredBy, refused)}
        </span>
      ) : null}
      {open ? <Suggestions id={listId} testId="chair-suggestions" items={options.map((c, i) => ({ key: String(i), label: c.label }))} active={active} onPick={pick} /> : null}
    </div>
  );
}
