import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  WebSocketApi,
  WebSocketStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration, WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeMatchingNag, acknowledgeNag, LAMBDA_BASIC_EXECUTION_FINDING, tableIndexesFinding } from './nag.js';
import { HANDLER_ENTRIES, LAMBDA_BUNDLING, REPO_ROOT, type HandlerName } from './lambda-bundling.js';

/** One runtime for every function: nodejs20.x is deprecated; 22 is the line closest to the Node 20 the tests run on. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_22_X;

/** How every function is bundled (the API's three, fanout, the reference-data seeder): the local esbuild, ESM, LAMBDA_BUNDLING. */
export function handlerBundling() {
  return {
    forceDockerBundling: false,
    format: OutputFormat.ESM,
    target: LAMBDA_BUNDLING.target,
    minify: LAMBDA_BUNDLING.minify,
    sourceMap: LAMBDA_BUNDLING.sourceMap,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    banner: LAMBDA_BUNDLING.banner,
    externalModules: [...LAMBDA_BUNDLING.externalModules],
    esbuildArgs: { '--alias': [...LAMBDA_BUNDLING.esbuildArgs['--alias']] },
  };
}

/**
 * The DynamoDB actions each function's bundled code can call, and no others (no `dynamodb:*`).
 * TransactWriteItems needs no action of its own: IAM checks the Put/Update inside it.
 * test/infra/stack.test.ts reads each bundle's SDK imports and fails when this list and the code disagree.
 */
export const TABLE_ACTIONS: Record<HandlerName, readonly string[]> = {
  // Queries and mutations: reads, conditional puts and updates in transactions (check-ins, counters).
  // BatchWriteItem: the ward store's putWards is in the bundle (the seeder is what calls it in AWS).
  // DeleteItem: a move that answers a concern deletes its due and waiting markers inside the transaction.
  // BatchGetItem: many units' year roll-ups by key (functions/store/stats-store.ts, sumUnits).
  'graphql-http': ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
  // The same operations over the WebSocket, plus connection and subscription items (put, delete, batch delete).
  'graphql-ws': ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
  // Finds subscriptions by topic, reads what an event needs, claims/releases deliveries, deletes gone connections.
  publisher: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
};

/** The `fanout` function's entry (not in HANDLER_ENTRIES: it serves no API and reads no table). */
export const FANOUT_ENTRY = `${REPO_ROOT}/functions/handlers/fanout.ts`;
/** A message to more connections than this is posted in chunks of FANOUT_CHUNK_SIZE by `fanout`. */
export const FANOUT_THRESHOLD = 500;
export const FANOUT_CHUNK_SIZE = 250;

/** Memory and timeout per function, with the reason for each. */
const SIZING: Record<HandlerName, { memorySize: number; timeout: Duration; description: string }> = {
  // Memory buys CPU: GraphQL parsing/validation is CPU-bound and 1 GB halves the cold start against 512 MB.
  // 10 s is far above a few DynamoDB calls (each capped at 5 s by the client) and below API Gateway's 30 s.
  'graphql-http': { memorySize: 1024, timeout: Duration.seconds(10), description: 'GraphQL queries and mutations (HTTP API)' },
  // One message at a time (connection_init, subscribe, complete): the same work as an HTTP request.
  'graphql-ws': { memorySize: 1024, timeout: Duration.seconds(10), description: 'GraphQL subscriptions: graphql-transport-ws over API Gateway WebSocket' },
  // A batch fans out to every matching connection (one PostToConnection each): time for a few thousand posts.
  publisher: { memorySize: 1024, timeout: Duration.seconds(60), description: 'Publishes table changes (DynamoDB Stream) to subscribed WebSocket connections' },
};

export interface ApiProps {
  stage: string;
  table: TableV2;
  /** Origins allowed by CORS on the HTTP API: the dashboard's, and nothing else. */
  allowedOrigins: string[];
  auth: { jwksUrl: string; issuer: string; audience: string };
}

/**
 * The three Lambda functions and the two APIs in front of them: HTTP `POST /graphql` → graphql-http,
 * WebSocket `$connect`/`$disconnect`/`$default` → graphql-ws. The publisher is wired to the stream by
 * StreamPublisher.
 */
export class Api extends Construct {
  readonly functions: Record<HandlerName, NodejsFunction>;
  /**
   * Posts one chunk of a large topic's message (functions/handlers/fanout.ts), invoked by the
   * publisher once per chunk, in parallel (docs/realtime.md, "Chunked fan-out").
   */
  readonly fanout: NodejsFunction;
  readonly httpApi: HttpApi;
  readonly httpStage: HttpStage;
  readonly webSocketApi: WebSocketApi;
  readonly webSocketStage: WebSocketStage;
  /** `https://<id>.execute-api.<region>.amazonaws.com/graphql` */
  readonly graphqlUrl: string;
  /** `wss://<id>.execute-api.<region>.amazonaws.com/<stage>` */
  readonly graphqlWsUrl: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    // In the order a request flows: the WebSocket API and its stage (the functions post back to it),
    // the functions, who may post, the routes, then the HTTP API.
    this.webSocketApi = new WebSocketApi(this, 'WebSocketApi', {
      apiName: `dialogue-pulse-ws-${props.stage}`,
      description: 'GraphQL subscriptions (graphql-transport-ws)',
    });
    this.webSocketStage = this.createWebSocketStage(props.stage);
    this.functions = this.createFunctions(props);
    this.fanout = this.createFanout();
    this.grantConnections([this.functions['graphql-ws'], this.functions.publisher, this.fanout]);
    this.routeWebSocket();
    [this.httpApi, this.httpStage] = this.createHttpApi(props);
    this.graphqlUrl = `${this.httpApi.apiEndpoint}/graphql`;
    this.graphqlWsUrl = `${this.webSocketApi.apiEndpoint}/${this.webSocketStage.stageName}`;
  }

  private createWebSocketStage(stageName: string): WebSocketStage {
    const stage = new WebSocketStage(this, 'WebSocketStage', {
      webSocketApi: this.webSocketApi,
      stageName,
      autoDeploy: true,
      // A hundred dashboards ping every 15 s (~7 messages/s with the pongs); subscribes come in bursts at session start.
      throttle: { rateLimit: 200, burstLimit: 500 },
    });
    acknowledgeNag(stage, [
      {
        id: 'AwsSolutions-APIG1',
        reason:
          'WebSocket access logging needs the account-wide API Gateway CloudWatch role (AWS::ApiGateway::Account), which this app does not take over from the account; graphql-ws logs refusals, subscriptions, failures and disconnects with the connection id and request id (Powertools), and the per-stage API Gateway CloudWatch metrics (connects, messages, errors) remain.',
      },
    ]);
    return stage;
  }

  /** graphql-http, graphql-ws and publisher: one environment, each its own sizing and table grant. */
  private createFunctions(props: ApiProps): Record<HandlerName, NodejsFunction> {
    const environment = {
      TABLE_NAME: props.table.tableName,
      JWKS_URL: props.auth.jwksUrl,
      TOKEN_ISSUER: props.auth.issuer,
      TOKEN_AUDIENCE: props.auth.audience,
      POWERTOOLS_SERVICE_NAME: 'dialogue-pulse',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      // Where graphql-ws and publisher post messages back to clients (@connections).
      WS_MANAGEMENT_ENDPOINT: this.webSocketStage.callbackUrl,
    };
    const make = (name: HandlerName) => {
      const fn = new NodejsFunction(this, functionId(name), {
        entry: HANDLER_ENTRIES[name],
        handler: 'handler',
        runtime: FUNCTION_RUNTIME,
        architecture: Architecture.ARM_64,
        ...SIZING[name],
        // One environment for all three: getRuntime() builds the same singletons in each.
        environment,
        depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
        projectRoot: REPO_ROOT,
        bundling: handlerBundling(),
        logGroup: new LogGroup(this, `${functionId(name)}Logs`, { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
      });
      props.table.grant(fn, ...TABLE_ACTIONS[name]);
      acknowledgeNag(
        fn,
        [
          {
            id: LAMBDA_BASIC_EXECUTION_FINDING,
            reason: 'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs; it is the standard minimal Lambda policy.',
          },
          {
            id: tableIndexesFinding(props.table),
            reason: 'Queries run on the table\'s global secondary indexes (gsi1–gsi3): the grant covers <table>/index/*, the indexes of this one table only.',
          },
          {
            id: 'AwsSolutions-L1',
            reason: 'nodejs22.x is supported by Lambda until 2027-04-30 and is the line closest to the Node 20 the test suite runs on; move to nodejs24.x by changing FUNCTION_RUNTIME.',
          },
        ],
      );
      return fn;
    };
    return { 'graphql-http': make('graphql-http'), 'graphql-ws': make('graphql-ws'), publisher: make('publisher') };
  }

  private createFanout(): NodejsFunction {
    // fanout: no table access at all (gone connections are answered to the publisher, which deletes
    // them); only @connections on this API's stage, granted below with the others.
    const fanout = new NodejsFunction(this, 'FanoutFunction', {
      entry: FANOUT_ENTRY,
      handler: 'handler',
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      // Posting is I/O: 512 MB is ample CPU for a few hundred posts; 30 s covers throttling retries
      // (the publisher gives each chunk its own deadline, well inside this).
      memorySize: 512,
      timeout: Duration.seconds(30),
      description: 'Posts one chunk of a large topic\'s real-time message to its WebSocket connections',
      environment: {
        POWERTOOLS_SERVICE_NAME: 'dialogue-pulse',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        WS_MANAGEMENT_ENDPOINT: this.webSocketStage.callbackUrl,
      },
      depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
      projectRoot: REPO_ROOT,
      bundling: handlerBundling(),
      logGroup: new LogGroup(this, 'FanoutFunctionLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
    });
    acknowledgeNag(fanout, [
      { id: LAMBDA_BASIC_EXECUTION_FINDING, reason: 'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs; it is the standard minimal Lambda policy.' },
      { id: 'AwsSolutions-L1', reason: 'nodejs22.x, as every function of the app (FUNCTION_RUNTIME).' },
    ]);
    // The publisher may invoke this one function (its unqualified ARN: no versions or aliases) and nothing else.
    this.functions.publisher.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fanout.functionArn] }));
    this.functions.publisher.addEnvironment('FANOUT_FUNCTION_NAME', fanout.functionName);
    this.functions.publisher.addEnvironment('FANOUT_THRESHOLD', String(FANOUT_THRESHOLD));
    this.functions.publisher.addEnvironment('FANOUT_CHUNK_SIZE', String(FANOUT_CHUNK_SIZE));
    return fanout;
  }

  private grantConnections(posters: NodejsFunction[]): void {
    // PostToConnection / DeleteConnection on this WebSocket API's stage, nothing else.
    for (const fn of posters) {
      this.webSocketStage.grantManagementApiAccess(fn);
      acknowledgeMatchingNag(
        fn,
        /^AwsSolutions-IAM5\[Resource::arn:<AWS::Partition>:execute-api:(<AWS::Region>|[a-z0-9-]+):<AWS::AccountId>:<ApiWebSocketApi\w+>\/[a-z0-9-]+\/\*\/@connections\/\*\]$/,
        'execute-api:ManageConnections on this WebSocket API\'s own stage: the trailing wildcards are the HTTP method (POST/GET/DELETE) and the connection id, which exists only at run time.',
      );
    }
  }

  private routeWebSocket(): void {
    const wsIntegration = (routeId: string) => new WebSocketLambdaIntegration(routeId, this.functions['graphql-ws']);
    this.webSocketApi.addRoute('$connect', { integration: wsIntegration('ConnectIntegration') });
    this.webSocketApi.addRoute('$disconnect', { integration: wsIntegration('DisconnectIntegration') });
    // Every graphql-transport-ws message (connection_init, subscribe, complete, ping, pong) has `type`,
    // not the `action` the default route selection reads: all of them arrive on $default.
    this.webSocketApi.addRoute('$default', { integration: wsIntegration('MessageIntegration') });
    acknowledgeNag(
      this.webSocketApi,
      [
        {
          id: 'AwsSolutions-APIG4',
          reason:
            'graphql-transport-ws carries the token in connection_init, after the socket is open, so no API Gateway authorizer can see it; graphql-ws verifies it (Cognito JWKS, RS256) before accepting any subscribe.',
        },
      ],
    );
  }

  private createHttpApi(props: ApiProps): [HttpApi, HttpStage] {
    const httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `dialogue-pulse-http-${props.stage}`,
      description: 'GraphQL queries and mutations',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        allowHeaders: ['authorization', 'content-type', 'apollo-require-preflight'],
        maxAge: Duration.days(1),
      },
    });
    const accessLogs = new LogGroup(this, 'HttpApiAccessLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const httpStage = httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // A district's traffic is a few requests a second at peak (kiosks at the door, dashboards refetching);
      // the limits stop a runaway client long before they cost anything.
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.jsonWithStandardFields() },
    });
    httpApi.addRoutes({
      path: '/graphql',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('GraphqlHttp', this.functions['graphql-http']),
    });
    acknowledgeNag(
      httpApi,
      [
        {
          id: 'AwsSolutions-APIG4',
          reason:
            'graphql-http verifies the Cognito ID token itself (jose, RS256, issuer and audience) so that a refusal is a GraphQL error with extensions.code UNAUTHENTICATED, the same locally and in AWS; an API Gateway authorizer would answer a bare 401.',
        },
      ],
    );
    return [httpApi, httpStage];
  }
}

function functionId(name: HandlerName): string {
  return name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()) + 'Function';
}
