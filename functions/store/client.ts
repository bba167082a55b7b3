import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { optionalEnv, requireEnv } from '../config.js';

export interface StoreConfig {
  tableName: string;
  /** Set locally (DynamoDB Local); unset in AWS. */
  endpoint?: string;
}

export function storeConfigFromEnv(): StoreConfig {
  return { tableName: requireEnv('TABLE_NAME'), endpoint: optionalEnv('DYNAMODB_ENDPOINT') };
}

/** A document client tuned to fail fast: a request never hangs on a stopped database. */
export function createDocumentClient(config: StoreConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    endpoint: config.endpoint,
    // DynamoDB Local accepts any credentials; in AWS the function's role provides them.
    ...(config.endpoint
      ? { region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
