/** Preparing a conference: details, registration list, the Front's pre-collected concerns. */
import { useEffect } from 'react';
import { vi } from '../i18n/vi';
import { CarryOverPanel } from '../components/CarryOverPanel';
import { ConcernItem } from '../components/ConcernItem';
import { ConferenceForm } from '../components/ConferenceForm';
import { RegisteredSpeakers } from '../components/RegisteredSpeakers';
import { useRecordingShortcuts } from '../lib/shortcuts';
import { addConcern, reopenConference, startConference } from '../store/actions';
import { loadAgencies } from '../store/agencies';
import { navigate } from '../store/app';
import { useConf } from '../store/conference';
import { ConferenceGate } from './ConferenceGate';

function Precollected() {
  const ids = useConf((s) => s.precollectedIds);
  return (
    <div className="precollected" data-precollected="true">
      <p className="hint">{vi.prepare.precollectedHint}</p>
      {ids.length === 0 ? <p className="empty">{vi.prepare.noPrecollected}</p> : null}
      {ids.map((id, i) => (
        <ConcernItem key={id} id={id} number={i + 1} />
      ))}
      <button type="button" className="btn" data-testid="add-precollected" onClick={() => void addConcern(null)}>
        {vi.prepare.addPrecollected}
      </button>
    </div>
  );
}

function PrepareBody() {
  const id = useConf((s) => s.id)!;
  const status = useConf((s) => s.conference?.status);
  useRecordingShortcuts('prepare');
  useEffect(() => {
    void loadAgencies();
  }, []);
  return (
    <main className="page" data-testid="prepare-screen">
      <div className="page-head">
        <h1>{vi.prepare.title}</h1>
        <div className="page-head-actions">
          {status === 'draft' ? (
            <button
              type="button"
              className="btn btn-primary btn-large"
              data-testid="start-conference"
              onClick={async () => {
                if (await startConference()) navigate({ name: 'live', id });
              }}
            >
              {vi.prepare.start}
            </button>
          ) : (
            <button type="button" className="btn btn-primary btn-large" data-testid="go-live" onClick={() => navigate({ name: 'live', id })}>
              {vi.prepare.goLive}
            </button>
          )}
          {status === 'closed' ? (
            <button type="button" className="btn" onClick={() => void reopenConference()}>
              {vi.prepare.reopen}
            </button>
          ) : null}
        </div>
      </div>
      <section className="card">
        <h2>{vi.prepare.general}</h2>
        <ConferenceForm />
      </section>
      <CarryOverPanel />
      <section className="card">
        <h2>{vi.prepare.speakers}</h2>
        <RegisteredSpeakers />
      </section>
      <section className="card">
        <h2>{vi.prepare.precollected}</h2>
        <Precollected />
      </section>
    </main>
  );
}

export function PrepareScreen(props: { id: string }) {
  return (
    <ConferenceGate id={props.id} editing>
      <PrepareBody />
    </ConferenceGate>
  );
}
