/** The registration list: who will speak, in order. Reorder with buttons or Alt+↑/↓. */
import { memo, useState } from 'react';
import { vi } from '../i18n/vi';
import { focusSoon } from '../lib/focus';
import { isComposingKey } from '../lib/keys';
import { AutoText } from '../save/AutoText';
import { deleteRegisteredSpeaker, moveSpeaker, registerSpeaker, saveSpeakerField } from '../store/actions';
import { useConf } from '../store/conference';
import { AddNameRow } from './AddNameRow';

function move(id: string, delta: -1 | 1, refocus: string | null) {
  moveSpeaker(id, delta);
  focusSoon(`[data-speaker-id="${id}"] [data-testid="${refocus ?? 'speaker-up'}"]`);
}

/** The columns of a registered speaker, each autosaved on its own. */
const SPEAKER_FIELDS = [
  { field: 'name', label: vi.prepare.speakerName, testId: 'registered-name' },
  { field: 'position', label: vi.prepare.speakerPosition, testId: 'registered-position' },
  { field: 'organization', label: vi.prepare.speakerOrganization, testId: 'registered-organization' },
  { field: 'address', label: vi.prepare.speakerAddress, testId: 'registered-address' },
] as const;

const SpeakerRow = memo(function SpeakerRow(props: { id: string; index: number; last: boolean }) {
  const speaker = useConf((s) => s.speakers[props.id]);
  if (!speaker) return null;
  const id = speaker.id;
  const key = (f: string) => `speaker:${id}:${f}`;
  return (
    <li
      className="speaker-row"
      data-testid="registered-speaker"
      data-speaker-id={id}
      onKeyDown={(e) => {
        if (isComposingKey(e)) return;
        if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
          e.preventDefault();
          const testId = (document.activeElement as HTMLElement | null)?.getAttribute('data-testid') ?? null;
          move(id, e.key === 'ArrowUp' ? -1 : 1, testId);
        }
      }}
    >
      <span className="speaker-order">{props.index + 1}.</span>
      {SPEAKER_FIELDS.map((f) => (
        <AutoText
          key={f.field}
          className="input"
          aria-label={f.label}
          placeholder={f.label}
          data-testid={f.testId}
          initial={speaker[f.field]}
          saveKey={key(f.field)}
          save={(v) => saveSpeakerField(id, f.field, v)}
        />
      ))}
      <span className="row-buttons">
        <button type="button" className="btn btn-small btn-icon" data-testid="speaker-up" aria-label={vi.prepare.moveUp} title={`${vi.prepare.moveUp} (Alt+↑)`} disabled={props.index === 0} onClick={() => move(id, -1, 'speaker-up')}>
          ↑
        </button>
        <button type="button" className="btn btn-small btn-icon" data-testid="speaker-down" aria-label={vi.prepare.moveDown} title={`${vi.prepare.moveDown} (Alt+↓)`} disabled={props.last} onClick={() => move(id, 1, 'speaker-down')}>
          ↓
        </button>
        <button type="button" className="btn btn-small btn-ghost btn-danger" data-testid="speaker-delete" onClick={() => deleteRegisteredSpeaker(id)}>
          {vi.prepare.remove}
        </button>
      </span>
    </li>
  );
});

export function RegisteredSpeakers() {
  const ids = useConf((s) => s.registeredIds);
  const [name, setName] = useState('');
  const add = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setName('');
    const speaker = await registerSpeaker(trimmed);
    if (speaker) focusSoon(`[data-speaker-id="${speaker.id}"] [data-testid="registered-position"]`);
  };
  return (
    <div className="registered">
      <p className="hint">{vi.prepare.speakersHint}</p>
      {ids.length === 0 ? <p className="empty">{vi.prepare.noSpeakers}</p> : null}
      <ol className="speaker-list">
        {ids.map((id, i) => (
          <SpeakerRow key={id} id={id} index={i} last={i === ids.length - 1} />
        ))}
      </ol>
      <AddNameRow value={name} onChange={setName} onAdd={() => void add()} label={vi.prepare.newSpeaker} button={vi.prepare.addSpeaker} testId="new-speaker-name" buttonTestId="add-speaker" />
    </div>
  );
}
