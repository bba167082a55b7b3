import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Validations } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../functions/domain/kernel/actor.js';
import { TABLE_ACTIONS } from '../../infra/api.js';
import { SEEDER_ACTIONS } from '../../infra/reference-data.js';
import { LAMBDA_BUNDLING, esbuildOptionsOf, type HandlerName } from '../../infra/lambda-bundling.js';
import { STREAM_EVENT_ITEM_TYPES, STREAM_RETRY_ATTEMPTS } from '../../infra/stream-publisher.js';
import { allPolicyStatements, asArray, logicalId, synthesize, type Json } from './support.js';

// One synthesis for the whole file, with the three functions really bundled by the local esbuild.
let synth: ReturnType<typeof synthesize>;
let template: Template;
beforeAll(() => {
  synth = synthesize();
  template = synth.template;
}, 120_000);
afterAll(() => synth?.dispose());

/** The directories the synthesis staged as assets (function bundles, dashboard files, config.json). */
const stagedAssetDirs = () => readdirSync(synth.outdir).filter((entry) => entry.startsWith('asset.') && statSync(join(synth.outdir, entry)).isDirectory());
/** The staged bundle directory of a function (its code's S3 key is `<asset hash>.zip`). */
const bundleDirOf = (functionLogicalId: string) =>
  `asset.${String(template.toJSON().Resources[functionLogicalId].Properties.Code.S3Key).replace(/\.zip$/, '')}`;

const COMMAND_ACTIONS: Record<string, string[]> = {
  GetCommand: ['dynamodb:GetItem'], GetItemCommand: ['dynamodb:GetItem'],
  PutCommand: ['dynamodb:PutItem'], PutItemCommand: ['dynamodb:PutItem'],
  UpdateCommand: ['dynamodb:UpdateItem'], UpdateItemCommand: ['dynamodb:UpdateItem'],
  DeleteCommand: ['dynamodb:DeleteItem'], DeleteItemCommand: ['dynamodb:DeleteItem'],
  QueryCommand: ['dynamodb:Query'], ScanCommand: ['dynamodb:Scan'],
  BatchGetCommand: ['dynamodb:BatchGetItem'], BatchGetItemCommand: ['dynamodb:BatchGetItem'],
  BatchWriteCommand: ['dynamodb:BatchWriteItem'], BatchWriteItemCommand: ['dynamodb:BatchWriteItem'],
  TransactGetCommand: ['dynamodb:GetItem'], TransactGetItemsCommand: ['dynamodb:GetItem'],
};
const TRANSACT_ITEM_ACTIONS: Record<string, string> = { Put: 'dynamodb:PutItem', Update: 'dynamodb:UpdateItem', Delete: 'dynamodb:DeleteItem', ConditionCheck: 'dynamodb:ConditionCheckItem' };

/**
 * The table actions a function's code can call, read from its bundle built with the SDK left external
 * (the deployed bundle carries the SDK inside, minified): then its imports name every command
 * (`import{GetCommand as x}from"@aws-sdk/lib-dynamodb"`); a TransactWrite needs the action of each
 * item kind it builds (`Put:{…}`, `Update:{…}`).
 */
function dynamoActionsCalledBy(code: string): Set<string> {
  const actions = new Set<string>();
  for (const [, names] of code.matchAll(/import\{([^}]*)\}from"@aws-sdk\/(?:lib-dynamodb|client-dynamodb)"/g)) {
    for (const imported of names.split(',').map((n) => n.trim().split(/\s+as\s+/)[0])) {
      for (const action of COMMAND_ACTIONS[imported] ?? []) actions.add(action);
      if (imported === 'TransactWriteCommand' || imported === 'TransactWriteItemsCommand') {
        for (const [kind, action] of Object.entries(TRANSACT_ITEM_ACTIONS)) if (code.includes(`${kind}:{`)) actions.add(action);
      }
    }
  }
  return actions;
}

/** A function's code bundled as deployed except that the AWS SDK stays external. */
async function bundleWithSdkExternal(name: HandlerName): Promise<string> {
  const result = await build(esbuildOptionsOf(name, { write: false, sourcemap: false, banner: {}, external: ['@aws-sdk/*', '@smithy/*'] }));
  return result.outputFiles![0].text;
}

const resourcesOf = (type: string) => Object.entries(template.findResources(type)) as [string, Json][];
const fnId = (prefix: string) => logicalId(template, 'AWS::Lambda::Function', prefix);
const appFunctions = () => ({
  'graphql-http': fnId('ApiGraphqlHttpFunction'),
  'graphql-ws': fnId('ApiGraphqlWsFunction'),
  publisher: fnId('ApiPublisherFunction'),
});
const roleOf = (functionLogicalId: string) => template.toJSON().Resources[functionLogicalId].Properties.Role['Fn::GetAtt'][0] as string;
const statementsOfRole = (roleId: string) =>
  resourcesOf('AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((role: Json) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Json[]);

describe('cdk-nag (AwsSolutions)', () => {
  it('finds nothing that is not acknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(synth.app);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('gives every acknowledgement a written reason', () => {
    const acknowledgements: { path: string; id: string; reason: string }[] = [];
    const visit = (node: typeof synth.app.node.root) => {
      for (const entry of node.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          acknowledgements.push({ path: node.node.path, id, reason: String(reason) });
        }
      }
      node.node.children.forEach(visit);
    };
    visit(synth.app);
    expect(acknowledgements.length).toBeGreaterThan(10);
    for (const { path, id, reason } of acknowledgements) {
      expect(reason.length, `${id} on ${path}`).toBeGreaterThan(40);
    }
  });
});

describe('the table', () => {
  it('is on-demand, with point-in-time recovery and deletion protection, retained when the stack goes', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      }),
    });
  });
});

describe('the functions', () => {
  it('bundles graphql-http, graphql-ws and publisher as arm64 nodejs22.x functions with the Powertools environment', () => {
    for (const [name, id] of Object.entries(appFunctions())) {
      const props = template.toJSON().Resources[id].Properties;
      expect(props.Runtime, name).toBe('nodejs22.x');
      expect(props.Architectures, name).toEqual(['arm64']);
      expect(props.Handler, name).toBe('index.handler');
      expect(props.Environment.Variables, name).toMatchObject({
        TABLE_NAME: { Ref: logicalId(template, 'AWS::DynamoDB::GlobalTable', 'Table') },
        TOKEN_AUDIENCE: { Ref: logicalId(template, 'AWS::Cognito::UserPoolClient', 'IdentityUserPoolDashboardClient') },
        POWERTOOLS_SERVICE_NAME: 'dialogue-pulse',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      });
      expect(JSON.stringify(props.Environment.Variables.JWKS_URL), name).toMatch(/https:\/\/cognito-idp\..*\.well-known\/jwks\.json/);
      expect(JSON.stringify(props.Environment.Variables.WS_MANAGEMENT_ENDPOINT), name).toMatch(/https:\/\/.*execute-api.*\/prod/);
    }
  });

  it('runs every Lambda function of the app (including the seeder) on nodejs22.x and arm64', () => {
    const ours = resourcesOf('AWS::Lambda::Function').filter(([id]) => id.startsWith('Api') || id.startsWith('ReferenceData'));
    expect(ours).toHaveLength(5); // graphql-http, graphql-ws, publisher, fanout, the seeder
    for (const [id, fn] of ours) {
      expect([id, fn.Properties.Runtime, fn.Properties.Architectures]).toEqual([id, 'nodejs22.x', ['arm64']]);
    }
  });

  it('ships ESM bundles built by the local esbuild, with the createRequire banner', () => {
    const bundles = stagedAssetDirs()
      .filter((dir) => readdirSync(join(synth.outdir, dir)).includes('index.mjs'))
      .map((dir) => join(synth.outdir, dir, 'index.mjs'));
    expect(bundles.length).toBeGreaterThanOrEqual(4);
    for (const file of bundles) {
      const code = readFileSync(file, 'utf8');
      expect(code.startsWith("import{createRequire}from'module';const require=createRequire(import.meta.url);"), file).toBe(true);
    }
  });

  it('carries the AWS SDK clients inside each function bundle, loading only never-reached credential providers from the runtime', () => {
    for (const [name, id] of Object.entries(appFunctions())) {
      const code = readFileSync(join(synth.outdir, bundleDirOf(id), 'index.mjs'), 'utf8');
      // DynamoDB's JSON protocol target prefix: the client's own code is in the bundle.
      expect(code, name).toContain('"DynamoDB_20120810"');
      // No static import of the SDK (that would load the runtime's copy file by file at cold start).
      expect(code.match(/(?:from|import)\s*"@(?:aws-sdk|smithy)\/[^"]+"/g), name).toBeNull();
      const dynamicImports = [...code.matchAll(/import\("(@(?:aws-sdk|smithy)\/[^"]+)"\)/g)].map((m) => m[1]);
      for (const specifier of dynamicImports) expect(LAMBDA_BUNDLING.externalModules, `${name} imports ${specifier}`).toContain(specifier);
    }
  });

  it('keeps graphql-http within 1 MB, with one copy of Apollo Server and without the usage-reporting protobuf', () => {
    const http = readFileSync(join(synth.outdir, bundleDirOf(appFunctions()['graphql-http']), 'index.mjs'), 'utf8');
    expect(Buffer.byteLength(http)).toBeLessThanOrEqual(1_048_576);
    expect(http.split('You have tried to install both ApolloServerPlugin').length - 1).toBe(1);
    expect(http).not.toContain('QueryPlanNode');
  });
});

describe('least privilege', () => {
  it('has no IAM statement with dynamodb:* or a service-wide action wildcard', () => {
    for (const { owner, statement } of allPolicyStatements(template)) {
      for (const action of asArray(statement.Action)) {
        expect(action, owner).not.toBe('*');
        expect(action, owner).not.toMatch(/^[a-z0-9-]+:\*$/);
      }
    }
  });

  it('has no allow statement on Resource "*"', () => {
    const starred = allPolicyStatements(template).filter(({ statement }) => statement.Effect === 'Allow' && asArray(statement.Resource).includes('*'));
    expect(starred.map(({ owner, statement }) => `${owner}: ${JSON.stringify(statement.Action)}`)).toEqual([]);
  });

  it('gives each function exactly the table actions its code uses, on the table and its indexes only', () => {
    const tableId = logicalId(template, 'AWS::DynamoDB::GlobalTable', 'Table');
    for (const [name, id] of Object.entries(appFunctions()) as [keyof typeof TABLE_ACTIONS, string][]) {
      const dynamo = statementsOfRole(roleOf(id)).filter((s) => asArray(s.Action).some((a: string) => a.startsWith('dynamodb:') && !/Stream|GetRecords|GetShardIterator/.test(a)));
      expect(dynamo, name).toHaveLength(1);
      expect([...asArray(dynamo[0].Action)].sort(), name).toEqual([...TABLE_ACTIONS[name]].sort());
      expect(dynamo[0].Resource, name).toEqual([
        { 'Fn::GetAtt': [tableId, 'Arn'] },
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/*']] },
      ]);
    }
  });

  it('grants each function exactly the DynamoDB actions its code can call', async () => {
    for (const name of Object.keys(appFunctions()) as HandlerName[]) {
      const code = await bundleWithSdkExternal(name);
      expect([...dynamoActionsCalledBy(code)].sort(), name).toEqual([...TABLE_ACTIONS[name]].sort());
    }
  });

  it('grants the seeder exactly the DynamoDB actions its code can call (reference data and the bucket migration)', async () => {
    const result = await build(esbuildOptionsOf('graphql-http', { entryPoints: ['infra/seed-reference-data.ts'], write: false, sourcemap: false, banner: {}, external: ['@aws-sdk/*', '@smithy/*'] }));
    expect([...dynamoActionsCalledBy(result.outputFiles![0].text)].sort()).toEqual([...SEEDER_ACTIONS].sort());
    const seeder = logicalId(template, 'AWS::Lambda::Function', 'ReferenceDataSeedFunction');
    const granted = statementsOfRole(roleOf(seeder)).filter((s) => asArray(s.Action).some((a: string) => a.startsWith('dynamodb:')));
    expect(granted.flatMap((s) => asArray(s.Action)).sort()).toEqual([...SEEDER_ACTIONS].sort());
  });

  it('lets only graphql-ws, publisher and fanout manage connections, and only on the WebSocket API', () => {
    const wsApiId = logicalId(template, 'AWS::ApiGatewayV2::Api', 'ApiWebSocketApi');
    const manage = (id: string) => statementsOfRole(roleOf(id)).filter((s) => asArray(s.Action).some((a: string) => a.startsWith('execute-api:')));
    const fns = appFunctions();
    expect(manage(fns['graphql-http'])).toEqual([]);
    for (const id of [fns['graphql-ws'], fns.publisher, fnId('ApiFanoutFunction')]) {
      const [statement, ...others] = manage(id);
      expect(others).toEqual([]);
      expect(statement.Action).toBe('execute-api:ManageConnections');
      const resource = JSON.stringify(statement.Resource);
      expect(resource).toContain(`{"Ref":"${wsApiId}"}`);
      expect(resource).toMatch(/\/prod\/\*\/@connections\/\*"/);
    }
  });

  it('lets only the publisher read the table stream', () => {
    const fns = appFunctions();
    const readsStream = (id: string) => statementsOfRole(roleOf(id)).some((s) => asArray(s.Action).includes('dynamodb:GetRecords'));
    expect([readsStream(fns['graphql-http']), readsStream(fns['graphql-ws']), readsStream(fns.publisher)]).toEqual([false, false, true]);
  });
});

describe('chunked fan-out (the fanout function)', () => {
  const fanoutId = () => fnId('ApiFanoutFunction');

  it('is a small arm64 nodejs22.x function that knows only the @connections endpoint', () => {
    const props = template.toJSON().Resources[fanoutId()].Properties;
    expect([props.Runtime, props.Architectures, props.MemorySize, props.Timeout]).toEqual(['nodejs22.x', ['arm64'], 512, 30]);
    expect(Object.keys(props.Environment.Variables).sort()).toEqual(['POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', 'WS_MANAGEMENT_ENDPOINT']);
  });

  it('may post to connections and nothing else: no table, no stream, no other function', () => {
    const actions = statementsOfRole(roleOf(fanoutId())).flatMap((s) => asArray(s.Action));
    expect(actions).toEqual(['execute-api:ManageConnections']);
  });

  it('is invoked by the publisher alone, which is told its name and the chunking', () => {
    const invokers = resourcesOf('AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties.PolicyDocument.Statement as Json[])
        .filter((s) => asArray(s.Action).includes('lambda:InvokeFunction'))
        .map((s) => ({ roles: policy.Properties.Roles.map((r: Json) => r.Ref), resource: JSON.stringify(s.Resource) })),
    );
    expect(invokers.map((i) => i.roles)).toEqual([[roleOf(appFunctions().publisher)]]);
    expect(invokers[0].resource).toContain(fanoutId());
    expect(invokers[0].resource).not.toContain('"*"');
    const env = template.toJSON().Resources[appFunctions().publisher].Properties.Environment.Variables;
    expect(env).toMatchObject({ FANOUT_FUNCTION_NAME: { Ref: fanoutId() }, FANOUT_THRESHOLD: '500', FANOUT_CHUNK_SIZE: '250' });
  });

  it('has its own error and throttle alarms', () => {
    const alarms = resourcesOf('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties).filter((a) => /fanout/.test(a.AlarmName));
    expect(alarms.map((a) => [a.MetricName, a.Dimensions[0].Value])).toEqual([
      ['Errors', { Ref: fanoutId() }],
      ['Throttles', { Ref: fanoutId() }],
    ]);
  });
});

describe('the HTTP API', () => {
  it('routes POST /graphql to graphql-http and nothing else', () => {
    const routes = resourcesOf('AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.ApiId.Ref.startsWith('ApiHttpApi'));
    expect(routes.map(([, r]) => r.Properties.RouteKey)).toEqual(['POST /graphql']);
    const integrationId = routes[0][1].Properties.Target['Fn::Join'][1][1].Ref;
    const integration = template.toJSON().Resources[integrationId].Properties;
    expect(integration.IntegrationUri['Fn::GetAtt'][0]).toBe(appFunctions()['graphql-http']);
    expect(integration.PayloadFormatVersion).toBe('2.0');
  });

  it('allows CORS from the dashboard origin only', () => {
    const api = resourcesOf('AWS::ApiGatewayV2::Api').find(([id]) => id.startsWith('ApiHttpApi'))![1];
    const cors = api.Properties.CorsConfiguration;
    expect(cors.AllowOrigins).toHaveLength(1);
    expect(cors.AllowOrigins[0]).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(template, 'AWS::CloudFront::Distribution', 'Dashboard'), 'DomainName'] }]] });
    expect(cors.AllowMethods).toEqual(['POST', 'OPTIONS']);
  });

  it('throttles its stage and logs access', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });
});

describe('the WebSocket API', () => {
  it('routes $connect, $disconnect and $default to graphql-ws', () => {
    const routes = resourcesOf('AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.ApiId.Ref.startsWith('ApiWebSocketApi'));
    expect(routes.map(([, r]) => r.Properties.RouteKey).sort()).toEqual(['$connect', '$default', '$disconnect']);
    for (const [, route] of routes) {
      const integration = template.toJSON().Resources[route.Properties.Target['Fn::Join'][1][1].Ref].Properties;
      expect(JSON.stringify(integration.IntegrationUri)).toContain(appFunctions()['graphql-ws']);
    }
  });

  it('has a throttled stage named after the deployment stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: { Ref: logicalId(template, 'AWS::ApiGatewayV2::Api', 'ApiWebSocketApi') },
      StageName: 'prod',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 500 },
    });
  });
});

describe('stream → publisher', () => {
  it('invokes the publisher only for event-producing item types, bisecting failures, with bounded retries and a dead-letter queue', () => {
    const [[, mapping], ...others] = resourcesOf('AWS::Lambda::EventSourceMapping');
    expect(others).toEqual([]);
    const props = mapping.Properties;
    expect(props.FunctionName).toEqual({ Ref: appFunctions().publisher });
    expect(props.EventSourceArn).toEqual({ 'Fn::GetAtt': [logicalId(template, 'AWS::DynamoDB::GlobalTable', 'Table'), 'StreamArn'] });
    expect(props.BisectBatchOnFunctionError).toBe(true);
    expect(props.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(props.MaximumRetryAttempts).toBe(STREAM_RETRY_ATTEMPTS);
    expect(props.MaximumRetryAttempts).toBeLessThanOrEqual(5);
    expect(props.MaximumRecordAgeInSeconds).toBeGreaterThan(0);
    expect(props.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [logicalId(template, 'AWS::SQS::Queue', 'StreamPublisherDeadLetterQueue'), 'Arn'] });
    const patterns = props.FilterCriteria.Filters.map((f: Json) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([{ eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { type: { S: [...STREAM_EVENT_ITEM_TYPES] } } } }]);
  });

  it('keeps dead letters encrypted for 14 days', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
  });
});

describe('identity', () => {
  it('has a user pool without self sign-up, with custom:wardId and the four role groups', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'wardId', AttributeDataType: 'String', Mutable: true })]),
    });
    const groups = resourcesOf('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName).sort();
    expect(groups).toEqual([...ROLES].sort());
  });

  it('gives the dashboard a public client using the code flow (PKCE) back to the dashboard origin, unable to write custom:wardId', () => {
    const [[, client]] = resourcesOf('AWS::Cognito::UserPoolClient');
    const props = client.Properties;
    expect(props.GenerateSecret).toBe(false);
    expect(props.AllowedOAuthFlows).toEqual(['code']);
    expect(props.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(props.AllowedOAuthScopes.sort()).toEqual(['email', 'openid', 'profile']);
    expect(JSON.stringify(props.CallbackURLs)).toMatch(/"https:\/\/",\{"Fn::GetAtt":\["Dashboard\w+","DomainName"\]\},"\/auth\/callback"/);
    expect(props.ReadAttributes).toContain('custom:wardId');
    expect(props.WriteAttributes).not.toContain('custom:wardId');
    expect(props.WriteAttributes).not.toContain('email');
  });

  it('gives the dashboard client the lifetimes, sign-out URL and revocation docs/deploy.md states (the local OIDC stand-in copies them)', () => {
    const [[, client]] = resourcesOf('AWS::Cognito::UserPoolClient');
    const props = client.Properties;
    const seconds = (value: number, unit: string) => value * ({ seconds: 1, minutes: 60, hours: 3600, days: 86400 } as Record<string, number>)[unit ?? 'hours']!;
    const units = props.TokenValidityUnits ?? {};
    expect(seconds(props.IdTokenValidity, units.IdToken)).toBe(3600);
    expect(seconds(props.AccessTokenValidity, units.AccessToken)).toBe(3600);
    expect(seconds(props.RefreshTokenValidity, units.RefreshToken ?? 'days')).toBe(7 * 86400);
    expect(JSON.stringify(props.LogoutURLs)).toMatch(/"https:\/\/",\{"Fn::GetAtt":\["Dashboard\w+","DomainName"\]\},"\/"\]/);
    expect(props.EnableTokenRevocation).toBe(true);
    expect(props.SupportedIdentityProviders).toEqual(['COGNITO']);
    expect(props.WriteAttributes).toEqual(['name']);
  });

  it('keeps the user pool when the stack is deleted', () => {
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }) });
  });
});

describe('dashboard hosting', () => {
  const siteBucketId = () => logicalId(template, 'AWS::S3::Bucket', 'DashboardSiteBucket');

  it('keeps the site bucket private: all public access blocked, readable only by this distribution through OAC', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    const policy = resourcesOf('AWS::S3::BucketPolicy').find(([, p]) => p.Properties.Bucket.Ref === siteBucketId())![1];
    const allows = (policy.Properties.PolicyDocument.Statement as Json[]).filter((s) => s.Effect === 'Allow');
    for (const statement of allows) {
      expect(JSON.stringify(statement.Principal)).not.toMatch(/"\*"/);
    }
    const cloudfront = allows.filter((s) => s.Principal.Service === 'cloudfront.amazonaws.com');
    expect(cloudfront).toHaveLength(1);
    expect(cloudfront[0].Action).toBe('s3:GetObject');
    expect(JSON.stringify(cloudfront[0].Condition.StringEquals['AWS:SourceArn'])).toContain(logicalId(template, 'AWS::CloudFront::Distribution', 'Dashboard'));
  });

  it('serves the bucket over HTTPS only, through origin access control, with security headers', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const [[, distribution]] = resourcesOf('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    expect(config.Origins).toHaveLength(1);
    expect(config.Origins[0].OriginAccessControlId).toBeDefined();
    expect(config.Origins[0].S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CacheBehaviors ?? []).toEqual([]);
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 730 * 86400, IncludeSubdomains: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
    const [[, policy]] = resourcesOf('AWS::CloudFront::ResponseHeadersPolicy');
    const csp = JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('deploys a config.json carrying the API URLs and Cognito settings, and never the build\'s local one', () => {
    const deployments = resourcesOf('Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    const entry = deployments.find(([id]) => id.startsWith('DashboardDeployEntry'))![1].Properties;
    const markers = Object.assign({}, ...entry.SourceMarkers) as Record<string, Json>;
    const zipDir = stagedAssetDirs().find((dir) => readdirSync(join(synth.outdir, dir)).includes('config.json'));
    expect(zipDir).toBeDefined();
    let configText = readFileSync(join(synth.outdir, zipDir!, 'config.json'), 'utf8');
    for (const [marker, value] of Object.entries(markers)) configText = configText.replaceAll(marker, `\${${JSON.stringify(value).replaceAll('"', "'")}}`);
    const config = JSON.parse(configText);
    expect(config.graphqlUrl).toMatch(/^\$\{.*ApiHttpApi\w+','ApiEndpoint'.*\}\/graphql$/);
    expect(config.graphqlWsUrl).toMatch(/^\$\{.*ApiWebSocketApi\w+','ApiEndpoint'.*\}\/prod$/);
    expect(config.auth.kind).toBe('cognito');
    expect(config.auth.authority).toMatch(/^https:\/\/cognito-idp\..*IdentityUserPool\w+/);
    expect(config.auth.clientId).toMatch(/IdentityUserPoolDashboardClient/);
    expect(config.auth.logoutUrl).toMatch(/\/logout$/);

    const assets = deployments.find(([id]) => id.startsWith('DashboardDeployAssets'))![1].Properties;
    expect(assets.SystemMetadata['cache-control']).toContain('immutable');
    expect(entry.SystemMetadata['cache-control']).toBe('no-cache');
    // The staged asset directories: the hashed files without index.html/config.json, and index.html alone.
    const staged = stagedAssetDirs().map((dir) => readdirSync(join(synth.outdir, dir)).sort().join(','));
    expect(staged).toContain('assets');
    expect(staged).toContain('index.html');
  });
});

describe('alarms', () => {
  it('alarms on errors and throttles of every function, the dead-letter queue and API errors, all to one SNS topic', () => {
    const topicId = logicalId(template, 'AWS::SNS::Topic', 'AlarmsTopic');
    const alarms = resourcesOf('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const names = alarms.map((a) => a.AlarmName).sort();
    expect(names).toEqual(
      [
        'dead-letter-queue', 'graphql-http-errors', 'graphql-http-throttles', 'graphql-ws-errors', 'graphql-ws-throttles',
        'http-api-5xx', 'publisher-errors', 'publisher-iterator-age', 'publisher-throttles', 'websocket-api-errors',
        'fanout-errors', 'fanout-throttles',
      ].sort().map((n) => `dialogue-pulse-prod-${n}`),
    );
    for (const alarm of alarms) {
      expect(alarm.AlarmActions, alarm.AlarmName).toEqual([{ Ref: topicId }]);
      expect(alarm.AlarmDescription, alarm.AlarmName).toContain('docs/operations.md');
    }
    const dlq = alarms.find((a) => a.AlarmName.endsWith('dead-letter-queue'))!;
    expect(dlq.MetricName).toBe('ApproximateNumberOfMessagesVisible');
    expect(dlq.Threshold).toBe(1);
    expect(alarms.find((a) => a.AlarmName.endsWith('http-api-5xx'))!.MetricName).toBe('5xx');
  });

  it('encrypts the alarm topic with a key CloudWatch may use', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } })]) },
    });
  });
});

describe('naming, tags and outputs', () => {
  it('names the stack after the stage and tags every function, table and API', () => {
    expect(synth.stack.stackName).toBe('DialoguePulse-prod');
    // (CDK's own custom-resource providers are raw resources that Tags do not reach.)
    for (const type of ['AWS::Lambda::Function', 'AWS::SQS::Queue', 'AWS::CloudFront::Distribution']) {
      for (const [id, resource] of resourcesOf(type).filter(([id]) => !id.startsWith('Custom') && !id.startsWith('AWSCDK'))) {
        expect(resource.Properties.Tags, id).toEqual(expect.arrayContaining([{ Key: 'project', Value: 'dialogue-pulse' }, { Key: 'stage', Value: 'prod' }]));
      }
    }
    for (const [id, api] of resourcesOf('AWS::ApiGatewayV2::Api')) expect(api.Properties.Tags, id).toMatchObject({ project: 'dialogue-pulse', stage: 'prod' });
    expect(resourcesOf('AWS::Cognito::UserPool')[0][1].Properties.UserPoolTags).toMatchObject({ project: 'dialogue-pulse', stage: 'prod' });
    const table = resourcesOf('AWS::DynamoDB::GlobalTable')[0][1];
    expect(table.Properties.Replicas[0].Tags).toEqual(expect.arrayContaining([{ Key: 'stage', Value: 'prod' }]));
  });

  it('outputs the URLs, the user pool and what operators need', () => {
    const outputs = Object.keys(template.findOutputs('*')).sort();
    expect(outputs).toEqual(
      ['AlarmTopicArn', 'DashboardClientId', 'DashboardUrl', 'DeadLetterQueueUrl', 'GraphqlUrl', 'GraphqlWsUrl', 'SignInDomain', 'TableName', 'UserPoolId'].sort(),
    );
  });
});
