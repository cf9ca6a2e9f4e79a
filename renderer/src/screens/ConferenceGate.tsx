/**
 * Loads the conference of the route (once) and shows its body when ready. A conference a
 * child unit sent up is read-only here: the editing screens hand it to its documents view.
 */
import { useEffect, type ReactNode } from 'react';
import { vi } from '../i18n/vi';
import { loadConference } from '../store/actions';
import { useConf } from '../store/conference';
import { navigate } from '../store/app';

export function ConferenceGate(props: { id: string; editing?: boolean; children: ReactNode }) {
  const loadedId = useConf((s) => s.id);
  const ready = useConf((s) => s.conference !== null && s.id === props.id);
  const imported = useConf((s) => s.id === props.id && s.imported !== null);
  const error = useConf((s) => s.error);
  useEffect(() => {
    if (loadedId !== props.id) void loadConference(props.id);
  }, [props.id, loadedId]);
  const redirect = ready && imported && props.editing === true;
  useEffect(() => {
    if (redirect) navigate({ name: 'documents', id: props.id }, { replace: true });
  }, [redirect, props.id]);
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
  if (!ready || redirect) return <main className="page muted">{vi.app.loading}</main>;
  return <>{props.children}</>;
}
