import { expectData, type RunningStack } from '../support/local-stack.js';

export const FAULT_WARD = 'tan-hung-2025';

/** A LIVE PUBLIC session in FAULT_WARD, scheduled and started by an administrator. */
export async function startLiveSession(stack: RunningStack, title: string): Promise<string> {
  const admin = await stack.token('ADMIN');
  const scheduled = expectData<any>(
    await stack.graphql(
      'mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }',
      { input: { kind: 'PUBLIC', title, wardId: FAULT_WARD, hostBody: 'Đảng ủy - UBND phường Tân Hưng', scheduledAt: new Date().toISOString() } },
      admin,
    ),
  );
  const id = scheduled.scheduleSession.id as string;
  expectData(await stack.graphql('mutation ($id: ID!) { startSession(id: $id) { status } }', { id }, admin));
  return id;
}

/** The attendance as every screen reports it: the session, its ward's stats and the district summary. */
export async function readAttendance(stack: RunningStack, sessionId: string): Promise<{ session: number; ward: number; district: number }> {
  const data = expectData<any>(
    await stack.graphql(
      'query ($id: ID!, $ward: ID!) { session(id: $id) { attendance } ward(id: $ward) { stats { attendance } } summary { attendance } }',
      { id: sessionId, ward: FAULT_WARD },
      await stack.token('LEADERSHIP'),
    ),
  );
  return { session: data.session.attendance, ward: data.ward.stats.attendance, district: data.summary.attendance };
}
