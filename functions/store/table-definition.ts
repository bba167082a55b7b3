/**
 * The one DynamoDB table, described once. The local stack creates it from `toCreateTableInput()`;
 * the CDK stack (infra/) builds its `TableV2` from the same object, and a test checks the two agree.
 * The item layouts that live in it are documented in docs/data-model.md.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Every index projects ALL attributes: the lists they serve render whole items. */
  globalSecondaryIndexes: [
    // District-wide lists, newest first: sessions by scheduledAt, concerns by raisedAt, wards in order,
    // the activity feed, and subscriptions by topic.
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    // Per-ward lists: a ward's sessions, a ward's concerns.
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    // Per-session lists: a session's concerns.
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
  /** The publisher reads old and new images to know what changed. */
  streamViewType: 'NEW_AND_OLD_IMAGES',
  /** Epoch seconds; connection and subscription items expire by it. */
  timeToLiveAttribute: 'ttl',
} as const;


/** The CreateTable request for DynamoDB Local (on-demand, like the deployed table). */
export function toCreateTableInput(tableName: string) {
  const keyAttributes = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
  for (const gsi of tableDefinition.globalSecondaryIndexes) {
    keyAttributes.add(gsi.partitionKey);
    keyAttributes.add(gsi.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...keyAttributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((gsi) => ({
      IndexName: gsi.indexName,
      KeySchema: [
        { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
  };
}
