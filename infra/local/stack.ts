import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, ensureLocalKeys, jwksOf, mintLocalToken } from './keys.js';
import { ensureTable, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import { startGateway } from './gateway.js';
import { startLocalWebSocketGateway, type WebSocketLambda } from './websocket.js';
import { startStreamPoller } from './stream-poller.js';
import { startLambdaWorker } from './lambda-worker.js';
import { chooseJurisdiction } from './jurisdiction.js';
import { startLambdaPool, startLocalLambdaApi, type LocalLambdaApi } from './lambda-api.js';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { Role } from '../../functions/domain/kernel/actor.js';
import type { LocalOidcProvider } from './oidc-provider.js';

export interface LocalStackOptions {
  port: number;
  /** Interface to listen on: loopback unless HOST says otherwise (demo sign-in mints ADMIN tokens for anyone who can reach it). */
  host?: string;
  dataDir: string;
  /** Load the demo dataset into an empty database. */
  demo: boolean;
  staticDir?: string;
  /**
   * `local` (default): the demo-user picker and the stack's own signing key. `oidc`: a local OpenID
   * Connect provider stands in for Cognito (infra/local/oidc-provider.ts); the dashboard takes the
   * Cognito path and the API verifies that provider's tokens, exactly as in AWS.
   */
  auth?: 'local' | 'oidc';
  /** AUTH=oidc: the provider's port (0: any free port). */
  oidcPort?: number;
  /** AUTH=oidc: ID and access token lifetime in seconds (Cognito's: 3600). */
  oidcTokenTtlSeconds?: number;
  log?: (line: string) => void;
}

export interface LocalStack {
  url: string;
  /** AUTH=oidc: the provider standing in for Cognito. */
  oidc?: LocalOidcProvider;
  dynamoEndpoint: string;
  stop(): Promise<void>;
}

export const LOCAL_TABLE_NAME = 'dialogue-pulse';

/**
 * The whole system on one machine: DynamoDB Local, the Lambda handlers behind the local gateway,
 * and the dashboard, on one port. Handlers are imported only after their environment is set, as in
 * a Lambda cold start.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const started = performance.now();
  let dynamo: DynamoDbLocal | undefined;
  let oidc: LocalOidcProvider | undefined;
  let lambdaApi: LocalLambdaApi | undefined;
  try {
    dynamo = await startDynamoDbLocal({ dataDir });
    log(`DynamoDB Local on ${dynamo.endpoint} (data in ${dataDir})`);
    await ensureTable(dynamo.endpoint, LOCAL_TABLE_NAME);
    const keys = await ensureLocalKeys(dataDir);

    // The gateway must listen before handlers run: they fetch the JWKS from it.
    let httpHandler: Parameters<typeof startGateway>[0]['httpHandler'] = async () => ({ statusCode: 503, body: 'starting' });
    // Realtime: API Gateway WebSocket (frames → graphql-ws handler events, @connections) and the stream poller.
    let wsHandler: WebSocketLambda = async () => ({ statusCode: 503, body: 'starting' });
    const websocket = await startLocalWebSocketGateway({
      handler: (event, context) => wsHandler(event, context),
      idleTimeoutMs: process.env.WS_IDLE_TIMEOUT_MS ? Number(process.env.WS_IDLE_TIMEOUT_MS) : undefined,
      maxConnectionMs: process.env.WS_MAX_CONNECTION_MS ? Number(process.env.WS_MAX_CONNECTION_MS) : undefined,
      connectionsRps: process.env.LOCAL_CONNECTIONS_RPS ? Number(process.env.LOCAL_CONNECTIONS_RPS) : undefined,
      connectionsBurst: process.env.LOCAL_CONNECTIONS_BURST ? Number(process.env.LOCAL_CONNECTIONS_BURST) : undefined,
      log,
    });
    let dashboardUrl = '';
    if (options.auth === 'oidc') {
      // NOTE: loaded only in this mode: oidc-provider warns about Node 20 at import, on every stack start.
      const { startOidcProvider } = await import('./oidc-provider.js');
      oidc = await startOidcProvider({
        port: options.oidcPort ?? 0,
        host: options.host,
        dataDir: join(dataDir, 'oidc'),
        dashboardOrigins: () => [dashboardUrl, dashboardUrl.replace('//localhost:', '//127.0.0.1:')],
        tokenTtlSeconds: options.oidcTokenTtlSeconds,
        log,
      });
      log(`OpenID Connect provider (stands in for Cognito) on ${oidc.issuer}`);
    }
    const provider = oidc;
    const gateway = await startGateway({
      onUpgrade: websocket.onUpgrade,
      port: options.port,
      host: options.host,
      staticDir: options.staticDir,
      jwks: jwksOf(keys),
      httpHandler: (event, context) => httpHandler(event, context),
      // NOTE: with AUTH=oidc there is no demo sign-in: tokens come from the provider only, as in AWS.
      mintDemoToken: provider ? undefined : (role, wardId) => mintLocalToken(keys, { role: role as Role, wardId }),
      dashboardConfig: provider
        ? () => ({
            graphqlUrl: '/graphql',
            graphqlWsUrl: '/graphql',
            auth: { kind: 'cognito', authority: provider.issuer, clientId: provider.clientId, scope: provider.scope, logoutUrl: provider.logoutUrl },
          })
        : undefined,
    });
    dashboardUrl = gateway.url;
    const port = new URL(gateway.url).port;

    Object.assign(process.env, {
      TABLE_NAME: LOCAL_TABLE_NAME,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: process.env.AWS_REGION ?? 'local',
      // The same three settings the stack gives the functions in AWS (infra/api.ts: Cognito's JWKS, issuer, app client).
      JWKS_URL: provider ? provider.jwksUrl : `http://127.0.0.1:${port}/.well-known/jwks.json`,
      TOKEN_ISSUER: provider ? provider.issuer : LOCAL_ISSUER,
      TOKEN_AUDIENCE: provider ? provider.clientId : LOCAL_AUDIENCE,
      POWERTOOLS_SERVICE_NAME: process.env.POWERTOOLS_SERVICE_NAME ?? 'dialogue-pulse',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      WS_MANAGEMENT_ENDPOINT: websocket.managementEndpoint,
    });
    // The `fanout` function (chunks of large topics), as worker threads behind a local Lambda Invoke
    // API: the publisher invokes it through @aws-sdk/client-lambda, as in AWS.
    const fanoutStarting = startLambdaPool('fanout', new URL('../../functions/handlers/fanout.js', import.meta.url), Number(process.env.FANOUT_WORKERS ?? 2), 30_000);
    fanoutStarting.catch(() => undefined); // awaited by the first invocation and at stop
    lambdaApi = await startLocalLambdaApi({ fanout: fanoutStarting }, log);
    Object.assign(process.env, { FANOUT_FUNCTION_NAME: 'fanout', LAMBDA_ENDPOINT: lambdaApi.endpoint });
    // The publisher runs in its own thread, as in its own Lambda container: its posts' client-side
    // work (SDK, signing) does not share the event loop that receives them as API Gateway. Its cold
    // start overlaps the other handlers' imports.
    const publisherStarting = startLambdaWorker<DynamoDBStreamEvent, DynamoDBBatchResponse>('publisher', new URL('../../functions/handlers/publisher.js', import.meta.url));
    publisherStarting.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    const { handler } = await import('../../functions/handlers/graphql-http.js');
    const { getRuntime } = await import('../../functions/handlers/runtime.js');
    httpHandler = handler as typeof httpHandler;

    const { domain } = getRuntime();
    // Counter buckets written before calendar roll-ups move to them once (idempotent; docs/data-model.md).
    const { createStores } = await import('../../functions/store/index.js');
    const { storeConfigFromEnv } = await import('../../functions/store/client.js');
    const { migrateLegacyBuckets } = await import('../../functions/store/migrate-buckets.js');
    const tableStores = createStores(storeConfigFromEnv());
    await migrateLegacyBuckets(tableStores.db, tableStores.tableName, { log });
    // Then the jurisdiction's roll-up, once, for a table written before it (before anything is served).
    const { migrateRollUp } = await import('../../functions/store/migrate-rollup.js');
    await migrateRollUp(tableStores.db, tableStores.tableName, { log });
    // JURISDICTION: a province's code (79) or some of its units (79:27475,27478), from the national
    // reference (infra/units/national.ts); UNITS_FILE: a list of units in a file. Neither: the demo's area.
    const { jurisdiction: chosen, demoArea } = await chooseJurisdiction(log);
    await domain.wards.ensureReferenceWards(chosen);
    // NEIGHBOURHOODS_FILE: the real khu phố lists, in the shape of functions/data/neighbourhoods.json.
    const { neighbourhoodsFrom } = await import('../../functions/domain/units/neighbourhoods.js');
    const neighbourhoodsFile = process.env.NEIGHBOURHOODS_FILE;
    const neighbourhoods = neighbourhoodsFrom(neighbourhoodsFile ? JSON.parse(readFileSync(neighbourhoodsFile, 'utf8')) : undefined);
    await domain.voice.ensureNeighbourhoods(neighbourhoods);
    if (neighbourhoodsFile) log(`neighbourhoods: ${neighbourhoods.length} loaded from ${neighbourhoodsFile}`);
    if (options.demo && !demoArea) log('demo data: not loaded, the jurisdiction does not hold the demo\'s wards (infra/units/areas/former-district-7.json)');
    else if (options.demo) {
      const { loadDemoDataIfEmpty } = await import('./demo.js');
      await loadDemoDataIfEmpty(domain, log);
    }
    wsHandler = (await import('../../functions/handlers/graphql-ws.js')).handler as unknown as WebSocketLambda;
    const { isPublishedRecord } = await import('../../functions/realtime/stream-events.js');
    const publisher = await publisherStarting;
    const poller = await startStreamPoller({
      endpoint: dynamo.endpoint,
      tableName: LOCAL_TABLE_NAME,
      handler: (event, context) => publisher.invoke(event, context.getRemainingTimeInMillis()),
      filter: isPublishedRecord,
      idleWaitMs: process.env.STREAM_POLL_INTERVAL_MS ? Number(process.env.STREAM_POLL_INTERVAL_MS) : undefined,
      deliveries: process.env.STREAM_DELIVERIES ? Number(process.env.STREAM_DELIVERIES) : undefined,
      partialFirst: process.env.STREAM_PARTIAL_FIRST === '1',
      deadLetterDir: join(dataDir, 'dead-letter'),
      log,
    });
    log(`ready in ${Math.round(performance.now() - started)} ms`);
    const stopDynamo = dynamo;
    const stopLambdaApi = lambdaApi;
    return {
      url: gateway.url,
      oidc: provider,
      dynamoEndpoint: dynamo.endpoint,
      async stop() {
        await poller.stop();
        await publisher.close();
        await stopLambdaApi?.close();
        await websocket.close();
        await gateway.close();
        await provider?.close();
        await stopDynamo.stop();
      },
    };
  } catch (error) {
    await oidc?.close();
    await lambdaApi?.close().catch(() => undefined);
    await dynamo?.stop();
    throw error;
  }
}
