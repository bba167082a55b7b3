// Helpers for the dialogue-domain integration tests (test/integration/domain-*.test.ts).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Role } from '../../functions/domain/kernel/actor.js';
import { expectData, type RunningStack } from '../support/local-stack.js';

export const SESSION_FIELDS = 'id kind title status scheduledAt startedAt closedAt hostBody attendance ward { id }';
export const CONCERN_FIELDS = 'id status authority response raisedAt closedAt topic text ward { id } business { id } session { id } history { from to at by note }';

export interface Actors {
  admin: string;
  leadership: string;
  tax: string;
  ward: (wardId: string) => Promise<string>;
  as: (role: Role, wardId?: string, sub?: string) => Promise<string>;
}

export async function actorsOf(stack: RunningStack): Promise<Actors> {
  return {
    admin: await stack.token('ADMIN', undefined, 'test-admin'),
    leadership: await stack.token('LEADERSHIP', undefined, 'test-leader'),
    tax: await stack.token('TAX_OFFICER', undefined, 'test-tax'),
    ward: (wardId) => stack.token('WARD_OFFICER', wardId, `test-officer-${wardId}`),
    as: (role, wardId, sub) => stack.token(role, wardId, sub),
  };
}

export interface ScheduleInput {
  kind: string;
  title?: string;
  wardId?: string | null;
  hostBody?: string;
  scheduledAt?: string;
}

export function domainClient(stack: RunningStack) {
  const ok = async <T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => expectData<T>(await stack.graphql(query, variables, token));
  /** Runs a request expected to be refused; returns the error's code and message. */
  const refused = async (query: string, variables: Record<string, unknown>, token: string): Promise<{ code: string; message: string }> => {
    const result = await stack.graphql(query, variables, token);
    expect(result.body.errors?.length, `expected a refusal, got ${JSON.stringify(result.body.data)}`).toBeGreaterThan(0);
    return { code: result.body.errors![0].extensions?.code, message: result.body.errors![0].message };
  };
  return {
    ok,
    refused,
    async schedule(token: string, input: ScheduleInput): Promise<any> {
      const data = await ok<{ scheduleSession: any }>(
        `mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { ${SESSION_FIELDS} } }`,
        { input: { title: 'Đối thoại trực tiếp với nhân dân', hostBody: 'Đảng ủy - UBND phường', scheduledAt: '2026-03-01T01:00:00.000Z', ...input } },
        token,
      );
      return data.scheduleSession;
    },
    start: async (token: string, id: string) => (await ok<any>(`mutation ($id: ID!) { startSession(id: $id) { ${SESSION_FIELDS} } }`, { id }, token)).startSession,
    close: async (token: string, id: string) => (await ok<any>(`mutation ($id: ID!) { closeSession(id: $id) { ${SESSION_FIELDS} } }`, { id }, token)).closeSession,
    async live(token: string, input: ScheduleInput): Promise<any> {
      const s = await this.schedule(token, input);
      return this.start(token, s.id);
    },
    async checkIn(token: string, input: { sessionId: string; category?: string; count?: number; businessId?: string; requestId: string }) {
      return (await ok<any>('mutation ($input: CheckInInput!) { checkIn(input: $input) { delta attendance at session { id attendance } } }', { input: { category: 'RESIDENT', ...input } }, token)).checkIn;
    },
    async raise(token: string, input: { sessionId: string; businessId?: string; topic?: string; text?: string; authority?: string; requestId: string }) {
      return (
        await ok<any>(`mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { ${CONCERN_FIELDS} } }`, { input: { topic: 'Ngập nước', text: 'Hẻm ngập khi triều cường.', authority: 'WARD', ...input } }, token)
      ).raiseConcern;
    },
    async move(token: string, input: { concernId: string; to: string; note?: string; response?: string; authority?: string }) {
      return (await ok<any>(`mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { ${CONCERN_FIELDS} } }`, { input }, token)).moveConcern;
    },
    session: async (token: string, id: string) => (await ok<any>(`query ($id: ID!) { session(id: $id) { ${SESSION_FIELDS} attendanceByCategory { category count } concerns { totalCount } } }`, { id }, token)).session,
    concern: async (token: string, id: string) => (await ok<any>(`query ($id: ID!) { concern(id: $id) { ${CONCERN_FIELDS} } }`, { id }, token)).concern,
    async register(token: string, input: { taxCode: string; name?: string; sector?: string; wardId?: string }) {
      return (await ok<any>('mutation ($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id taxCode name sector ward { id } } }', { input: { name: 'Công ty TNHH Minh Phát', sector: 'TRADE', ...input } }, token))
        .registerBusiness;
    },
    async summary(token: string, period?: { from: string; to: string }) {
      return (
        await ok<any>(
          `query ($period: PeriodInput) { summary(period: $period) { sessions liveSessions attendance attendanceByCategory { category count }
            wards { ward { id } sessions attendance concerns concernsClosed }
            concerns { open answeredOnSpot inProgress resolved escalated answered }
            tax { rounds businessesEngaged escalatedToCity outcomes { open answeredOnSpot inProgress resolved escalated answered } } } }`,
          { period },
          token,
        )
      ).summary;
    },
    async wardStats(token: string, wardId: string, period?: { from: string; to: string }) {
      return (await ok<any>('query ($id: ID!, $period: PeriodInput) { ward(id: $id) { stats(period: $period) { sessions attendance concerns concernsClosed } } }', { id: wardId, period }, token)).ward.stats;
    },
  };
}

let counter = 0;
/** A request id unique within the test run. */
export const rid = (label = 'r') => `${label}-${process.pid}-${Date.now().toString(36)}-${(counter += 1)}`;

/**
 * A fresh data directory on tmpfs when the machine has one. NOTE: DynamoDB Local syncs every write to
 * disk; on this project's shared VM that makes it ~10× slower than on memory-backed storage. The
 * emulator, table and handlers are the same; only where its files live differs.
 */
export function fastDataDir(): string {
  return mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'dialogue-pulse-domain-'));
}
