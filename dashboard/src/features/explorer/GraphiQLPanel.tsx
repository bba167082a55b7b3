import '@graphiql/react/setup-workers/vite';
import 'graphiql/style.css';
import { useEffect, useMemo } from 'react';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import { absoluteUrl, type DashboardConfig } from '../../config.js';
import { currentToken } from '../../auth/session.js';
import { EXAMPLE_OPERATIONS } from './examples.js';
import { runningTheDocument } from './operation-to-run.js';

/** GraphiQL with the user's token on HTTP requests and on the WebSocket's `connection_init`. */
export default function GraphiQLPanel({ config, token }: { config: DashboardConfig; token: string }) {
  const wsClient = useMemo(
    () =>
      createClient({
        url: absoluteUrl(config.graphqlWsUrl, true),
        connectionParams: () => ({ authorization: `Bearer ${currentToken() ?? token}` }),
        retryAttempts: 5,
        keepAlive: 240_000, // as the dashboard's client: API Gateway drops a socket idle for 10 minutes
      }),
    [config, token],
  );
  useEffect(() => () => void wsClient.dispose(), [wsClient]);
  const fetcher = useMemo((): Fetcher => {
    return runningTheDocument(createGraphiQLFetcher({ url: absoluteUrl(config.graphqlUrl), headers: { authorization: `Bearer ${token}` }, wsClient }));
  }, [config, token, wsClient]);
  return (
    <div className="graphiql-frame" data-testid="graphiql">
      <GraphiQL fetcher={fetcher} defaultTabs={EXAMPLE_OPERATIONS} defaultEditorToolsVisibility="variables" />
    </div>
  );
}
