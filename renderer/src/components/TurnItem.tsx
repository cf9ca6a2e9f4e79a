/** One speaking turn: who, when, and the concerns raised. Memoised: typing elsewhere skips it. */
import { memo } from 'react';
import { vi } from '../i18n/vi';
import { timeOf, timeProblem } from '../lib/format';
import { AutoText } from '../save/AutoText';
import { addConcern, deleteTurn, saveSpeakerField, saveTurnSummary, saveTurnTime } from '../store/actions';
import { useConf } from '../store/conference';
import { ConcernItem } from './ConcernItem';
import { SpeakerBox } from './SpeakerBox';
import { DELETE_ITEM_KEYS } from '../lib/keys';

function SpeakerDetails(props: { speakerId: string }) {
  const speaker = useConf((s) => s.speakers[props.speakerId]);
  if (!speaker) return null;
  const id = speaker.id;
  const key = (f: string) => `speaker:${id}:${f}`;
  return (
    <div className="speaker-details">
      <label>
        <span className="label">{vi.live.speakerPosition}</span>
        <AutoText className="input" data-testid="speaker-position" initial={speaker.position} saveKey={key('position')} save={(v) => saveSpeakerField(id, 'position', v)} />
      </label>
      <label>
        <span className="label">{vi.live.speakerOrganization}</span>
        <AutoText
          className="input"
          data-testid="speaker-organization"
          initial={speaker.organization}
          saveKey={key('organization')}
          save={(v) => saveSpeakerField(id, 'organization', v)}
        />
      </label>
      <label>
        <span className="label">{vi.live.speakerAddress}</span>
        <AutoText className="input" data-testid="speaker-address" initial={speaker.address} saveKey={key('address')} save={(v) => saveSpeakerField(id, 'address', v)} />
      </label>
    </div>
  );
}

/**
 * When the turn began, HH:mm, stamped by the clock and corrected here (a turn started
 * late, a laptop clock off): the server puts it on the conference date.
 */
function TurnTime(props: { id: string; startedAt: string }) {
  return (
    <label className="turn-time">
      <span>{vi.forms.turnTimeShort}</span>
      <AutoText
        className="input input-turn-time"
        data-testid="turn-time"
        aria-label={vi.forms.turnTime}
        inputMode="numeric"
        placeholder="HH:mm"
        initial={timeOf(props.startedAt)}
        saveKey={`turn:${props.id}:time`}
        validate={(v) => (timeProblem(v) ? vi.forms.turnTimeBad : null)}
        save={(v) => saveTurnTime(props.id, v.trim())}
      />
    </label>
  );
}

export const TurnItem = memo(function TurnItem(props: { id: string; number: number }) {
  const turn = useConf((s) => s.turns[props.id]);
  if (!turn) return null;
  return (
    <article className="turn" data-testid="turn-item" data-turn-id={turn.id} aria-label={vi.live.turnLabel(props.number)}>
      <header className="turn-head">
        <div className="turn-number">
          <span className="turn-seq">{vi.live.turnLabel(props.number)}</span>
          <TurnTime id={turn.id} startedAt={turn.startedAt} />
        </div>
        <div className="turn-speaker">
          <label className="block">
            <span className="label">{vi.live.speaker}</span>
            <SpeakerBox turnId={turn.id} />
          </label>
          <SpeakerDetails key={turn.speakerId} speakerId={turn.speakerId} />
        </div>
      </header>
      <div className="turn-concerns">
        {turn.concernIds.map((cid, i) => (
          <ConcernItem key={cid} id={cid} number={i + 1} />
        ))}
      </div>
      <footer className="turn-foot">
        <button type="button" className="btn btn-small" data-testid="turn-new-concern-button" onClick={() => void addConcern(turn.id)}>
          {vi.live.newConcern}
        </button>
        <label className="turn-summary">
          <span className="label">{vi.live.summary}</span>
          <AutoText className="input" data-testid="turn-summary" initial={turn.summary} saveKey={`turn:${turn.id}:summary`} save={(v) => saveTurnSummary(turn.id, v)} />
        </label>
        <button type="button" className="btn btn-small btn-ghost btn-danger" data-testid="delete-turn" onClick={() => deleteTurn(turn.id)} title={DELETE_ITEM_KEYS}>
          {vi.live.deleteTurn}
        </button>
      </footer>
    </article>
  );
});
