import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag.js';
import { ROLES, type Role } from '../functions/domain/kernel/actor.js';

/** What each Cognito group is for (the group names are the roles of functions/domain/kernel/actor.ts). */
const GROUP_DESCRIPTIONS: Record<Role, string> = {
  LEADERSHIP: 'District leaders: watch every ward, log nothing.',
  WARD_OFFICER: 'Ward officers: log sessions, check-ins and concerns for the ward in custom:wardId.',
  TAX_OFFICER: 'Tax office: tax dialogue rounds, businesses, their concerns.',
  ADMIN: 'Administrators: everything, including users.',
};

export interface IdentityProps {
  stage: string;
  /** The dashboard's origins (https://…): where Cognito may send users back after sign-in and sign-out. */
  dashboardOrigins: string[];
}

/**
 * Who may sign in: a Cognito user pool (no self sign-up: administrators create users and put them in
 * groups), the `custom:wardId` attribute, and the dashboard's app client (authorization code + PKCE).
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly dashboardClient: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of the tokens and the OIDC authority. */
  readonly issuer: string;
  /** Where the functions fetch the keys that sign the tokens. */
  readonly jwksUrl: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `dialogue-pulse-${props.stage}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      // Only administrators set it (the app client below cannot write it): a ward officer cannot move wards.
      customAttributes: { wardId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      // The users are the district's staff accounts: they outlive a deployment, like the table.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeNag(this.userPool, [
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is OPTIONAL (TOTP only, no SMS): ward officers sign in on shared check-in phones at the door; administrators are asked to enrol TOTP (docs/deploy.md). Switch to Mfa.REQUIRED here when every user has an authenticator.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials tier: a closed pool of a few dozen staff accounts created by administrators (no self sign-up); Plus threat protection is billed per active user and can be enabled later without redeploying users.',
      },
    ]);

    for (const role of ROLES) {
      this.userPool.addGroup(`Group${role}`, { groupName: role, description: GROUP_DESCRIPTIONS[role] });
    }

    const stack = Stack.of(this);
    this.domain = this.userPool.addDomain('Domain', {
      // Cognito domain prefixes are global per region: the account id keeps each deployment's unique.
      cognitoDomain: { domainPrefix: `dialogue-pulse-${props.stage}-${Aws.ACCOUNT_ID}` },
    });

    const readable = new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
      .withCustomAttributes('wardId');
    this.dashboardClient = this.userPool.addClient('DashboardClient', {
      userPoolClientName: `dashboard-${props.stage}`,
      // A browser app: a public client (no secret) using the authorization code flow with PKCE.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: props.dashboardOrigins.map((origin) => `${origin}/auth/callback`),
        logoutUrls: props.dashboardOrigins.map((origin) => `${origin}/`),
      },
      readAttributes: readable,
      // Users may change their name; never their ward (custom:wardId) or their e-mail.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // The wallboard stays signed in for a working week on the refresh token.
      refreshTokenValidity: Duration.days(7),
    });

    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
  }
}
