import { Duration } from 'aws-cdk-lib';
import type { HttpApi, WebSocketApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { HandlerName } from './lambda-bundling.js';

export interface AlarmsProps {
  stage: string;
  functions: Record<HandlerName, NodejsFunction>;
  /** The chunked fan-out function (its errors and throttles are alarmed like the others'). */
  fanout?: NodejsFunction;
  httpApi: HttpApi;
  webSocketApi: WebSocketApi;
  webSocketStageName: string;
  deadLetterQueue: Queue;
  alarmEmail?: string;
}

/**
 * Every alarm goes to one SNS topic. docs/operations.md says what each one means and what to do;
 * the alarm names below are the headings there.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    // CloudWatch must be allowed to use the key that encrypts the topic.
    const key = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Dialogue Pulse alarm topic' });
    key.grantEncryptDecrypt(new ServicePrincipal('cloudwatch.amazonaws.com'));
    this.topic = new Topic(this, 'Topic', { displayName: `Dialogue Pulse alarms (${props.stage})`, masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const action = new SnsAction(this.topic);
    const add = (name: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1) => {
      const alarm = new Alarm(this, name.replace(/[^A-Za-z0-9]/g, ''), {
        alarmName: `dialogue-pulse-${props.stage}-${name}`,
        alarmDescription: `${description} See docs/operations.md "${name}".`,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
      return alarm;
    };
    const fiveMinutes = Duration.minutes(5);

    const functions: [string, NodejsFunction][] = Object.entries(props.functions);
    if (props.fanout) functions.push(['fanout', props.fanout]);
    for (const [name, fn] of functions) {
      add(`${name}-errors`, `The ${name} function failed (threw or timed out) at least 3 times in 5 minutes.`, fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 3);
      add(`${name}-throttles`, `The ${name} function was throttled (account concurrency exhausted).`, fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }), 1);
    }
    add(
      'publisher-iterator-age',
      'The publisher is more than a minute behind the table stream: dashboards are showing stale numbers.',
      new Metric({
        namespace: 'AWS/Lambda',
        metricName: 'IteratorAge',
        dimensionsMap: { FunctionName: props.functions.publisher.functionName },
        statistic: 'Maximum',
        period: Duration.minutes(1),
      }),
      60_000,
      3,
    );
    add(
      'dead-letter-queue',
      'Stream records the publisher could not deliver after every retry are waiting in the dead-letter queue.',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      1,
    );
    add(
      'http-api-5xx',
      'The HTTP API answered 5xx (function crash, timeout or misconfiguration) at least 5 times in 5 minutes.',
      props.httpApi.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
      5,
    );
    add(
      'websocket-api-errors',
      'The WebSocket API failed to run graphql-ws (integration errors) at least 5 times in 5 minutes.',
      new Metric({
        namespace: 'AWS/ApiGateway',
        metricName: 'IntegrationError',
        dimensionsMap: { ApiId: props.webSocketApi.apiId, Stage: props.webSocketStageName },
        statistic: 'Sum',
        period: fiveMinutes,
      }),
      5,
    );
  }
}
