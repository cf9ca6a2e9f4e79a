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
import { followAddress, navigate, routeHash, useApp, type Route } from './store/app';
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

/** A link of the top bar: a real address (it opens in the same place after a reload), followed without reloading. */
function NavLink({ to, active = false, testId, children }: { to: Route; active?: boolean; testId: string; children: React.ReactNode }) {
  return (
    <a
      href={routeHash(to)}
      className={active ? 'active' : undefined}
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
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
            <NavLink to={{ name: 'list' }} active={route.name === 'list'} testId="nav-list">
              {vi.nav.list}
            </NavLink>
            {confId && loaded && !imported ? (
              <>
                <NavLink to={{ name: 'prepare', id: confId }} active={route.name === 'prepare'} testId="nav-prepare">
                  {vi.nav.prepare}
                </NavLink>
                <NavLink to={{ name: 'live', id: confId }} active={route.name === 'live'} testId="nav-live">
                  {vi.nav.live}
                </NavLink>
                <NavLink to={{ name: 'documents', id: confId }} active={route.name === 'documents'} testId="nav-documents">
                  {vi.nav.documents}
                </NavLink>
              </>
            ) : null}
            <NavLink to={{ name: 'followup' }} active={route.name === 'followup'} testId="nav-followup">
              {vi.followup.nav}
            </NavLink>
            <NavLink to={{ name: 'overview' }} active={route.name === 'overview' || imported} testId="nav-overview">
              {vi.nav.overview}
            </NavLink>
            <NavLink to={{ name: 'settings' }} active={route.name === 'settings'} testId="nav-settings">
              {vi.nav.settings}
            </NavLink>
          </>
        ) : route.name === 'overview' || route.name === 'documents' || route.name === 'followup' ? (
          <>
            <NavLink to={{ name: 'list' }} testId="nav-setup">
              {vi.setup.backToSetup}
            </NavLink>
            {/* A parent that only gathers its units' packages follows their matters too. */}
            <NavLink to={{ name: 'followup' }} active={route.name === 'followup'} testId="nav-followup">
              {vi.followup.nav}
            </NavLink>
            <NavLink to={{ name: 'overview' }} active={route.name === 'overview'} testId="nav-overview">
              {vi.nav.overview}
            </NavLink>
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
