import { CreateTableCommand, UpdateTimeToLiveCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { tableDefinition, toCreateTableInput } from '../functions/store/table-definition.js';
import { adminClient } from '../infra/local/dynamodb-local.js';

/**
 * A table made like the project's (keys, GSIs, TTL) but without its stream, in the stack's DynamoDB
 * Local. NOTE: on each idle GetRecords the emulator steps over every stream record other tables got
 * since (bench/emulator-streams.bench.ts): a bulk load into a streamed bench table would slow every
 * poll of the stack's own stream. Streams play no part in what the benches read, in AWS or here.
 */
export async function createBenchTable(endpoint: string, name: string): Promise<void> {
  const admin = adminClient(endpoint);
  const input = { ...toCreateTableInput(name) } as Record<string, unknown>;
  delete input.StreamSpecification;
  await admin.send(new CreateTableCommand(input as never));
  await waitUntilTableExists({ client: admin, maxWaitTime: 30 }, { TableName: name });
  await admin.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: tableDefinition.timeToLiveAttribute } })).catch(() => undefined);
  admin.destroy();
}
