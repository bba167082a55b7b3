import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { PAGES } from './pages.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  Function as CloudFrontFunction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeMatchingNag, acknowledgeNag, LAMBDA_BASIC_EXECUTION_FINDING } from './nag.js';

/** What the dashboard reads from `/config.json` (dashboard/src/config.ts `DashboardConfig`, Cognito mode). */
export interface DashboardRuntimeConfig {
  graphqlUrl: string;
  graphqlWsUrl: string;
  auth: { kind: 'cognito'; authority: string; clientId: string; scope: string; logoutUrl: string };
}

export interface DashboardHostingProps {
  /** The built dashboard (`npm run build:dashboard` → dashboard/dist). */
  dashboardDir: string;
}

/**
 * The dashboard's home: a private S3 bucket that only CloudFront may read (origin access control),
 * served over HTTPS with security headers. `deploy()` uploads the build and its `config.json`.
 */
export class DashboardHosting extends Construct {
  readonly bucket: Bucket;
  readonly logsBucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<id>.cloudfront.net`: the origin CORS and Cognito's callbacks allow. */
  readonly origin: string;

  constructor(scope: Construct, id: string, _props: DashboardHostingProps) {
    super(scope, id);
    const region = Stack.of(this).region;

    // Access logs of the bucket and of CloudFront: kept 90 days, retained after the stack is deleted.
    this.logsBucket = new Bucket(this, 'LogsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL; the bucket must accept object-writer ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeNag(this.logsBucket, [
      { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' },
    ]);

    // Rebuilt from the repository on every deploy, so it is deleted with the stack.
    this.bucket = new Bucket(this, 'SiteBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Dialogue Pulse dashboard: HSTS, CSP, no framing, no sniffing',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: dashboardContentSecurityPolicy(region), override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Dialogue Pulse dashboard',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        // Nothing is ever served over plain HTTP: a typed http:// address is redirected to https://.
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        // Pages with an index.html of their own (the residents' public page, /y-kien), as the local gateway serves them.
        functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: new CloudFrontFunction(this, 'PageRewrite', { code: FunctionCode.fromInline(pageRewriteCode(PAGES)) }) }],
      },
      // The dashboard is a single-page app: unknown paths (e.g. /auth/callback, /wards/tan-hung) load index.html.
      // With OAC and no ListBucket, a missing key answers 403.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Viewers are in Viet Nam: price class 200 includes Asia's edge locations.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
    });
    acknowledgeNag(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No geo restriction: district staff travel and sign in from abroad; access is controlled by Cognito sign-in, not by country.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL: the distribution serves only static files (no origin compute); the APIs it calls are throttled and authenticated. A CLOUDFRONT-scope web ACL must live in us-east-1 and costs ~US$6/month before requests; add one with --context if a threat appears (docs/operations.md).',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Served on the default *.cloudfront.net certificate, on which CloudFront cannot enforce a minimum TLS version; with a custom domain, set a certificate and SecurityPolicyProtocol.TLS_V1_2_2021 (docs/deploy.md).',
      },
    ]);
    this.origin = `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * Uploads the built dashboard and a `config.json` made from this deployment's URLs. Hashed assets
   * are cached for a year; `index.html` and `config.json` are revalidated on every load and invalidated.
   */
  deploy(config: DashboardRuntimeConfig, dashboardDir: string): void {
    const dir = resolveDashboardDir(this, dashboardDir);
    const assets = new BucketDeployment(this, 'DeployAssets', {
      // The build's own config.json is the local one (dashboard/public/config.json): never deployed.
      sources: [Source.asset(dir, { exclude: ['index.html', ...PAGES.map((p) => `${p}/index.html`), 'config.json'] })],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      memoryLimit: 512,
    });
    const entry = new BucketDeployment(this, 'DeployEntry', {
      sources: [Source.asset(dir, { exclude: ['*', '!index.html', ...PAGES.flatMap((p) => [`!${p}`, `!${p}/index.html`])] }), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      prune: false,
      // NOTE: no CloudFront invalidation (it would need cloudfront:CreateInvalidation on "*"): with
      // no-cache, CloudFront revalidates these two files after its 1-second minimum TTL.
      cacheControl: [CacheControl.noCache()],
      memoryLimit: 512,
    });
    // New hashed assets must be in place before the index.html that references them.
    entry.node.addDependency(assets);

    // BucketDeployment runs one shared handler function (a stack-level singleton) for both deployments.
    const stack = Stack.of(this);
    for (const handler of stack.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))) {
      acknowledgeNag(handler, [
        { id: LAMBDA_BASIC_EXECUTION_FINDING, reason: 'CDK\'s BucketDeployment handler: AWSLambdaBasicExecutionRole only lets it write its own logs.' },
        { id: 'AwsSolutions-L1', reason: 'CDK\'s BucketDeployment handler: its Python runtime is chosen and updated by aws-cdk-lib, not by this app.' },
      ]);
      acknowledgeMatchingNag(
        handler,
        /^AwsSolutions-IAM5\[(Action::s3:(GetObject|GetBucket|List|DeleteObject|Abort)\*|Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-[^/]+\/\*|Resource::<DashboardSiteBucket\w+\.Arn>\/\*)\]$/,
        'CDK\'s BucketDeployment handler copies the built dashboard from the CDK asset bucket to the site bucket: s3 read on the two buckets, write/delete on the site bucket\'s objects only (the grant wildcards are aws-cdk-lib\'s grantRead/grantReadWrite patterns).',
      );
    }
  }
}

/**
 * The dashboard may talk to its own origin, the APIs (execute-api) and Cognito, and to nothing else.
 * NOTE: `style-src 'unsafe-inline'` is needed by the chart library's inline styles; scripts stay 'self' only.
 */
export function dashboardContentSecurityPolicy(region: string): string {
  const apis = `https://*.execute-api.${region}.amazonaws.com wss://*.execute-api.${region}.amazonaws.com`;
  const cognito = `https://cognito-idp.${region}.amazonaws.com https://*.auth.${region}.amazoncognito.com`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${apis} ${cognito}`,
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    `form-action 'self' https://*.auth.${region}.amazoncognito.com`,
  ].join('; ');
}

/**
 * The directory to deploy. When the dashboard has not been built, synthesis still works: a one-page
 * placeholder (in the OS temp directory, never in the repository) says how to build and redeploy.
 */
export function resolveDashboardDir(scope: Construct, dashboardDir: string): string {
  if (existsSync(join(dashboardDir, 'index.html'))) return dashboardDir;
  const placeholder = join(tmpdir(), 'dialogue-pulse-dashboard-placeholder');
  mkdirSync(placeholder, { recursive: true });
  writeFileSync(
    join(placeholder, 'index.html'),
    '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Dialogue Pulse</title>' +
      '<p>Bảng điều khiển chưa được build. / The dashboard was not built: run <code>npm run build:dashboard</code>, then <code>npx cdk deploy</code> again.</p></html>\n',
  );
  Annotations.of(scope).addWarningV2(
    'dialogue-pulse:dashboard-not-built',
    `${dashboardDir}/index.html is missing: deploying a placeholder page. Run \`npm run build:dashboard\` before \`cdk deploy\`.`,
  );
  return placeholder;
}

/** A CloudFront Function (cloudfront-js-2.0): /<page> and /<page>/ get /<page>/index.html; other paths are left to the SPA fallback. */
export function pageRewriteCode(pages: readonly string[]): string {
  return `function handler(event) {
  var request = event.request;
  var pages = ${JSON.stringify(pages)};
  for (var i = 0; i < pages.length; i++) {
    if (request.uri === '/' + pages[i] || request.uri === '/' + pages[i] + '/') request.uri = '/' + pages[i] + '/index.html';
  }
  return request;
}`;
}
