/**
 * "Theo dõi": every matter of every conference, filtered by outcome, deadline, agency,
 * field, conference, period (and unit at a parent); several updated at once from the
 * keyboard; the history of the one under the cursor beside the list; and the list per
 * agency to print.
 */
import { useEffect } from 'react';
import { vi } from '../i18n/vi';
import { focusSoon } from '../lib/focus';
import { FollowupDetail } from '../components/FollowupDetail';
import { FollowupFilters } from '../components/FollowupFilters';
import { FollowupList } from '../components/FollowupList';
import { FollowupPrint } from '../components/FollowupPrint';
import { StatusForm } from '../components/StatusForm';
import { loadAgencies } from '../store/agencies';
import { loadFollowup, loadLookups, openPrint, openUpdate, useFollowup } from '../store/followup';

const backToList = () => focusSoon('[data-testid="followup-list"]');

function Summary() {
  const shown = useFollowup((s) => s.items.length);
  const selected = useFollowup((s) => s.selected.length);
  const limited = useFollowup((s) => s.limit > 0 && s.items.length >= s.limit);
  const error = useFollowup((s) => s.error);
  return (
    <div className="followup-summary" aria-live="polite">
      <span data-testid="followup-count">{vi.followup.count(shown, selected)}</span>
      {limited ? <span className="hint-warning">{vi.followup.limited(shown)}</span> : null}
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function FollowupScreen() {
  const editing = useFollowup((s) => s.editing);
  const printing = useFollowup((s) => s.printing);
  const loaded = useFollowup((s) => s.loaded);
  const loading = useFollowup((s) => s.loading);

  useEffect(() => {
    void loadLookups();
    void loadAgencies();
    // Each visit asks again: outcomes may have changed on the live screen or by an import.
    void loadFollowup().then(backToList);
  }, []);

  if (printing) {
    return (
      <main className="page page-print" data-testid="followup-screen">
        <FollowupPrint onClose={backToList} />
      </main>
    );
  }

  return (
    <main className="followup" data-testid="followup-screen" aria-busy={loading || undefined}>
      <div className="page-head followup-page-head">
        <div>
          <h1>{vi.followup.title}</h1>
          <p className="hint">{vi.followup.intro}</p>
        </div>
        <div className="page-head-actions">
          <button type="button" className="btn btn-primary" data-testid="followup-update" onClick={() => openUpdate()}>
            {vi.followup.update}
          </button>
          <button type="button" className="btn" data-testid="followup-print-open" onClick={() => openPrint()}>
            {vi.followup.print}
          </button>
        </div>
      </div>
      <FollowupFilters />
      <Summary />
      <div className="followup-body">
        {loaded ? <FollowupList /> : <p className="muted">{vi.app.loading}</p>}
        <FollowupDetail />
      </div>
      {editing ? <StatusForm items={editing} onDone={backToList} /> : null}
    </main>
  );
}
