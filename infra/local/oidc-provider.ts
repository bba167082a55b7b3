import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { OIDC_TEST_PASSWORD, findTestUser, findTestUserBySub, idTokenClaimsOf, subOf } from './oidc-users.js';

/**
 * A stand-in for a Cognito user pool and its hosted sign-in pages, for `AUTH=oidc npm start` and the
 * tests (never deployed): a certified OpenID Connect provider (`oidc-provider`) configured the way the
 * stack configures Cognito (infra/identity.ts): one public app client (no secret), authorization code
 * with PKCE, scopes `openid email profile`, ID tokens carrying `cognito:groups`, `custom:wardId` and
 * `token_use: "id"` with the client id as `aud`, JWT access tokens with `token_use: "access"` and no
 * such audience, refresh tokens without `offline_access`, and Cognito's `/logout?client_id&logout_uri`.
 */
export const OIDC_CLIENT_ID = 'dialogue-pulse-dashboard-local';
export const OIDC_SCOPE = 'openid email profile';
/** The audience of the provider's access tokens (Cognito's have none; they name the client in `client_id`). */
const ACCESS_TOKEN_RESOURCE = 'urn:dialogue-pulse:local-userpool';

export interface OidcProviderOptions {
  /** Port to listen on (0: any free port). */
  port: number;
  host?: string;
  /** Where the signing keys are kept (`<dir>/oidc-keys.json`), so tokens survive a restart. */
  dataDir: string;
  /** The dashboard's origins: callback `<origin>/auth/callback`, sign-out `<origin>/`. */
  dashboardOrigins(): string[];
  /** ID and access token lifetime, seconds (Cognito's default and the stack's: 3600). */
  tokenTtlSeconds?: number;
  /** Refresh token lifetime, seconds (the stack's: 7 days). */
  refreshTokenTtlSeconds?: number;
  log?: (line: string) => void;
}

export interface LocalOidcProvider {
  /** The issuer (`iss`) and OIDC authority: `http://localhost:<port>`. */
  issuer: string;
  jwksUrl: string;
  clientId: string;
  /** Cognito's logout endpoint equivalent. */
  logoutUrl: string;
  /** The scopes the dashboard asks for (OIDC_SCOPE). */
  scope: string;
  /**
   * Rotates the signing key: a new key signs from now on; the previous one stays published (tokens
   * it signed stay valid) until `retire` drops every key but the newest.
   */
  rotateKeys(options?: { retire?: boolean }): Promise<{ kids: string[] }>;
  close(): Promise<void>;
}

interface KeyFile {
  /** Private JWKs, newest (the signing key) first. */
  keys: JWK[];
  /** Signs the provider's cookies. */
  cookieKey: string;
}

async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function html(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.8rem 0}
input{display:block;width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}button{padding:.6rem 1.2rem;font-size:1rem}.error{color:#a40000}</style></head>
<body><main>${body}</main></body></html>`;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
      if (body.length > 10_000) request.destroy();
    });
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<LocalOidcProvider> {
  const log = options.log ?? (() => undefined);
  const keyFile = join(options.dataDir, 'oidc-keys.json');
  mkdirSync(options.dataDir, { recursive: true });
  const stored: KeyFile = existsSync(keyFile) ? JSON.parse(readFileSync(keyFile, 'utf8')) : { keys: [await newSigningKey()], cookieKey: randomBytes(32).toString('base64url') };
  const saveKeys = () => writeFileSync(keyFile, JSON.stringify(stored), { mode: 0o600 });
  saveKeys();

  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end('starting');
  };
  const server: Server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const issuer = `http://localhost:${port}`;
  const ttl = options.tokenTtlSeconds ?? 3600;

  const buildProvider = () => {
    const configuration: Configuration = {
      clients: [
        {
          client_id: OIDC_CLIENT_ID,
          client_name: 'Dialogue Pulse dashboard',
          // A browser app: a public client, no secret (infra/identity.ts generateSecret: false).
          token_endpoint_auth_method: 'none',
          application_type: 'web',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: options.dashboardOrigins().map((origin) => `${origin}/auth/callback`),
          post_logout_redirect_uris: options.dashboardOrigins().map((origin) => `${origin}/`),
        },
      ],
      jwks: { keys: stored.keys as never },
      scopes: ['openid', 'email', 'profile'],
      claims: {
        openid: ['sub', 'cognito:username', 'cognito:groups', 'custom:wardId', 'token_use'],
        email: ['email', 'email_verified'],
        profile: ['name'],
      },
      // Cognito puts the user's attributes in the ID token itself (the API reads groups and ward there).
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: false },
        rpInitiatedLogout: {
          enabled: true,
          // Cognito's /logout signs out at once, without asking: the confirmation form submits itself.
          logoutSource: async (ctx, form) => {
            ctx.body = html('Đăng xuất', `${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}<p>Đang đăng xuất…</p>
<script>document.forms[0].submit()</script>`);
          },
        },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => ACCESS_TOKEN_RESOURCE,
          useGrantedResource: async () => true,
          getResourceServerInfo: async () => ({
            scope: 'aws.cognito.signin.user.admin',
            audience: ACCESS_TOKEN_RESOURCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ttl,
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
      // Cognito issues a refresh token with every sign-in (no offline_access scope needed).
      issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      // Cognito gives no consent screen: the app client's scopes are granted at sign-in.
      loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
        const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
        if (grantId) {
          const found = await ctx.oidc.provider.Grant.find(grantId);
          if (found) return found;
        }
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
        grant.addOIDCScope(OIDC_SCOPE);
        grant.addResourceScope(ACCESS_TOKEN_RESOURCE, 'aws.cognito.signin.user.admin');
        await grant.save();
        return grant;
      },
      extraTokenClaims: async (_ctx, token) => {
        const user = 'accountId' in token ? findTestUserBySub(token.accountId) : undefined;
        return { token_use: 'access', username: user?.username, ...(user?.groups.length ? { 'cognito:groups': user.groups } : {}) };
      },
      findAccount: async (_ctx, sub) => {
        const user = findTestUserBySub(sub);
        if (!user) return undefined;
        return { accountId: sub, claims: async () => ({ ...idTokenClaimsOf(user), sub }) };
      },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      ttl: {
        IdToken: ttl,
        AccessToken: ttl,
        RefreshToken: options.refreshTokenTtlSeconds ?? 7 * 24 * 3600,
        AuthorizationCode: 300,
        Interaction: 3600,
        Session: 14 * 24 * 3600,
        Grant: 14 * 24 * 3600,
      },
      // Cognito does not rotate refresh tokens by default; keep the same one until it expires.
      rotateRefreshToken: false,
      cookies: { keys: [stored.cookieKey] },
      renderError: async (ctx, out) => {
        ctx.type = 'html';
        ctx.body = html('Lỗi đăng nhập', `<h1>Không đăng nhập được / Sign-in failed</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p>`);
      },
    };
    const provider = new Provider(issuer, configuration);
    provider.on('server_error', (_ctx, error) => log(`oidc: ${error.message}`));
    return provider;
  };

  // Built at the first request: the dashboard's origin (the client's redirect URIs) is known only once
  // the gateway listens, and the gateway needs this issuer first.
  let built: { provider: Provider; callback: ReturnType<Provider['callback']> } | undefined;
  const current = () => {
    if (!built) {
      const provider = buildProvider();
      built = { provider, callback: provider.callback() };
    }
    return built;
  };

  /** The login page: user name and password (Cognito's hosted UI asks the same). */
  async function interaction(request: IncomingMessage, response: ServerResponse, uid: string, method: string) {
    const { provider } = current();
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    let error = '';
    if (method === 'POST') {
      const form = await readForm(request);
      const user = findTestUser(form.get('username') ?? '');
      if (user && form.get('password') === OIDC_TEST_PASSWORD) {
        await provider.interactionFinished(request, response, { login: { accountId: subOf(user.username) } }, { mergeWithLastSubmission: false });
        return;
      }
      error = '<p class="error" role="alert">Sai tên đăng nhập hoặc mật khẩu. / Incorrect username or password.</p>';
    }
    response.writeHead(method === 'POST' ? 401 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(
      html(
        'Đăng nhập',
        `<h1>Đăng nhập / Sign in</h1><p>Máy chủ đăng nhập thử nghiệm (thay cho Cognito) / Local test sign-in (stands in for Cognito)</p>${error}
<form method="post" action="/interaction/${escapeHtml(uid)}"><label>Tên đăng nhập / Username<input name="username" autocomplete="username" required autofocus></label>
<label>Mật khẩu / Password<input name="password" type="password" autocomplete="current-password" required></label><button type="submit">Đăng nhập / Sign in</button></form>`,
      ),
    );
  }

  handle = (request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const match = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    if (match && (request.method === 'GET' || request.method === 'POST')) {
      interaction(request, response, match[1]!, request.method).catch((error: Error) => {
        log(`oidc: sign-in page failed: ${error.message}`);
        if (!response.headersSent) response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('This sign-in has expired or is not valid; go back to the dashboard and sign in again.');
      });
      return;
    }
    if (url.pathname === '/logout' && request.method === 'GET') {
      // Cognito's logout endpoint: /logout?client_id=…&logout_uri=… (an allowed sign-out URL of the client).
      const clientId = url.searchParams.get('client_id') ?? '';
      const logoutUri = url.searchParams.get('logout_uri') ?? '';
      const allowed = options.dashboardOrigins().map((origin) => `${origin}/`);
      if (clientId !== OIDC_CLIENT_ID || !allowed.includes(logoutUri)) {
        response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('logout: unknown client_id or a logout_uri that is not a sign-out URL of the client');
        return;
      }
      const end = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: logoutUri });
      response.writeHead(302, { location: `/session/end?${end}` }).end();
      return;
    }
    // NOTE: development only, loopback only: lets tests rotate the keys the way Cognito would.
    if (url.pathname === '/local/rotate-keys' && request.method === 'POST') {
      rotateKeys({ retire: url.searchParams.get('retire') === '1' }).then(
        (result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
        (error: Error) => response.writeHead(500).end(error.message),
      );
      return;
    }
    void current().callback(request, response);
  };

  async function rotateKeys({ retire = false } = {}) {
    if (retire) stored.keys = stored.keys.slice(0, 1);
    else stored.keys = [await newSigningKey(), ...stored.keys].slice(0, 3);
    saveKeys();
    // NOTE: oidc-provider's keystore is fixed per instance; sessions, grants and tokens live in its
    // memory adapter (module-wide), so a new instance with the new keystore keeps every sign-in.
    built = undefined;
    const kids = stored.keys.map((key) => key.kid!);
    log(`oidc: signing keys now ${kids.join(', ')} (the first signs)`);
    return { kids };
  }

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId: OIDC_CLIENT_ID,
    logoutUrl: `${issuer}/logout`,
    scope: OIDC_SCOPE,
    rotateKeys,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
