/**
 * The dashboard's runtime configuration, read from `/config.json` at start-up so one build serves
 * every environment. Locally the gateway serves `dashboard/public/config.json` (mode `local`); in AWS
 * the CDK stack deploys one next to the built files (mode `cognito`).
 */
export interface LocalAuthConfig {
  /** Demo sign-in through the local stack's `POST /local/token?role=&wardId=` (the local stack alone offers it). */
  kind: 'local';
}

export interface CognitoAuthConfig {
  /** Cognito sign-in: OIDC authorization code flow with PKCE (oidc-client-ts). */
  kind: 'cognito';
  /** The user pool's issuer, e.g. `https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf`. */
  authority: string;
  /** The app client id (a public client: no secret). */
  clientId: string;
  /** Defaults to `openid email profile`. */
  scope?: string;
  /**
   * Cognito's logout endpoint (`https://<domain>.auth.<region>.amazoncognito.com/logout`); the
   * dashboard appends `client_id` and `logout_uri`. Without it, signing out only forgets the tokens.
   */
  logoutUrl?: string;
}

export interface DashboardConfig {
  /** GraphQL over HTTP POST; absolute, or relative to the dashboard's origin (`/graphql`). */
  graphqlUrl: string;
  /** GraphQL over WebSocket (graphql-transport-ws); `ws(s)://…`, or a path on the dashboard's origin. */
  graphqlWsUrl: string;
  auth: LocalAuthConfig | CognitoAuthConfig;
}

/** Resolves a URL that may be relative to the page's origin, turning http(s) into ws(s) when asked. */
export function absoluteUrl(url: string, websocket = false): string {
  const resolved = new URL(url, window.location.href);
  if (websocket && resolved.protocol.startsWith('http')) resolved.protocol = resolved.protocol === 'https:' ? 'wss:' : 'ws:';
  return resolved.toString();
}

/** Reads and checks `/config.json`; a missing field fails loudly with a message an operator can act on. */
export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<DashboardConfig> {
  // NOTE: no `cache: 'no-store'`: it would bypass the <link rel="preload"> in index.html; the server
  // marks config.json `no-cache`, so it is revalidated on every load anyway.
  const response = await fetchImpl('/config.json');
  if (!response.ok) throw new Error(`/config.json answered ${response.status}: the dashboard cannot find its API.`);
  return parseConfig(await response.json());
}

export function parseConfig(value: unknown): DashboardConfig {
  const config = value as Partial<DashboardConfig>;
  const missing = (field: string) => new Error(`/config.json has no "${field}": see dashboard/README.md for its shape.`);
  if (typeof config?.graphqlUrl !== 'string') throw missing('graphqlUrl');
  if (typeof config.graphqlWsUrl !== 'string') throw missing('graphqlWsUrl');
  const auth = config.auth as DashboardConfig['auth'] | undefined;
  if (!auth || (auth.kind !== 'local' && auth.kind !== 'cognito')) throw missing('auth.kind ("local" or "cognito")');
  if (auth.kind === 'cognito') {
    if (typeof auth.authority !== 'string') throw missing('auth.authority');
    if (typeof auth.clientId !== 'string') throw missing('auth.clientId');
  }
  return { graphqlUrl: config.graphqlUrl, graphqlWsUrl: config.graphqlWsUrl, auth };
}
