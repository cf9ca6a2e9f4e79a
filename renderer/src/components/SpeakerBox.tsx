/**
 * Who speaks in a turn. A new turn proposes the next registered speaker (shown selected:
 * Enter accepts, typing replaces it). Typing searches this conference's and earlier
 * conferences' speakers; a name that matches nobody simply names the turn's own speaker.
 */
import { useEffect, useRef, useState } from 'react';
import type { SpeakerSuggestion } from '../../../shared/api/types';
import { api } from '../api';
import { leadingHonorific } from '../../../shared/names';
import { vi } from '../i18n/vi';
import { formatDateVn } from '../lib/format';
import { focusSoon } from '../lib/focus';
import { useKeyState } from '../save/hooks';
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
  const [choosing, setChoosing] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<SpeakerSuggestion[]>([]);
  const [active, setActive] = useState(-1);
  const activeIdRef = useRef<string | null>(null);
  activeIdRef.current = active >= 0 ? (suggestions[active]?.id ?? null) : null;
  const [open, setOpen] = useState(false);
  const requestSeq = useRef(0);
  const composing = useRef(false);
  const saveKey = `speaker:${speakerId}:name`;
  const state = useKeyState(saveKey);
  const firstSpeaker = useRef(speakerId);

  // The turn got another speaker (a choice resolved): show that person's name.
  useEffect(() => {
    if (speakerId === firstSpeaker.current) return;
    firstSpeaker.current = speakerId;
    const name = useConf.getState().speakers[speakerId]?.name ?? '';
    setText(name);
    setMode('set');
  }, [speakerId]);

  const query = (value: string) => {
    const seq = ++requestSeq.current;
    if (value.trim() === '') {
      setSuggestions([]);
      return;
    }
    api
      .call('speakers.suggest', { conferenceId, query: value, limit: 8 })
      .then((list) => {
        if (seq !== requestSeq.current) return;
        const s = useConf.getState();
        const currentId = s.turns[turnId]?.speakerId;
        const next = list.filter((x) => x.id !== currentId && x.name.trim() !== '');
        // A fresher answer must not move the highlight from under the secretary's arrow keys.
        const activeId = activeIdRef.current;
        setSuggestions(next);
        setActive(activeId ? next.findIndex((x) => x.id === activeId) : -1);
      })
      .catch(() => undefined);
  };

  const choose = async (id: string, name: string) => {
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
      pushSave(`speaker:${id}:name`, () => saveSpeakerField(id, 'name', value));
    } else {
      setHint(vi.live.cannotRename);
    }
  };

  const saved = mode === 'proposal' ? false : mode === 'typed' && !isOwnSpeaker(turnId) ? false : state === 'saved' && !choosing;
  const listId = `speakers-${turnId}`;
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
          setOpen(true);
          query(value);
          if (!composing.current) rename(value);
        }}
        onBlur={() => {
          setOpen(false);
          if (mode === 'proposal' && proposed) void choose(proposed.id, proposed.name);
        }}
        onKeyDown={(e) => {
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, suggestions.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, -1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const picked = open && active >= 0 ? suggestions[active] : undefined;
            if (picked) void choose(picked.id, picked.name);
            else if (mode === 'proposal' && proposed) void choose(proposed.id, proposed.name);
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
