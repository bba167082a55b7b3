import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PUBLISHED_ITEM_TYPES } from '../functions/realtime/stream-events.js';
import { acknowledgeNag } from './nag.js';

/**
 * The item types (`type` attribute) whose changes become subscription events: the publisher's own list
 * (docs/data-model.md "Stream events"), so the filter and the code cannot disagree. Any other write
 * (wards, counters, connections, subscriptions, delivery markers) never invokes the publisher.
 */
export const STREAM_EVENT_ITEM_TYPES = PUBLISHED_ITEM_TYPES;

/** Attempts after the first before a batch's failing records go to the dead-letter queue. */
export const STREAM_RETRY_ATTEMPTS = 3;

/**
 * Table stream → publisher. Records are filtered by item type before Lambda is invoked; a failing
 * record is retried alone (bisect + partial batch response), a bounded number of times, then its
 * position is sent to an SQS dead-letter queue so the stream keeps moving.
 */
export class StreamPublisher extends Construct {
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: { table: TableV2; publisher: IFunction }) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time to look at a failure after a long weekend.
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledgeNag(this.deadLetterQueue, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue (on-failure destination) of the stream event source.' },
    ]);

    props.publisher.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        // No batching window: a check-in should reach dashboards within a second.
        maxBatchingWindow: Duration.seconds(0),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: STREAM_RETRY_ATTEMPTS,
        // A live update older than an hour is of no use to a dashboard (it refetches on reconnect).
        maxRecordAge: Duration.hours(1),
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [streamEventFilter()],
      }),
    );
  }
}

/** Only inserts and updates of event-producing item types (removes, e.g. TTL expiry, carry no NewImage). */
export function streamEventFilter() {
  return FilterCriteria.filter({
    eventName: FilterRule.or('INSERT', 'MODIFY'),
    dynamodb: { NewImage: { type: { S: FilterRule.or(...STREAM_EVENT_ITEM_TYPES) } } },
  });
}
