import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * The `publisher` Lambda: DynamoDB Stream records in, graphql-ws `next` messages out to every
 * matching subscription (work in progress: answers every record as processed).
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  void event;
  return { batchItemFailures: [] };
};
