/**
 * DynamoDB calls per accepted check-in (docs/performance.md, "Check-in path"; issue 21's goal: ≤ 4),
 * counted, not estimated: the kiosk's own mutation (`KioskCheckIn`: delta, attendance, at and the
 * session's attendance) runs through the API's Apollo server and resolvers in process, over a domain
 * whose document client counts every command it sends. Warm instance: the unit list is already cached
 * (one read per instance every 5 minutes), as it is for every check-in but a cold start's first.
 *
 * Cases: a first check-in; a repeat of it (same requestId, answered with the first one's delta); a
 * business representative's check-in in a tax round (the business is read for its sector and ward).
 *
 *   node --import tsx bench/checkin-calls.bench.ts
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../functions/domain/kernel/actor.js';
import { createDomain } from '../functions/domain/index.js';
import { createApolloServer } from '../functions/graphql/server.js';
import { createStores } from '../functions/store/index.js';
import { removeDataDir, startStack } from '../test/support/local-stack.js';
import { createBenchTable } from './bench-tables.js';
import { countCalls } from '../test/support/count-calls.js';

const GOAL = 4;
const ADMIN: Actor = { id: 'bench-admin', role: 'ADMIN' };
const TAX: Actor = { id: 'bench-tax', role: 'TAX_OFFICER' };
const KIOSK_CHECK_IN = 'mutation KioskCheckIn($input: CheckInInput!) { checkIn(input: $input) { delta attendance at session { id attendance } } }';

const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'dialogue-pulse-bench-'));
const stack = await startStack({ dataDir });
const endpoint = /DynamoDB Local on (http:\/\/[^\s]+)/.exec(stack.output())?.[1];
if (!endpoint) throw new Error(`no DynamoDB endpoint in:\n${stack.output()}`);

try {
  const tableName = 'checkin-calls';
  await createBenchTable(endpoint, tableName);
  const stores = createStores({ tableName, endpoint });
  const { calls } = countCalls(stores.db);
  const domain = createDomain(stores);
  await domain.wards.ensureReferenceWards();
  const server = createApolloServer();
  await server.start();
  const logger = new Logger({ serviceName: 'bench', logLevel: 'ERROR' });

  const now = new Date(Date.now() - 60_000).toISOString();
  const ward = (await domain.wards.listWards()).find((w) => !w.validTo)!;
  const publicSession = await domain.sessions.scheduleSession(ADMIN, { kind: 'PUBLIC', title: 'Bench', hostBody: 'UBND phường', wardId: ward.id, scheduledAt: now });
  await domain.sessions.startSession(ADMIN, publicSession.id);
  const round = await domain.sessions.scheduleSession(TAX, { kind: 'BUSINESS_TAX', title: 'Bench round', hostBody: 'Thuế cơ sở', wardId: ward.id, scheduledAt: now });
  await domain.sessions.startSession(TAX, round.id);
  const business = await domain.businesses.registerBusiness(TAX, { taxCode: '0312999001', name: 'Công ty Bench', sector: 'TRADE', wardId: ward.id });

  const checkIn = async (actor: Actor, input: Record<string, unknown>) => {
    calls.length = 0;
    const response = await server.executeOperation({ query: KIOSK_CHECK_IN, variables: { input } }, { contextValue: { actor, requestId: 'bench', domain, logger } });
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    if (!result || result.errors?.length) throw new Error(`checkIn failed: ${JSON.stringify(result?.errors)}`);
    return { calls: [...calls], data: result.data as { checkIn: { delta: number; attendance: number; session: { attendance: number } } } };
  };

  // Warm-up: each session's first check-in (nothing is cached per session; this only makes the run like every later one).
  await checkIn(ADMIN, { sessionId: publicSession.id, category: 'RESIDENT', count: 1, requestId: 'warm-1' });
  await checkIn(TAX, { sessionId: round.id, category: 'OFFICIAL', count: 1, requestId: 'warm-2' });

  const first = await checkIn(ADMIN, { sessionId: publicSession.id, category: 'RESIDENT', count: 3, requestId: 'door-1' });
  const repeat = await checkIn(ADMIN, { sessionId: publicSession.id, category: 'RESIDENT', count: 3, requestId: 'door-1' });
  const firm = await checkIn(TAX, { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', count: 1, businessId: business.id, requestId: 'firm-1' });
  if (first.data.checkIn.attendance !== 4 || repeat.data.checkIn.attendance !== 4 || repeat.data.checkIn.delta !== 3 || first.data.checkIn.session.attendance !== 4) {
    throw new Error(`wrong answers: ${JSON.stringify([first.data, repeat.data])}`);
  }

  const rows = [
    ['a first check-in', first.calls],
    ['a repeat (same requestId)', repeat.calls],
    ["a business representative's check-in", firm.calls],
  ] as const;
  console.log(`\nDynamoDB calls per accepted check-in (the kiosk's mutation, in process; goal ≤ ${GOAL}):\n`);
  console.log('| check-in | calls | which |\n|---|---|---|');
  for (const [name, list] of rows) console.log(`| ${name} | ${list.length} | ${list.join(', ')} |`);
  await server.stop();
  if (rows.some(([, list]) => list.length > GOAL)) process.exitCode = 1;
} finally {
  await stack.stop();
  removeDataDir(dataDir);
}
process.exit(process.exitCode ?? 0);
