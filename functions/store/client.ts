import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localEndpointOptions, optionalEnv, requireEnv } from '../config.js';

export interface StoreConfig {
  tableName: string;
  /** Set locally (DynamoDB Local); unset in AWS. */
  endpoint?: string;
}

/** What each store's parts work with: the document client and the one table. */
export interface TableDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export function storeConfigFromEnv(): StoreConfig {
  return { tableName: requireEnv('TABLE_NAME'), endpoint: optionalEnv('DYNAMODB_ENDPOINT') };
}

/** A document client tuned to fail fast: a request never hangs on a stopped database. */
export function createDocumentClient(config: StoreConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    // DynamoDB Local accepts any credentials; in AWS the function's role provides them.
    ...localEndpointOptions(config.endpoint),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, httpAgent: { keepAlive: true, maxSockets: LOCAL_MAX_IN_FLIGHT } },
  });
  const db = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  if (config.endpoint) limitInFlight(db, LOCAL_MAX_IN_FLIGHT);
  return db;
}

// NOTE: in AWS each Lambda instance serves one request at a time. Locally one process serves every
// request, and a burst (500 simultaneous check-ins) would open hundreds of connections to DynamoDB
// Local at once: the connection timeout (which counts the wait for a socket) then fires on a healthy
// database. Locally, calls beyond this many wait their turn in the process instead.
const LOCAL_MAX_IN_FLIGHT = 24;

function limitInFlight(db: DynamoDBDocumentClient, limit: number): void {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const send = db.send.bind(db) as (...args: unknown[]) => Promise<unknown>;
  (db as { send: unknown }).send = async (...args: unknown[]) => {
    if (inFlight >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight += 1;
    try {
      return await send(...args);
    } finally {
      inFlight -= 1;
      waiting.shift()?.();
    }
  };
}
