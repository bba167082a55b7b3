import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../functions/domain/kernel/actor.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';

/**
 * The contract's role table, mutation by mutation, on sessions and concerns someone else (ADMIN)
 * prepared: a permission must not depend on who created the thing. The refusals (every role × kind ×
 * own/other ward, FORBIDDEN and nothing written) are in domain-sessions.test.ts ("the role table,
 * mutation by mutation"), whose allowed cases run on the actor's own sessions; this file adds each
 * allowed mutation on its own, on an ADMIN's session, checking it changed what it says.
 * Ward officers act for tan-hung.
 */
type Kind = 'PUBLIC' | 'THEMATIC' | 'BUSINESS_TAX';
type Mutation = 'scheduleSession' | 'startSession' | 'closeSession' | 'checkIn' | 'raiseConcern' | 'moveConcern';
interface Actor {
  name: string;
  role: Role;
  wardId?: string;
}

const OWN_WARD = 'tan-hung-2025';
const ACTORS: Actor[] = [
  { name: 'LEADERSHIP', role: 'LEADERSHIP' },
  { name: 'WARD_OFFICER of the session\'s ward', role: 'WARD_OFFICER', wardId: OWN_WARD },
  { name: 'WARD_OFFICER of another ward', role: 'WARD_OFFICER', wardId: 'tan-my-2025' },
  { name: 'TAX_OFFICER', role: 'TAX_OFFICER' },
  { name: 'ADMIN', role: 'ADMIN' },
];
const KINDS: Kind[] = ['PUBLIC', 'THEMATIC', 'BUSINESS_TAX'];
const MUTATIONS: Mutation[] = ['scheduleSession', 'startSession', 'closeSession', 'checkIn', 'raiseConcern', 'moveConcern'];

/** The contract: ward officers PUBLIC sessions of their own ward, tax officers BUSINESS_TAX sessions, ADMIN everything. */
function mayAct(actor: Actor, kind: Kind): boolean {
  if (actor.role === 'ADMIN') return true;
  if (actor.role === 'WARD_OFFICER') return kind === 'PUBLIC' && actor.wardId === OWN_WARD;
  if (actor.role === 'TAX_OFFICER') return kind === 'BUSINESS_TAX';
  return false;
}

let requestNumber = 0;
const requestId = () => `roles-${process.pid}-${++requestNumber}`;

describe('role boundaries: each allowed mutation on sessions and concerns another user prepared', () => {
  let stack: RunningStack;
  let admin: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.token('ADMIN');
    for (const actor of ACTORS) tokens.set(actor.name, await stack.token(actor.role, actor.wardId, `sub-${actor.role}-${actor.wardId ?? 'none'}`));
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  const call = (query: string, variables: Record<string, unknown>, token: string) => stack.graphql(query, variables, token);

  const scheduleInput = (kind: Kind) => ({
    kind,
    title: `Phiên ${kind} kiểm tra quyền`,
    hostBody: kind === 'BUSINESS_TAX' ? 'Chi cục Thuế Quận 7' : 'Đảng ủy - UBND phường Tân Hưng',
    scheduledAt: new Date().toISOString(),
    ...(kind === 'PUBLIC' ? { wardId: OWN_WARD } : {}),
  });

  async function session(kind: Kind, status: 'SCHEDULED' | 'LIVE'): Promise<string> {
    const { scheduleSession } = expectData<any>(await call('mutation ($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }', { i: scheduleInput(kind) }, admin));
    if (status === 'LIVE') expectData(await call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: scheduleSession.id }, admin));
    return scheduleSession.id;
  }

  async function concern(kind: Kind): Promise<string> {
    const sessionId = await session(kind, 'LIVE');
    const { raiseConcern } = expectData<any>(
      await call(
        'mutation ($i: RaiseConcernInput!) { raiseConcern(input: $i) { id } }',
        { i: { sessionId, topic: 'Hạ tầng', text: 'Đường ngập nước khi mưa.', authority: 'WARD', requestId: requestId() } },
        admin,
      ),
    );
    return raiseConcern.id;
  }

  const readSession = async (id: string) =>
    expectData<any>(await call('query ($id: ID!) { session(id: $id) { status attendance concernCount } }', { id }, admin)).session;
  const readConcern = async (id: string) => expectData<any>(await call('query ($id: ID!) { concern(id: $id) { status history { to } } }', { id }, admin)).concern;
  const totalSessions = async () => expectData<any>(await call('{ summary { sessions } }', {}, admin)).summary.sessions as number;

  /** Each case: set up with ADMIN, act as the actor, and say what must (not) have changed. */
  const CASES: Record<Mutation, (kind: Kind, token: string) => Promise<{ result: Awaited<ReturnType<typeof call>>; applied(): Promise<void> }>> = {
    async scheduleSession(kind, token) {
      const before = await totalSessions();
      const result = await call('mutation ($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id status } }', { i: scheduleInput(kind) }, token);
      return {
        result,
        applied: async () => expect(await totalSessions()).toBe(before + 1),
      };
    },
    async startSession(kind, token) {
      const id = await session(kind, 'SCHEDULED');
      const result = await call('mutation ($id: ID!) { startSession(id: $id) { status } }', { id }, token);
      return { result, applied: async () => expect((await readSession(id)).status).toBe('LIVE') };
    },
    async closeSession(kind, token) {
      const id = await session(kind, 'LIVE');
      const result = await call('mutation ($id: ID!) { closeSession(id: $id) { status } }', { id }, token);
      return { result, applied: async () => expect((await readSession(id)).status).toBe('CLOSED') };
    },
    async checkIn(kind, token) {
      const id = await session(kind, 'LIVE');
      const result = await call(
        'mutation ($i: CheckInInput!) { checkIn(input: $i) { delta } }',
        { i: { sessionId: id, category: 'RESIDENT', count: 3, requestId: requestId() } },
        token,
      );
      return { result, applied: async () => expect((await readSession(id)).attendance).toBe(3) };
    },
    async raiseConcern(kind, token) {
      const id = await session(kind, 'LIVE');
      const result = await call(
        'mutation ($i: RaiseConcernInput!) { raiseConcern(input: $i) { status } }',
        { i: { sessionId: id, topic: 'Môi trường', text: 'Rác thải chưa được thu gom.', authority: 'WARD', requestId: requestId() } },
        token,
      );
      return { result, applied: async () => expect((await readSession(id)).concernCount).toBe(1) };
    },
    async moveConcern(kind, token) {
      const id = await concern(kind);
      const result = await call('mutation ($i: MoveConcernInput!) { moveConcern(input: $i) { status } }', { i: { concernId: id, to: 'IN_PROGRESS', note: 'Đang xử lý' } }, token);
      return {
        result,
        applied: async () => expect(await readConcern(id)).toEqual({ status: 'IN_PROGRESS', history: [{ to: 'OPEN' }, { to: 'IN_PROGRESS' }] }),
      };
    },
  };

  for (const mutation of MUTATIONS) {
    describe(mutation, () => {
      for (const kind of KINDS) {
        for (const actor of ACTORS) {
          if (!mayAct(actor, kind)) continue; // refusals: domain-sessions.test.ts
          it(`lets ${actor.name} ${mutation} on a ${kind} session${kind === 'PUBLIC' ? ` of ${OWN_WARD}` : ''} an ADMIN prepared`, async () => {
            const { result, applied } = await CASES[mutation](kind, tokens.get(actor.name)!);
            expect(result.body.errors).toBeUndefined();
            await applied();
          });
        }
      }
    });
  }
});
