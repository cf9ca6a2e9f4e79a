/** The conference's own details, autosaved field by field. */
import { useRef, useState } from 'react';
import type { Conference, Person } from '../../../shared/api/types';
import { CONFERENCE_KINDS, type ConferenceKind } from '../../../shared/domain';
import { KIND_LABELS, vi } from '../i18n/vi';
import { countProblem, dateProblem, formatDateVn, parseDateVn, timeProblem } from '../lib/format';
import { focusSoon } from '../lib/focus';
import { useRefusal } from '../lib/refusal';
import { leadingHonorific } from '../../../shared/names';
import { AutoText } from '../save/AutoText';
import { useKeyState } from '../save/hooks';
import { pushSave } from '../save/queue';
import { conferenceKey, saveConferenceField } from '../store/actions';
import { patchConference, useConf } from '../store/conference';

let uid = 0;
const nextUid = () => ++uid;

/**
 * A list saved as one value of the conference (chairs, guests): rows keep a stable key
 * while typed into, an edit saves the whole list, adding or removing a row saves at once.
 */
function useAutosavedList<T extends object, F extends 'chairs' | 'guests'>(initial: T[], field: F, toValue: (rows: T[]) => Parameters<typeof saveConferenceField<F>>[1]) {
  const [rows, setRows] = useState(() => initial.map((row) => ({ uid: nextUid(), ...row })));
  const rowsRef = useRef(rows);
  const key = conferenceKey(field);
  const send = () => saveConferenceField(field, toValue(rowsRef.current));
  return {
    rows,
    key,
    /** What a field's autosave calls: the row changed, the list is saved. */
    update: (at: number, patch: Partial<T>) => {
      rowsRef.current = rowsRef.current.map((r, i) => (i === at ? { ...r, ...patch } : r));
      return send();
    },
    remove: (rowUid: number) => setAll(rowsRef.current.filter((r) => r.uid !== rowUid)),
    /** Adds a row and returns its key, for focusing its first box. */
    add: (row: T) => {
      const rowUid = nextUid();
      setAll([...rowsRef.current, { uid: rowUid, ...row }]);
      return rowUid;
    },
  };
  function setAll(next: typeof rows) {
    rowsRef.current = next;
    setRows(next);
    pushSave(key, send);
  }
}

function KindSelect(props: { kind: ConferenceKind }) {
  const [kind, setKind] = useState(props.kind);
  const key = conferenceKey('kind');
  const state = useKeyState(key);
  return (
    <select
      className="input"
      data-testid="conference-kind"
      value={kind}
      data-saved={state === 'saved' ? 'true' : 'false'}
      onChange={(e) => {
        const value = e.target.value as ConferenceKind;
        setKind(value);
        pushSave(key, () => saveConferenceField('kind', value));
      }}
    >
      {CONFERENCE_KINDS.map((k) => (
        <option key={k} value={k}>
          {KIND_LABELS[k]}
        </option>
      ))}
    </select>
  );
}

/** Chairs: rows of name + position; the whole list is one autosaved value. */
function ChairsEditor(props: { chairs: Person[] }) {
  const list = useAutosavedList(props.chairs, 'chairs', (rows) => rows.map(({ name, position }) => ({ name, position })));
  return (
    <div className="list-editor" data-testid="chairs">
      {list.rows.map((row, i) => (
        <div className="list-row" key={row.uid} data-testid="chair-row" data-row-uid={row.uid}>
          <AutoText className="input" aria-label={vi.prepare.chairName} placeholder={vi.prepare.chairName} data-testid="chair-name" initial={row.name} saveKey={list.key} save={(v) => list.update(i, { name: v })} warn={honorificWarning} />
          <AutoText
            className="input"
            aria-label={vi.prepare.chairPosition}
            placeholder={vi.prepare.chairPosition}
            data-testid="chair-position"
            initial={row.position}
            saveKey={list.key}
            save={(v) => list.update(i, { position: v })}
          />
          <button type="button" className="btn btn-small btn-ghost" onClick={() => list.remove(row.uid)}>
            {vi.prepare.remove}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        data-testid="add-chair"
        onClick={() => focusSoon(`[data-testid="chair-row"][data-row-uid="${list.add({ name: '', position: '' })}"] [data-testid="chair-name"]`)}
      >
        {vi.prepare.addChair}
      </button>
    </div>
  );
}

function GuestsEditor(props: { guests: string[] }) {
  const list = useAutosavedList(
    props.guests.map((text) => ({ text })),
    'guests',
    (rows) => rows.map((r) => r.text),
  );
  return (
    <div className="list-editor" data-testid="guests">
      {list.rows.map((row, i) => (
        <div className="list-row" key={row.uid} data-testid="guest-row" data-row-uid={row.uid}>
          <AutoText
            className="input grow"
            aria-label={vi.prepare.guest}
            placeholder={vi.prepare.guest}
            data-testid="guest-input"
            initial={row.text}
            saveKey={list.key}
            save={(v) => list.update(i, { text: v })}
          />
          <button type="button" className="btn btn-small btn-ghost" onClick={() => list.remove(row.uid)}>
            {vi.prepare.remove}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        data-testid="add-guest"
        onClick={() => focusSoon(`[data-testid="guest-row"][data-row-uid="${list.add({ text: '' })}"] [data-testid="guest-input"]`)}
      >
        {vi.prepare.addGuest}
      </button>
    </div>
  );
}

function SecretaryEditor(props: { secretary: Person }) {
  const value = useRef(props.secretary);
  const key = conferenceKey('secretary');
  const save = (field: 'name' | 'position', v: string) => {
    value.current = { ...value.current, [field]: v };
    return saveConferenceField('secretary', value.current);
  };
  return (
    <div className="list-row">
      <AutoText className="input" aria-label={vi.prepare.secretaryName} placeholder={vi.prepare.secretaryName} data-testid="secretary-name" initial={props.secretary.name} saveKey={key} save={(v) => save('name', v)} warn={honorificWarning} />
      <AutoText
        className="input"
        aria-label={vi.prepare.secretaryPosition}
        placeholder={vi.prepare.secretaryPosition}
        data-testid="secretary-position"
        initial={props.secretary.position}
        saveKey={key}
        save={(v) => save('position', v)}
      />
    </div>
  );
}

/** The backend's refusal of a field's value, under the field. */
function FieldRefusal(props: { message: string | null; testId: string }) {
  if (!props.message) return null;
  return (
    <span className="field-message" role="alert" data-testid={props.testId}>
      {props.message}
    </span>
  );
}

type Checked = Pick<Conference, 'title' | 'startTime' | 'endTime'>;

/**
 * A title is required, but Unikey empties the box for a moment while it rewrites the first
 * letters ("H", "Ho", ⌫⌫, "Hộ"): an empty title stays on screen unsent instead of being
 * refused by the backend at every such keystroke.
 */
/** The documents write "đồng chí …" themselves: an honorific typed into a chair's or the secretary's name is pointed out. */
const honorificWarning = (value: string): string | null => {
  const h = leadingHonorific(value);
  return h ? vi.names.honorific(h) : null;
};

const requiredTitle = (value: string): string | null => (value.trim() === '' ? vi.errors.required : null);

/**
 * Saves a field the backend may refuse. The local copy (header, banners) took the typed
 * value at once; a refused one is taken back out, so the screens show what is stored.
 */
function saveChecked<K extends keyof Checked>(
  accepted: Checked,
  key: K,
  value: Checked[K],
  guard: (sent: Promise<Conference>) => Promise<Conference | null>,
): Promise<Conference | null> {
  return guard(saveConferenceField(key, value) as Promise<Conference>).then((saved) => {
    if (saved) accepted[key] = saved[key];
    else patchConference({ [key]: accepted[key] });
    return saved;
  });
}

type TimeKey = 'startTime' | 'endTime';

/** Start and end: the backend refuses an end before the start and says so under the box changed. */
function TimeFields(props: { accepted: Checked }) {
  const { accepted } = props;
  const start = useRefusal();
  const end = useRefusal();
  // The pair is judged together: a value refused because of the other one is still on
  // screen, so once the other is accepted it is sent again (and stored, or refused anew).
  const refusedValue = useRef<Partial<Record<TimeKey, string | null>>>({});
  const saveTime = (key: TimeKey, value: string | null): Promise<Conference | null> => {
    const which = key === 'startTime' ? start : end;
    return saveChecked(accepted, key, value, (sent) =>
      which.guard(sent).then((saved) => {
        if (saved === null) {
          refusedValue.current[key] = value;
          return saved;
        }
        delete refusedValue.current[key];
        const other: TimeKey = key === 'startTime' ? 'endTime' : 'startTime';
        if (other in refusedValue.current) {
          const again = refusedValue.current[other] ?? null;
          delete refusedValue.current[other];
          pushSave(conferenceKey(other), () => saveTime(other, again));
        }
        return saved;
      }),
    );
  };
  return (
    <>
      <label className="form-row">
        <span className="label">{vi.prepare.startTime}</span>
        <AutoText
          className="input input-time"
          data-testid="conference-start"
          placeholder="HH:mm"
          inputMode="numeric"
          initial={accepted.startTime}
          saveKey={conferenceKey('startTime')}
          validate={timeProblem}
          save={(v) => saveTime('startTime', v.trim())}
        />
        <FieldRefusal message={start.message} testId="conference-start-message" />
      </label>
      <label className="form-row">
        <span className="label">{vi.forms.endTime}</span>
        <AutoText
          className="input input-time"
          data-testid="conference-end"
          placeholder="HH:mm"
          inputMode="numeric"
          title={vi.forms.endTimeHint}
          initial={accepted.endTime ?? ''}
          saveKey={conferenceKey('endTime')}
          validate={(v) => (v.trim() === '' ? null : timeProblem(v))}
          save={(v) => saveTime('endTime', v.trim() === '' ? null : v.trim())}
        />
        <FieldRefusal message={end.message} testId="conference-end-message" />
      </label>
    </>
  );
}

export function ConferenceForm() {
  // Read once: the form owns its values while mounted.
  const conference = useConf((s) => s.conference)!;
  const initial = useRef(conference).current;
  const key = conferenceKey;
  const title = useRefusal();
  const accepted = useRef<Checked>({ title: initial.title, startTime: initial.startTime, endTime: initial.endTime }).current;
  return (
    <div className="form conference-form">
      <label className="form-row wide">
        <span className="label">{vi.prepare.confTitle}</span>
        <AutoText
          multiline
          rows={2}
          className="input textarea"
          data-testid="conference-title"
          initial={initial.title}
          saveKey={key('title')}
          save={(v) => saveChecked(accepted, 'title', v, title.guard)}
          validate={requiredTitle}
        />
        <FieldRefusal message={title.message} testId="conference-title-message" />
      </label>
      <div className="form-grid">
        <label className="form-row">
          <span className="label">{vi.prepare.kind}</span>
          <KindSelect kind={initial.kind} />
        </label>
        <label className="form-row">
          <span className="label">{vi.prepare.date}</span>
          <AutoText
            className="input input-date"
            data-testid="conference-date"
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            initial={formatDateVn(initial.date)}
            saveKey={key('date')}
            validate={dateProblem}
            save={(v) => saveConferenceField('date', parseDateVn(v)!)}
          />
        </label>
        <TimeFields accepted={accepted} />
      </div>
      <label className="form-row wide">
        <span className="label">{vi.prepare.location}</span>
        <AutoText className="input" data-testid="conference-location" initial={initial.location} saveKey={key('location')} save={(v) => saveConferenceField('location', v)} />
      </label>
      <label className="form-row wide">
        <span className="label">{vi.prepare.planRef}</span>
        <AutoText className="input" data-testid="conference-planref" initial={initial.planRef} saveKey={key('planRef')} save={(v) => saveConferenceField('planRef', v)} />
      </label>
      <div className="form-row wide">
        <span className="label">{vi.prepare.chairs}</span>
        <ChairsEditor chairs={initial.chairs} />
      </div>
      <div className="form-row wide">
        <span className="label">{vi.prepare.secretary}</span>
        <SecretaryEditor secretary={initial.secretary} />
      </div>
      <div className="form-row wide">
        <span className="label">{vi.prepare.guests}</span>
        <GuestsEditor guests={initial.guests} />
      </div>
      <div className="form-grid">
        <label className="form-row">
          <span className="label">{vi.prepare.attendeeCount}</span>
          <AutoText
            className="input input-number"
            data-testid="attendee-count"
            inputMode="numeric"
            initial={initial.attendeeCount === null ? '' : String(initial.attendeeCount)}
            saveKey={key('attendeeCount')}
            validate={countProblem}
            save={(v) => saveConferenceField('attendeeCount', v.trim() === '' ? null : Number(v.trim()))}
          />
        </label>
        <label className="form-row grow">
          <span className="label">{vi.prepare.attendanceNote}</span>
          <AutoText className="input" data-testid="attendance-note" initial={initial.attendanceNote} saveKey={key('attendanceNote')} save={(v) => saveConferenceField('attendanceNote', v)} />
        </label>
      </div>
      <label className="form-row wide">
        <span className="label">{vi.prepare.report}</span>
        <AutoText multiline rows={2} className="input textarea" data-testid="conference-report" initial={initial.report} saveKey={key('report')} save={(v) => saveConferenceField('report', v)} />
      </label>
    </div>
  );
}
