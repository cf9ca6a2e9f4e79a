/**
 * "Tổng hợp": the parent unit imports what its child units sent up, sees who has reported
 * for the period, and reads (and downloads) the counts over all of it.
 */
import { useEffect } from 'react';
import { vi } from '../i18n/vi';
import { AddChildUnit } from '../components/AddChildUnit';
import { AggregateTables } from '../components/AggregateTables';
import { ChildUnitTree } from '../components/ChildUnitTree';
import { CompletenessPanel } from '../components/CompletenessPanel';
import { ImportPanel } from '../components/ImportPanel';
import { PeriodPicker } from '../components/PeriodPicker';
import { useApp } from '../store/app';
import { loadOverview, useOverview } from '../store/overview';

export function OverviewScreen() {
  const overview = useOverview((s) => s.overview);
  const error = useOverview((s) => s.error);
  const loading = useOverview((s) => s.loading);
  const hasUnit = useApp((s) => s.unit !== null);

  useEffect(() => {
    void loadOverview();
  }, []);

  return (
    <main className="page overview" data-testid="overview-screen" aria-busy={loading || undefined}>
      <h1>{vi.overview.title}</h1>
      <p className="lead">{vi.overview.intro}</p>
      <ImportPanel />
      <PeriodPicker />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {overview ? (
        <>
          <CompletenessPanel completeness={overview.completeness} />
          <ChildUnitTree units={overview.units} completeness={overview.completeness.units} />
          {hasUnit ? <AddChildUnit /> : <p className="hint">{vi.overview.addUnitNeedsSetup}</p>}
          <AggregateTables aggregate={overview.aggregate} period={{ from: overview.completeness.from, to: overview.completeness.to }} />
        </>
      ) : error ? null : (
        <p className="muted">{vi.app.loading}</p>
      )}
    </main>
  );
}
