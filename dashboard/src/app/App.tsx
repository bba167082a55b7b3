import { Suspense, lazy, useEffect, useMemo, useState, type ReactNode } from 'react';
import { JurisdictionName } from '../lib/JurisdictionName.js';
import { useTranslation } from 'react-i18next';
import { Provider, useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { currentToken, keepCognitoTokenFresh, onSignOut, signOut, tokenHasRole, viewerFromToken } from '../auth/session.js';
import type { DashboardConfig } from '../config.js';
import { NoGroup, SignIn } from '../features/sign-in/SignIn.js';
import { Overview } from '../features/overview/Overview.js';
import { createApiClients, type ApiClients, type LiveStatus } from './client.js';
import { LanguageSwitch } from '../lib/LanguageSwitch.js';
import { LiveContext, useLive } from '../lib/live.js';
import { Link, Router, matchPath, useRouter } from '../lib/router.js';
import { mayLog, ViewerContext, type ViewerInfo } from '../lib/viewer.js';

const Wallboard = lazy(() => import('../features/overview/Wallboard.js').then((m) => ({ default: m.Wallboard })));
const WardsPage = lazy(() => import('../features/ward/WardPage.js').then((m) => ({ default: m.WardsPage })));
const WardPage = lazy(() => import('../features/ward/WardPage.js').then((m) => ({ default: m.WardPage })));
const TaxPage = lazy(() => import('../features/tax/TaxPage.js').then((m) => ({ default: m.TaxPage })));
const TaxQuestionsPage = lazy(() => import('../features/tax/TaxQuestionsPage.js').then((m) => ({ default: m.TaxQuestionsPage })));
const BusinessRecordPage = lazy(() => import('../features/businesses/BusinessRecordPage.js').then((m) => ({ default: m.BusinessRecordPage })));
const ConcernsBoard = lazy(() => import('../features/concerns/ConcernsBoard.js').then((m) => ({ default: m.ConcernsBoard })));
const DeadlineRules = lazy(() => import('../features/concerns/DeadlineRules.js').then((m) => ({ default: m.DeadlineRules })));
const ConcernPage = lazy(() => import('../features/concerns/ConcernPage.js').then((m) => ({ default: m.ConcernPage })));
const LoggingPage = lazy(() => import('../features/logging/LoggingPage.js').then((m) => ({ default: m.LoggingPage })));
const Kiosk = lazy(() => import('../features/logging/Kiosk.js').then((m) => ({ default: m.Kiosk })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.js').then((m) => ({ default: m.ReportsPage })));
const UnitsPage = lazy(() => import('../features/units/UnitsPage.js').then((m) => ({ default: m.UnitsPage })));
const HandoverPage = lazy(() => import('../features/units/UnitsPage.js').then((m) => ({ default: m.HandoverPage })));
const VoicePage = lazy(() => import('../features/voice/VoicePage.js').then((m) => ({ default: m.VoicePage })));
const Explorer = lazy(() => import('../features/explorer/Explorer.js').then((m) => ({ default: m.Explorer })));

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id role ward { id name }
      abilities { mayWrite readOnlyReason sessionKinds mayRegisterBusinesses mayAssignSuccessors mayApplyReorganisations mayHandleTaxQuestions mayChangeDeadlineRules }
    }
  }
`);

export function App({ config }: { config: DashboardConfig }) {
  const [token, setToken] = useState(currentToken);
  if (!token) return <SignIn config={config} onSignedIn={setToken} />;
  // Signed in, but in no group: no data, no socket, only what to do about it.
  if (!tokenHasRole(token)) return <NoGroup config={config} />;
  return (
    <Router>
      <SignedIn config={config} token={token} onSignedOut={() => setToken(undefined)} />
    </Router>
  );
}

function SignedIn({ config, token, onSignedOut }: { config: DashboardConfig; token: string; onSignedOut(): void }) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [epoch, setEpoch] = useState(0);
  const [clients, setClients] = useState<ApiClients>();
  // NOTE: created in an effect, not during render: a render React throws away must not leave a socket open.
  useEffect(() => {
    let current = true;
    const created = createApiClients({
      config,
      token: () => currentToken() ?? token,
      onStatus: (next) => current && setStatus(next),
      onReconnected: () => current && setEpoch((n) => n + 1),
      onUnauthenticated: () => {
        if (!current) return;
        localStorage.removeItem('dp.token');
        onSignedOut();
      },
    });
    setClients(created);
    // A renewed ID token (before the old one expires) moves the open WebSocket to it: the server closes
    // a socket whose token has expired, and a move loses no live update where a reconnect could.
    const stopRenewing = config.auth.kind === 'cognito' ? keepCognitoTokenFresh(config.auth, () => void created.moveToNewToken()) : undefined;
    const forgetOnSignOut = onSignOut(() => {
      stopRenewing?.();
      return created.dispose();
    });
    return () => {
      current = false;
      forgetOnSignOut();
      stopRenewing?.();
      void created.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config, token]);
  const live = useMemo(() => ({ status, epoch }), [status, epoch]);
  if (!clients) return null;
  return (
    <Provider value={clients.client}>
      <LiveContext.Provider value={live}>
        <WithViewer config={config} token={token} />
      </LiveContext.Provider>
    </Provider>
  );
}

function WithViewer({ config, token }: { config: DashboardConfig; token: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-first' });
  // NOTE: the token's claims draw the screens at once (one round trip less before the first numbers);
  // the API's own answer replaces them as soon as it arrives, and the API enforces every rule anyway.
  const claimed = useMemo(() => viewerFromToken(token), [token]);
  const viewer: ViewerInfo | undefined = data ? { id: data.viewer.id, role: data.viewer.role, ward: data.viewer.ward, abilities: data.viewer.abilities } : claimed;
  if (error && !data) return <main className="centered" role="alert">{t('errors.load')}: {error.message}</main>;
  if (!viewer) return <main className="centered" aria-busy="true">{t('common.loading')}</main>;
  return (
    <ViewerContext.Provider value={viewer}>
      <Routes config={config} token={token} viewer={viewer} />
    </ViewerContext.Provider>
  );
}

function Routes({ config, token, viewer }: { config: DashboardConfig; token: string; viewer: ViewerInfo }) {
  const { path } = useRouter();
  const { t } = useTranslation();
  if (path === '/wallboard') {
    return <Suspense fallback={<p className="centered">{t('common.loading')}</p>}><Wallboard /></Suspense>;
  }
  let page: ReactNode;
  let params: Record<string, string> | undefined;
  if (path === '/' || path === '/overview') page = <Overview />;
  else if (path === '/wards') page = <WardsPage />;
  else if ((params = matchPath('/ward/:id', path))) page = <WardPage id={params.id!} />;
  else if (path === '/tax') page = <TaxPage />;
  else if (path === '/tax/questions') page = <TaxQuestionsPage />;
  else if ((params = matchPath('/businesses/:taxCode', path))) page = <BusinessRecordPage taxCode={decodeURIComponent(params.taxCode!)} />;
  else if (path === '/concerns') page = <ConcernsBoard />;
  else if (path === '/deadlines') page = <DeadlineRules />;
  else if ((params = matchPath('/concerns/:id', path))) page = <ConcernPage id={params.id!} />;
  else if (path === '/units') page = <UnitsPage />;
  else if (path === '/handover') page = <HandoverPage />;
  else if ((path === '/logging' || path.startsWith('/kiosk/')) && !viewer.abilities) page = <p aria-busy="true">{t('common.loading')}</p>;
  else if (path === '/logging' && mayLog(viewer)) page = <LoggingPage />;
  else if ((params = matchPath('/kiosk/:sessionId', path)) && mayLog(viewer)) page = <Kiosk sessionId={params.sessionId!} />;
  else if (path === '/reports') page = <ReportsPage />;
  else if (path === '/voice') page = <VoicePage />;
  else if (path === '/explorer') page = <Explorer config={config} token={token} />;
  else page = <NotFound />;
  return <Shell config={config} viewer={viewer}>{page}</Shell>;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('errors.notFound')}</h1>
      <Link to="/">{t('nav.overview')}</Link>
    </section>
  );
}

function LiveBadge() {
  const { t } = useTranslation();
  const { status } = useLive();
  return (
    <span className={`live-badge ${status}`} role="status" data-testid="live-status" data-status={status}>
      <span aria-hidden="true" className="dot" /> {t(`live.${status}`)}
    </span>
  );
}

function Shell({ config, viewer, children }: { config: DashboardConfig; viewer: ViewerInfo; children: ReactNode }) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const { path } = useRouter();
  useEffect(() => setMenuOpen(false), [path]);
  const items: [string, string][] = [
    ['/', 'nav.overview'],
    ['/wards', 'nav.wards'],
    ['/tax', 'nav.tax'],
    ...(viewer.abilities?.mayHandleTaxQuestions ? ([['/tax/questions', 'nav.taxQuestions']] as [string, string][]) : []),
    ['/concerns', 'nav.concerns'],
    ['/voice', 'nav.voice'],
    ['/reports', 'nav.reports'],
    ['/units', 'nav.units'],
    ...(viewer.abilities?.mayAssignSuccessors ? ([['/handover', 'nav.handover']] as [string, string][]) : []),
    ...(mayLog(viewer) ? ([['/logging', 'nav.logging']] as [string, string][]) : []),
    ['/explorer', 'nav.explorer'],
    ['/wallboard', 'nav.wallboard'],
  ];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="topbar">
        <Link to="/" className="brand">{t('app.title')} <JurisdictionName className="brand-place" titled /></Link>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>
          {t('nav.menu')}
        </button>
        <nav id="main-nav" aria-label={t('nav.label')} className={menuOpen ? 'open' : undefined}>
          <ul>
            {items.map(([to, key]) => (
              <li key={to}>
                <Link to={to}>{t(key)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-tools">
          <LiveBadge />
          <span className="who" data-testid="viewer-role">
            {t(`role.${viewer.role}`)}
            {viewer.ward?.name ? ` · ${viewer.ward.name}` : ''}
            {viewer.ward && viewer.abilities && !viewer.abilities.mayWrite ? <span title={viewer.abilities.readOnlyReason ?? undefined}> · {t('ward.readOnly')}</span> : null}
          </span>
          <LanguageSwitch />
          <button type="button" className="link-button" onClick={() => void signOut(config)}>{t('nav.signOut')}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>{children}</Suspense>
      </main>
    </div>
  );
}
