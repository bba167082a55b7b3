import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../functions/domain/actor.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';

/**
 * The contract's role table, every mutation × every role × own/other ward, each case run for real:
 * an allowed one must change what it says, a refused one must answer FORBIDDEN and change nothing.
 * Ward officers act for tan-hung; the "other ward" officer is phu-my's, on the same tan-hung sessions.
 */
type Kind = 'PUBLIC' | 'THEMATIC' | 'BUSINESS_TAX';
type Mutation = 'scheduleSession' | 'startSession' | 'closeSession' | 'checkIn' | 'raiseConcern' | 'moveConcern';
interface Actor {
  name: string;
  role: Role;
  wardId?: string;
}

const OWN_WARD = 'tan-hung';
const ACTORS: Actor[] = [
  { name: 'LEADERSHIP', role: 'LEADERSHIP' },
  { name: 'WARD_OFFICER of the session\'s ward', role: 'WARD_OFFICER', wardId: OWN_WARD },
  { name: 'WARD_OFFICER of another ward', role: 'WARD_OFFICER', wardId: 'phu-my' },
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

describe('role boundaries: every mutation × every role × own/other ward', () => {
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
  const CASES: Record<Mutation, (kind: Kind, token: string) => Promise<{ result: Awaited<ReturnType<typeof call>>; applied(): Promise<void>; unchanged(): Promise<void> }>> = {
    async scheduleSession(kind, token) {
      const before = await totalSessions();
      const result = await call('mutation ($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id status } }', { i: scheduleInput(kind) }, token);
      return {
        result,
        applied: async () => expect(await totalSessions()).toBe(before + 1),
        unchanged: async () => expect(await totalSessions()).toBe(before),
      };
    },
    async startSession(kind, token) {
      const id = await session(kind, 'SCHEDULED');
      const result = await call('mutation ($id: ID!) { startSession(id: $id) { status } }', { id }, token);
      return { result, applied: async () => expect((await readSession(id)).status).toBe('LIVE'), unchanged: async () => expect((await readSession(id)).status).toBe('SCHEDULED') };
    },
    async closeSession(kind, token) {
      const id = await session(kind, 'LIVE');
      const result = await call('mutation ($id: ID!) { closeSession(id: $id) { status } }', { id }, token);
      return { result, applied: async () => expect((await readSession(id)).status).toBe('CLOSED'), unchanged: async () => expect((await readSession(id)).status).toBe('LIVE') };
    },
    async checkIn(kind, token) {
      const id = await session(kind, 'LIVE');
      const result = await call(
        'mutation ($i: CheckInInput!) { checkIn(input: $i) { delta } }',
        { i: { sessionId: id, category: 'RESIDENT', count: 3, requestId: requestId() } },
        token,
      );
      return { result, applied: async () => expect((await readSession(id)).attendance).toBe(3), unchanged: async () => expect((await readSession(id)).attendance).toBe(0) };
    },
    async raiseConcern(kind, token) {
      const id = await session(kind, 'LIVE');
      const result = await call(
        'mutation ($i: RaiseConcernInput!) { raiseConcern(input: $i) { status } }',
        { i: { sessionId: id, topic: 'Môi trường', text: 'Rác thải chưa được thu gom.', authority: 'WARD', requestId: requestId() } },
        token,
      );
      return { result, applied: async () => expect((await readSession(id)).concernCount).toBe(1), unchanged: async () => expect((await readSession(id)).concernCount).toBe(0) };
    },
    async moveConcern(kind, token) {
      const id = await concern(kind);
      const result = await call('mutation ($i: MoveConcernInput!) { moveConcern(input: $i) { status } }', { i: { concernId: id, to: 'IN_PROGRESS', note: 'Đang xử lý' } }, token);
      return {
        result,
        applied: async () => expect(await readConcern(id)).toEqual({ status: 'IN_PROGRESS', history: [{ to: 'OPEN' }, { to: 'IN_PROGRESS' }] }),
        unchanged: async () => expect(await readConcern(id)).toEqual({ status: 'OPEN', history: [{ to: 'OPEN' }] }),
      };
    },
  };

  for (const mutation of MUTATIONS) {
    describe(mutation, () => {
      for (const kind of KINDS) {
        for (const actor of ACTORS) {
          const allowed = mayAct(actor, kind);
          it(`${allowed ? 'lets' : 'refuses'} ${actor.name} on a ${kind} session${kind === 'PUBLIC' ? ` of ${OWN_WARD}` : ''}`, async () => {
            const { result, applied, unchanged } = await CASES[mutation](kind, tokens.get(actor.name)!);
            if (allowed) {
              expect(result.body.errors).toBeUndefined();
              await applied();
            } else {
              expect(result.body.errors?.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
              expect(result.body.errors![0].message).toMatch(/may|read-only|only/);
              expect(result.body.data ?? null).toBeNull();
              await unchanged();
            }
          });
        }
      }
    });
  }

  describe('registerBusiness', () => {
    let taxCodeNumber = 301_000_000;
    for (const actor of ACTORS) {
      const allowed = actor.role === 'ADMIN' || actor.role === 'TAX_OFFICER';
      it(`${allowed ? 'lets' : 'refuses'} ${actor.name}`, async () => {
        const taxCode = `0${++taxCodeNumber}`;
        const result = await call(
          'mutation ($i: RegisterBusinessInput!) { registerBusiness(input: $i) { taxCode } }',
          { i: { taxCode, name: 'Công ty TNHH Kiểm Tra Quyền', sector: 'TRADE', wardId: OWN_WARD } },
          tokens.get(actor.name)!,
        );
        const stored = expectData<any>(await call('query ($t: String!) { business(taxCode: $t) { taxCode } }', { t: taxCode }, admin)).business;
        if (allowed) {
          expect(result.body.errors).toBeUndefined();
          expect(stored).toEqual({ taxCode });
        } else {
          expect(result.body.errors?.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
          expect(stored).toBeNull();
        }
      });
    }
  });

  it('lets every role read everything', async () => {
    const id = await session('PUBLIC', 'LIVE');
    for (const actor of ACTORS) {
      const data = expectData<any>(await call('query ($id: ID!) { session(id: $id) { id } summary { sessions } wards { id } concerns(first: 1) { totalCount } }', { id }, tokens.get(actor.name)!));
      expect(data.session, actor.name).toEqual({ id });
    }
  });
});
