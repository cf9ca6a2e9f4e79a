/**
 * Who speaks in a turn. A new turn proposes the next registered speaker (shown selected:
 * Enter accepts, typing replaces it). Typing searches this conference's and earlier
 * conferences' speakers; a name that matches nobody simply names the turn's own speaker.
 * Enter on a name that folds to exactly one known person ("tran thi binh" → the registered
 * "Trần Thị Bình") takes that person; a new name without capitals or marks is flagged.
 * Keys that finish an input method's word are left to the input method.
 */
import { useEffect, useRef, useState } from 'react';
import type { SpeakerSuggestion } from '../../../shared/api/types';
import { api } from '../api';
import { leadingHonorific } from '../../../shared/names';
import { vi } from '../i18n/vi';
import { formatDateVn } from '../lib/format';
import { focusSoon } from '../lib/focus';
import { isComposingKey, moveHighlight } from '../lib/keys';
import { newNameWarning, sameNameAs } from '../lib/names';
import { useKeyProblem, useKeyState } from '../save/hooks';
import { pushSave } from '../save/queue';
import { chooseSpeaker, isOwnSpeaker, saveSpeakerField } from '../store/actions';
import { patchTurn, useConf } from '../store/conference';
import { Suggestions } from './Suggestions';

type Mode = 'proposal' | 'typed' | 'set';

export function SpeakerBox(props: { turnId: string }) {
  const turnId = props.turnId;
  const speakerId = useConf((s) => s.turns[turnId]?.speakerId ?? '');
  const speakerName = useConf((s) => s.speakers[speakerId]?.name ?? '');
  const proposed = useConf((s) => {
    const pid = s.turns[turnId]?.proposedSpeakerId;
    return pid ? (s.speakers[pid] ?? null) : null;
  });
  const conferenceId = useConf((s) => s.id ?? '');
  const initialMode: Mode = proposed && speakerName === '' ? 'proposal' : 'set';
  const [mode, setMode] = useState<Mode>(initialMode);
  const [text, setText] = useState(initialMode === 'proposal' ? proposed!.name : speakerName);
  const textRef = useRef(text);
  textRef.current = text;
  const [choosing, setChoosing] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<SpeakerSuggestion[]>([]);
  const [active, setActive] = useState(-1);
  const activeIdRef = useRef<string | null>(null);
  activeIdRef.current = active >= 0 ? (suggestions[active]?.id ?? null) : null;
  const [open, setOpen] = useState(false);
  /** The name was committed (Enter, leaving) as a new person: check how it is written. */
  const [committed, setCommitted] = useState(false);
  const requestSeq = useRef(0);
  /** The text the shown suggestions answer; Enter decides on them only when it is current. */
  const suggestedFor = useRef<string | null>(null);
  const composing = useRef(false);
  const saveKey = `speaker:${speakerId}:name`;
  const state = useKeyState(saveKey);
  const refused = useKeyProblem(saveKey);
  const firstSpeaker = useRef(speakerId);

  // The turn got another speaker (a choice resolved): show that person's name.
  useEffect(() => {
    if (speakerId === firstSpeaker.current) return;
    firstSpeaker.current = speakerId;
    const name = useConf.getState().speakers[speakerId]?.name ?? '';
    setText(name);
    setMode('set');
  }, [speakerId]);

  const fetchSuggestions = async (value: string): Promise<SpeakerSuggestion[]> => {
    const list = await api.call('speakers.suggest', { conferenceId, query: value, limit: 8 });
    const currentId = useConf.getState().turns[turnId]?.speakerId;
    return list.filter((x) => x.id !== currentId && x.name.trim() !== '');
  };

  const query = (value: string) => {
    const seq = ++requestSeq.current;
    suggestedFor.current = null;
    if (value.trim() === '') {
      setSuggestions([]);
      suggestedFor.current = value;
      return;
    }
    fetchSuggestions(value)
      .then((next) => {
        if (seq !== requestSeq.current) return;
        // A fresher answer must not move the highlight from under the secretary's arrow keys.
        const activeId = activeIdRef.current;
        setSuggestions(next);
        suggestedFor.current = value;
        setActive(activeId ? next.findIndex((x) => x.id === activeId) : -1);
      })
      .catch(() => undefined);
  };

  /**
   * Enter on a typed name: the one known person it folds to, else (several) the list stays
   * open to choose from, else it is a new name and focus moves on.
   */
  const commitTyped = async (value: string) => {
    let list = suggestions;
    if (suggestedFor.current !== value) {
      try {
        list = await fetchSuggestions(value);
      } catch {
        list = [];
      }
      // She typed on meanwhile: this Enter was about an older text.
      if (textRef.current !== value) return;
    }
    const same = sameNameAs(value, list);
    if (same.length === 1) {
      await choose(same[0]!.id, same[0]!.name);
      focusSoon(`[data-turn-id="${turnId}"] [data-testid="speaker-position"]`);
      return;
    }
    if (same.length > 1) {
      setSuggestions(list);
      suggestedFor.current = value;
      setOpen(true);
      setActive(-1);
      setHint(vi.typing.sameName(same.length));
      return;
    }
    setOpen(false);
    setCommitted(true);
    focusSoon(`[data-turn-id="${turnId}"] [data-testid="speaker-position"]`);
  };

  const choose = async (id: string, name: string) => {
    setCommitted(false);
    setText(name);
    setMode('set');
    setOpen(false);
    setSuggestions([]);
    setHint(null);
    setChoosing(true);
    await chooseSpeaker(turnId, id);
    setChoosing(false);
  };

  const rename = (value: string) => {
    if (isOwnSpeaker(turnId)) {
      setHint(null);
      const id = speakerId;
      pushSave(`speaker:${id}:name`, () => saveSpeakerField(id, 'name', value), { label: vi.live.speaker });
    } else {
      setHint(vi.live.cannotRename);
    }
  };

  const saved = mode === 'proposal' ? false : mode === 'typed' && !isOwnSpeaker(turnId) ? false : state === 'saved' && !choosing;
  const listId = `speakers-${turnId}`;
  const warning = committed && mode === 'typed' && !open && isOwnSpeaker(turnId) ? newNameWarning(text) : null;
  return (
    <div className="typeahead speaker-box">
      <input
        type="text"
        className={`input input-speaker${mode === 'proposal' ? ' is-proposal' : ''}`}
        data-testid="speaker-input"
        data-mode={mode}
        aria-label={vi.live.speaker}
        placeholder={vi.live.speakerPlaceholder}
        role="combobox"
        aria-expanded={open && suggestions.length > 0}
        aria-controls={listId}
        autoComplete="off"
        spellCheck={false}
        value={text}
        data-saved={saved ? 'true' : 'false'}
        aria-invalid={refused ? true : undefined}
        onFocus={(e) => {
          if (mode === 'proposal') e.currentTarget.select();
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          rename(e.currentTarget.value);
        }}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          if (mode === 'proposal') patchTurn(turnId, { proposedSpeakerId: null });
          setMode('typed');
          setCommitted(false);
          setOpen(true);
          query(value);
          if (!composing.current) rename(value);
        }}
        onBlur={() => {
          setOpen(false);
          if (mode === 'proposal' && proposed) void choose(proposed.id, proposed.name);
          else if (mode === 'typed') setCommitted(true);
        }}
        onKeyDown={(e) => {
          if (isComposingKey(e)) return;
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          if (moveHighlight(e, suggestions.length, setActive, setOpen)) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            const picked = open && active >= 0 ? suggestions[active] : undefined;
            if (picked) void choose(picked.id, picked.name);
            else if (mode === 'proposal' && proposed) void choose(proposed.id, proposed.name);
            else if (mode === 'typed' && text.trim() !== '') void commitTyped(text);
            else {
              setOpen(false);
              focusSoon(`[data-turn-id="${turnId}"] [data-testid="speaker-position"]`);
            }
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {mode === 'proposal' ? <span className="hint">{vi.live.proposalHint}</span> : null}
      {mode !== 'proposal' && leadingHonorific(text) ? (
        <span className="hint hint-warning" data-testid="speaker-honorific">
          {vi.names.honorific(leadingHonorific(text)!)}
        </span>
      ) : null}
      {refused ? (
        <span className="field-message" role="alert" data-testid="field-problem">
          {vi.typing.refusedAt(vi.live.speaker, refused)}
        </span>
      ) : null}
      {warning ? (
        <span className="hint hint-warning" data-testid="speaker-name-warning">
          {warning}
        </span>
      ) : null}
      {hint ? (
        <span className="hint hint-warning" role="alert">
          {hint}
        </span>
      ) : null}
      {open ? (
        <Suggestions
          id={listId}
          testId="speaker-suggestions"
          active={active}
          onPick={(i) => {
            const s = suggestions[i];
            if (s) void choose(s.id, s.name);
          }}
          items={suggestions.map((s) => ({
            key: s.id,
            label: s.name,
            detail: [
              s.position,
              s.organization,
              s.address,
              s.sameConference
                ? s.registrationOrder !== null
                  ? `${vi.live.registered} (${s.registrationOrder})`
                  : vi.live.thisConference
                : vi.live.otherConference(s.conferenceTitle, formatDateVn(s.conferenceDate)),
            ]
              .filter(Boolean)
              .join(' · '),
          }))}
        />
      ) : null}
    </div>
  );
}
