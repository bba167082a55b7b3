import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition } from '../functions/store/table-definition.js';

/**
 * The one DynamoDB table, built from functions/store/table-definition.ts: the same object the local
 * stack's CreateTable uses (test/infra/table-parity.test.ts checks the two agree).
 */
export function createDataTable(scope: Construct): TableV2 {
  const key = (name: string) => ({ name, type: AttributeType.STRING });
  return new TableV2(scope, 'Table', {
    partitionKey: key(tableDefinition.partitionKey),
    sortKey: key(tableDefinition.sortKey),
    globalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((gsi) => ({
      indexName: gsi.indexName,
      partitionKey: key(gsi.partitionKey),
      sortKey: key(gsi.sortKey),
      projectionType: ProjectionType.ALL,
    })),
    // On-demand: sessions come in bursts (a few hundred a year), idle the rest of the time.
    billing: Billing.onDemand(),
    // We use the stream to trigger the publisher (live updates to dashboards).
    dynamoStream: StreamViewType[tableDefinition.streamViewType],
    timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    // The district's records outlive any one deployment: `cdk destroy` leaves the table behind.
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
