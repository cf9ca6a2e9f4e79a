/** First run: the secretary describes her unit, or loads the demo data. */
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import { UnitForm } from '../components/UnitForm';
import { navigate, showNotice, useApp } from '../store/app';
import { track } from '../save/queue';

export async function loadDemo(): Promise<void> {
  await track(() => api.call('demo.load', {}));
  const [unit, fields] = await Promise.all([api.call('unit.get', {}), api.call('fields.list', {})]);
  useApp.setState({ unit, fields });
  navigate({ name: 'list' });
}

export function SetupScreen() {
  const [busy, setBusy] = useState(false);
  return (
    <main className="page page-narrow" data-testid="setup-screen">
      <h1>{vi.setup.title}</h1>
      <p className="lead">{vi.setup.intro}</p>
      {/* The unit is written once, when the form is saved; then on to the list. */}
      <UnitForm
        unit={null}
        suggest
        submitLabel={vi.unitForm.setupSave}
        submitTestId="setup-continue"
        disabled={busy}
        onSaved={(unit) => {
          useApp.setState({ unit });
          navigate({ name: 'list' });
        }}
      />
      <div className="actions">
        <span className="actions-spacer" />
        <button
          type="button"
          className="btn"
          data-testid="demo-load"
          disabled={busy}
          title={vi.setup.demoHint}
          onClick={async () => {
            setBusy(true);
            try {
              await loadDemo();
            } catch (error) {
              showNotice(errorMessage(error), 'error');
            } finally {
              setBusy(false);
            }
          }}
        >
          {busy ? vi.setup.demoLoading : vi.setup.demo}
        </button>
      </div>
      <p className="setup-secondary">
        <a
          href="#/tong-hop"
          data-testid="setup-overview-only"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'overview' });
          }}
        >
          {vi.setup.overviewOnly}
        </a>{' '}
        <span className="muted small">{vi.setup.overviewOnlyHint}</span>
      </p>
    </main>
  );
}
