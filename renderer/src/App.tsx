/** The shell: top bar (unit, navigation, save indicator), the current screen, the toasts. */
import { useEffect } from 'react';
import { isComposingKey } from './lib/keys';
import { api, errorMessage, hasToken, hostKind } from './api';
import { vi } from './i18n/vi';
import { SaveIndicator } from './components/SaveIndicator';
import { Toast, undoLast } from './components/Toast';
import { ConferenceListScreen } from './screens/ConferenceList';
import { DocumentsScreen } from './screens/Documents';
import { FollowupScreen } from './screens/Followup';
import { LiveScreen } from './screens/Live';
import { OverviewScreen } from './screens/Overview';
import { PrepareScreen } from './screens/Prepare';
import { SettingsScreen } from './screens/Settings';
import { SetupScreen } from './screens/Setup';
import { followAddress, navigate, useApp } from './store/app';
import { LeaveDialog } from './components/LeaveDialog';
import { useConf } from './store/conference';

async function boot(): Promise<void> {
  if (hostKind === 'web' && !hasToken) {
    useApp.setState({ fatal: vi.errors.noToken, ready: true });
    return;
  }
  try {
    const [unit, fields] = await Promise.all([api.call('unit.get', {}), api.call('fields.list', {})]);
    useApp.setState({ unit, fields, ready: true, fatal: null });
  } catch (error) {
    useApp.setState({ fatal: errorMessage(error), ready: true });
  }
}

function TopBar() {
  const unit = useApp((s) => s.unit);
  const route = useApp((s) => s.route);
  const inConference = route.name === 'live' || route.name === 'prepare' || route.name === 'documents';
  const title = useConf((s) => (inConference ? (s.conference?.title ?? '') : ''));
  const confId = inConference ? route.id : null;
  // A conference a child unit sent is only read here: no preparing, no recording. Its
  // links wait until the conference is loaded, so they never flash for an imported one.
  const loaded = useConf((s) => inConference && s.id === route.id && s.conference !== null);
  const imported = useConf((s) => inConference && s.id === route.id && s.imported !== null);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-name">{vi.app.name}</span>
        {unit ? <span className="brand-unit">{unit.name}</span> : null}
      </div>
      <nav className="nav" aria-label={vi.app.name}>
        {unit ? (
          <>
            <a
              href="#/"
              className={route.name === 'list' ? 'active' : undefined}
              data-testid="nav-list"
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'list' });
              }}
            >
              {vi.nav.list}
            </a>
            {confId && loaded && !imported ? (
              <>
                <a
                  href={`#/hoi-nghi/${confId}`}
                  className={route.name === 'prepare' ? 'active' : undefined}
                  data-testid="nav-prepare"
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ name: 'prepare', id: confId });
                  }}
                >
                  {vi.nav.prepare}
                </a>
                <a
                  href={`#/hoi-nghi/${confId}/truc-tiep`}
                  className={route.name === 'live' ? 'active' : undefined}
                  data-testid="nav-live"
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ name: 'live', id: confId });
                  }}
                >
                  {vi.nav.live}
                </a>
                <a
                  href={`#/hoi-nghi/${confId}/van-ban`}
                  className={route.name === 'documents' ? 'active' : undefined}
                  data-testid="nav-documents"
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ name: 'documents', id: confId });
                  }}
                >
                  {vi.nav.documents}
                </a>
              </>
            ) : null}
            <a
              href="#/theo-doi"
              className={route.name === 'followup' ? 'active' : undefined}
              data-testid="nav-followup"
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'followup' });
              }}
            >
              {vi.followup.nav}
            </a>
            <a
              href="#/tong-hop"
              className={route.name === 'overview' || imported ? 'active' : undefined}
              data-testid="nav-overview"
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'overview' });
              }}
            >
              {vi.nav.overview}
            </a>
            <a
              href="#/cai-dat"
              className={route.name === 'settings' ? 'active' : undefined}
              data-testid="nav-settings"
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'settings' });
              }}
            >
              {vi.nav.settings}
            </a>
          </>
        ) : route.name === 'overview' || route.name === 'documents' || route.name === 'followup' ? (
          <>
            <a
              href="#/"
              data-testid="nav-setup"
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'list' });
              }}
            >
              {vi.setup.backToSetup}
            </a>
            {/* A parent that only gathers its units' packages follows their matters too. */}
            <a
              href="#/theo-doi"
              className={route.name === 'followup' ? 'active' : undefined}
              data-testid="nav-followup"
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'followup' });
              }}
            >
              {vi.followup.nav}
            </a>
            <a
              href="#/tong-hop"
              className={route.name === 'overview' ? 'active' : undefined}
              data-testid="nav-overview"
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'overview' });
              }}
            >
              {vi.nav.overview}
            </a>
          </>
        ) : null}
      </nav>
      {title ? (
        <div className="topbar-title" title={title}>
          {title}
        </div>
      ) : (
        <div className="topbar-title" />
      )}
      <SaveIndicator />
    </header>
  );
}

function Screen() {
  const ready = useApp((s) => s.ready);
  const fatal = useApp((s) => s.fatal);
  const unit = useApp((s) => s.unit);
  const route = useApp((s) => s.route);
  if (!ready) return <main className="page muted">{vi.app.loading}</main>;
  if (fatal) {
    return (
      <main className="page page-narrow" data-testid="fatal">
        <h1>{vi.app.fatalTitle}</h1>
        <p className="error" role="alert">
          {fatal}
        </p>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {vi.app.reload}
        </button>
      </main>
    );
  }
  // The overview (and the conferences it opens) works before a unit is set up: an officer
  // may only gather what comes in.
  if (!unit) {
    if (route.name === 'overview') return <OverviewScreen />;
    if (route.name === 'followup') return <FollowupScreen />;
    if (route.name === 'documents') return <DocumentsScreen key={route.id} id={route.id} />;
    return <SetupScreen />;
  }
  switch (route.name) {
    case 'prepare':
      return <PrepareScreen key={route.id} id={route.id} />;
    case 'live':
      return <LiveScreen key={route.id} id={route.id} />;
    case 'documents':
      return <DocumentsScreen key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
    case 'overview':
      return <OverviewScreen />;
    case 'followup':
      return <FollowupScreen />;
    default:
      return <ConferenceListScreen />;
  }
}

export function App() {
  useEffect(() => {
    void boot();
    const onPop = () => followAddress(window.location.hash);
    const onKey = (e: KeyboardEvent) => {
      if (isComposingKey(e)) return;
      if (e.ctrlKey && e.shiftKey && !e.altKey && e.code === 'KeyZ') {
        e.preventDefault();
        void undoLast();
      }
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onPop);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onPop);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  return (
    <div className="app">
      <TopBar />
      <Screen />
      <Toast />
      <LeaveDialog />
    </div>
  );
}
