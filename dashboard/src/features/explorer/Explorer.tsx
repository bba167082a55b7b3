import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardConfig } from '../../config.js';

// NOTE: GraphiQL and its Monaco editors are a few MB: they load only when the explorer is opened.
const GraphiQLPanel = lazy(() => import('./GraphiQLPanel.js'));

/** The analysts' GraphQL explorer, signed in as the dashboard's user; subscriptions over graphql-ws. */
export function Explorer({ config, token }: { config: DashboardConfig; token: string }) {
  const { t } = useTranslation();
  return (
    <section className="explorer" aria-labelledby="explorer-title">
      <div className="page-head">
        <h1 id="explorer-title">{t('explorer.title')}</h1>
        <p className="muted">{t('explorer.hint')}</p>
      </div>
      <Suspense fallback={<p aria-busy="true">{t('explorer.loading')}</p>}>
        <GraphiQLPanel config={config} token={token} />
      </Suspense>
    </section>
  );
}
