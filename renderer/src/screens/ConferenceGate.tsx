/** Loads the conference of the route (once) and shows its body when ready. */
import { useEffect, type ReactNode } from 'react';
import { vi } from '../i18n/vi';
import { loadConference } from '../store/actions';
import { useConf } from '../store/conference';
import { navigate } from '../store/app';

export function ConferenceGate(props: { id: string; children: ReactNode }) {
  const loadedId = useConf((s) => s.id);
  const ready = useConf((s) => s.conference !== null && s.id === props.id);
  const error = useConf((s) => s.error);
  useEffect(() => {
    if (loadedId !== props.id) void loadConference(props.id);
  }, [props.id, loadedId]);
  if (error) {
    return (
      <main className="page">
        <p className="error" role="alert">
          {error}
        </p>
        <button type="button" className="btn" onClick={() => navigate({ name: 'list' })}>
          {vi.nav.back}
        </button>
      </main>
    );
  }
  if (!ready) return <main className="page muted">{vi.app.loading}</main>;
  return <>{props.children}</>;
}
