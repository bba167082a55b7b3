import { join } from 'node:path';
import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alarms } from './alarms.js';
import { Api } from './api.js';
import { DashboardHosting } from './dashboard-hosting.js';
import { createDataTable } from './data-table.js';
import { Identity } from './identity.js';
import { REPO_ROOT } from './lambda-bundling.js';
import { ReferenceData } from './reference-data.js';
import { StreamPublisher } from './stream-publisher.js';
import type { StageSettings } from './stage.js';

export interface DialoguePulseStackProps extends StackProps {
  settings: StageSettings;
  /** The built dashboard; defaults to dashboard/dist (a placeholder page is deployed when it is missing). */
  dashboardDir?: string;
}

/**
 * The whole system in one stack, in the order data flows: the table, the dashboard's hosting,
 * sign-in, the functions and APIs, the stream to the publisher, reference data, alarms.
 */
export class DialoguePulseStack extends Stack {
  readonly hosting: DashboardHosting;
  readonly identity: Identity;
  readonly api: Api;
  readonly streamPublisher: StreamPublisher;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: DialoguePulseStackProps) {
    super(scope, id, props);
    const { settings } = props;
    Tags.of(this).add('project', 'dialogue-pulse');
    Tags.of(this).add('stage', settings.stage);

    const table = createDataTable(this);
    this.hosting = new DashboardHosting(this, 'Dashboard', { dashboardDir: props.dashboardDir ?? join(REPO_ROOT, 'dashboard/dist') });
    const dashboardOrigins = [this.hosting.origin, ...settings.extraOrigins];
    this.identity = new Identity(this, 'Identity', { stage: settings.stage, dashboardOrigins });
    this.api = new Api(this, 'Api', {
      stage: settings.stage,
      table,
      allowedOrigins: dashboardOrigins,
      auth: { jwksUrl: this.identity.jwksUrl, issuer: this.identity.issuer, audience: this.identity.dashboardClient.userPoolClientId },
    });
    this.streamPublisher = new StreamPublisher(this, 'StreamPublisher', { table, publisher: this.api.functions.publisher });
    new ReferenceData(this, 'ReferenceData', { table, executeAfter: [table], units: settings.units, jurisdiction: settings.jurisdiction });

    this.hosting.deploy(
      {
        graphqlUrl: this.api.graphqlUrl,
        graphqlWsUrl: this.api.graphqlWsUrl,
        auth: {
          kind: 'cognito',
          authority: this.identity.issuer,
          clientId: this.identity.dashboardClient.userPoolClientId,
          scope: 'openid email profile',
          logoutUrl: `${this.identity.domain.baseUrl()}/logout`,
        },
      },
      props.dashboardDir ?? join(REPO_ROOT, 'dashboard/dist'),
    );

    this.alarms = new Alarms(this, 'Alarms', {
      stage: settings.stage,
      functions: this.api.functions,
      fanout: this.api.fanout,
      httpApi: this.api.httpApi,
      webSocketApi: this.api.webSocketApi,
      webSocketStageName: this.api.webSocketStage.stageName,
      deadLetterQueue: this.streamPublisher.deadLetterQueue,
      alarmEmail: settings.alarmEmail,
    });

    const output = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    output('DashboardUrl', this.hosting.origin, 'The dashboard (CloudFront)');
    output('GraphqlUrl', this.api.graphqlUrl, 'GraphQL over HTTP (POST)');
    output('GraphqlWsUrl', this.api.graphqlWsUrl, 'GraphQL subscriptions (graphql-transport-ws)');
    output('UserPoolId', this.identity.userPool.userPoolId, 'Cognito user pool: create users and put them in groups here');
    output('DashboardClientId', this.identity.dashboardClient.userPoolClientId, 'Cognito app client of the dashboard (the tokens\' audience)');
    output('SignInDomain', this.identity.domain.baseUrl(), 'Cognito sign-in pages');
    output('TableName', table.tableName, 'The DynamoDB table (retained when the stack is deleted)');
    output('AlarmTopicArn', this.alarms.topic.topicArn, 'SNS topic every alarm notifies: subscribe the on-call address');
    output('DeadLetterQueueUrl', this.streamPublisher.deadLetterQueue.queueUrl, 'Stream records the publisher gave up on');
  }
}
