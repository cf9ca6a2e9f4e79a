/** The live screen: keyboard-first recording of turns and concerns, counters always in view. */
import { memo, useEffect, useState } from 'react';
import { formatTime } from '../../../shared/dates';
import { vi } from '../i18n/vi';
import { timeProblem } from '../lib/format';
import { ConcernItem } from '../components/ConcernItem';
import { Counters } from '../components/Counters';
import { TurnItem } from '../components/TurnItem';
import { currentTurnId, useRecordingShortcuts } from '../lib/shortcuts';
import { AutoText } from '../save/AutoText';
import { addConcern, closeConference, conferenceKey, reopenConference, saveConferenceField, startTurn } from '../store/actions';
import { loadAgencies } from '../store/agencies';
import { loadDeadlineDays } from '../store/deadline-days';
import { nextRegisteredSpeaker, useConf } from '../store/conference';
import { ConferenceGate } from './ConferenceGate';
import { isComposingKey } from '../lib/keys';
import { detailForRepeatedName } from '../lib/names';

const TurnList = memo(function TurnList() {
  const ids = useConf((s) => s.turnIds);
  if (ids.length === 0) return <p className="empty" data-testid="no-turns">{vi.live.noTurns}</p>;
  return (
    <div className="turns" data-testid="turn-list">
      {ids.map((id, i) => (
        <TurnItem key={id} id={id} number={i + 1} />
      ))}
    </div>
  );
});

function PrecollectedPanel() {
  const ids = useConf((s) => s.precollectedIds);
  if (ids.length === 0) return null;
  return (
    <details className="card precollected-panel" data-precollected="true">
      <summary>{vi.live.precollected(ids.length)}</summary>
      {ids.map((id, i) => (
        <ConcernItem key={id} id={id} number={i + 1} />
      ))}
    </details>
  );
}

/** Organisation/address beside a registered name that another registered speaker shares. */
function QueueDetail(props: { id: string }) {
  const detail = useConf((s) => {
    const speaker = s.speakers[props.id];
    if (!speaker) return null;
    return detailForRepeatedName(speaker, s.registeredIds.map((id) => s.speakers[id]).filter((x) => x !== undefined));
  });
  return detail ? <span className="queue-detail" data-testid="queue-detail">{detail}</span> : null;
}

function Queue() {
  const registered = useConf((s) => s.registeredIds);
  const speakers = useConf((s) => s.speakers);
  const next = useConf(nextRegisteredSpeaker);
  const spoke = useConf((s) => {
    const set = new Set<string>();
    for (const t of s.turnIds) set.add(s.turns[t]!.speakerId);
    return [...set].sort().join(',');
  });
  const spokeSet = new Set(spoke.split(','));
  return (
    <section className="side-card">
      <h2>{vi.live.queue}</h2>
      {registered.length === 0 ? (
        <p className="muted">{vi.live.queueEmpty}</p>
      ) : (
        <ol className="queue" data-testid="queue">
          {registered.map((id) => {
            const s = speakers[id];
            if (!s) return null;
            const isNext = id === next;
            return (
              <li key={id} className={isNext ? 'queue-next' : spokeSet.has(id) ? 'queue-done' : undefined}>
                <span className="queue-name">{s.name}</span>
                <QueueDetail id={id} />
                {isNext ? <span className="badge">{vi.live.next}</span> : spokeSet.has(id) ? <span className="badge badge-muted">{vi.live.spoke}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function Shortcuts() {
  return (
    <section className="side-card">
      <h2>{vi.live.shortcuts}</h2>
      <dl className="shortcuts" data-testid="shortcuts">
        {vi.shortcuts.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * "Kết thúc hội nghị?": the end time, offered from the clock and corrected here when the
 * clock is wrong for the minutes (read after midnight, or the secretary closes late).
 * Enter confirms; a time before the start is refused under the box and the dialog stays.
 */
function CloseDialog(props: { onClose: () => void }) {
  const [endTime, setEndTime] = useState(() => formatTime(new Date()));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !isComposingKey(e)) props.onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);
  const confirm = async () => {
    const typed = endTime.trim();
    const badFormat = timeProblem(typed);
    if (badFormat) {
      setProblem(badFormat);
      return;
    }
    setBusy(true);
    const refused = await closeConference(typed);
    setBusy(false);
    if (refused) setProblem(refused);
    else props.onClose();
  };
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="close-title"
        data-testid="close-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <h2 id="close-title">{vi.live.closeConfirmTitle}</h2>
        <label className="form-row">
          <span className="label">{vi.forms.closeEndTime}</span>
          <input
            type="text"
            className="input input-time"
            data-testid="close-end-time"
            inputMode="numeric"
            placeholder="HH:mm"
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
            value={endTime}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'close-end-problem' : undefined}
            onChange={(e) => {
              setEndTime(e.target.value);
              setProblem(null);
            }}
          />
          {problem ? (
            <span className="field-message" role="alert" id="close-end-problem" data-testid="close-end-message">
              {problem}
            </span>
          ) : null}
        </label>
        <p>{vi.live.closeConfirmText}</p>
        <div className="actions">
          <button type="submit" className="btn btn-primary" data-testid="confirm-close" disabled={busy}>
            {vi.live.closeConfirm}
          </button>
          <button type="button" className="btn" data-testid="cancel-close" onClick={props.onClose}>
            {vi.live.cancel}
          </button>
        </div>
      </form>
    </div>
  );
}

function Conclusion() {
  const initial = useConf((s) => s.conference?.conclusion ?? '');
  const [first] = useState(initial);
  return (
    <AutoText
      multiline
      rows={5}
      className="input textarea"
      id="conclusion"
      data-testid="conclusion"
      aria-label={vi.live.conclusion}
      initial={first}
      saveKey={conferenceKey('conclusion')}
      save={(v) => saveConferenceField('conclusion', v)}
    />
  );
}

function LiveBody() {
  const status = useConf((s) => s.conference?.status);
  const endTime = useConf((s) => s.conference?.endTime ?? null);
  const [confirming, setConfirming] = useState(false);
  useRecordingShortcuts('live');
  useEffect(() => {
    void loadAgencies();
    void loadDeadlineDays();
  }, []);
  return (
    <main className="live" data-testid="live-screen">
      <div className="live-bar">
        <Counters />
        <div className="live-actions">
          <button type="button" className="btn btn-primary btn-large" data-testid="new-turn-button" onClick={() => void startTurn()}>
            {vi.live.newTurn}
          </button>
          <button
            type="button"
            className="btn btn-large"
            data-testid="new-concern-button"
            onClick={() => {
              const turnId = currentTurnId();
              if (turnId) void addConcern(turnId);
            }}
          >
            {vi.live.newConcern}
          </button>
        </div>
      </div>
      {status === 'closed' ? (
        <div className="banner" data-testid="closed-banner">
          <span>{vi.live.closedBanner(endTime ?? '')}</span>
          <button type="button" className="btn btn-small" onClick={() => void reopenConference()}>
            {vi.live.reopen}
          </button>
        </div>
      ) : status === 'draft' ? (
        <div className="banner banner-muted">{vi.live.notStarted}</div>
      ) : null}
      <div className="live-columns">
        <div className="live-main">
          <PrecollectedPanel />
          <TurnList />
        </div>
        <aside className="live-side">
          <Queue />
          <section className="side-card">
            <h2>
              <label htmlFor="conclusion">{vi.live.conclusion}</label>
            </h2>
            <Conclusion />
            <button type="button" className="btn btn-danger-solid" data-testid="close-conference" disabled={status === 'closed'} onClick={() => setConfirming(true)}>
              {vi.live.close}
            </button>
          </section>
          <Shortcuts />
        </aside>
      </div>
      {confirming ? <CloseDialog onClose={() => setConfirming(false)} /> : null}
    </main>
  );
}

export function LiveScreen(props: { id: string }) {
  return (
    <ConferenceGate id={props.id} editing>
      <LiveBody />
    </ConferenceGate>
  );
}

