import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { actorsOf, domainClient, fastDataDir, rid, type Actors } from './domain-support.js';

// Live attendance: idempotent, exact under concurrency, counted everywhere it shows.
describe('live attendance (checkIn)', () => {
  let stack: RunningStack;
  let who: Actors;
  let api: ReturnType<typeof domainClient>;
  beforeAll(async () => {
    stack = await startStack({ dataDir: fastDataDir() });
    who = await actorsOf(stack);
    api = domainClient(stack);
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it(
    'counts 500 concurrent check-ins with 100 simultaneous duplicate requestIds exactly once each, in the session, its ward, its category, the district and the ward stats',
    async () => {
      // Prepare: a live session at an instant no other test uses, so the period sums are this test's alone.
      const scheduledAt = '2031-05-05T01:00:00.000Z';
      const period = { from: '2031-05-05T00:00:00.000Z', to: '2031-05-06T00:00:00.000Z' };
      const officer = await who.ward('tan-hung-2025');
      const session = await api.live(officer, { kind: 'PUBLIC', wardId: 'tan-hung-2025', scheduledAt });
      // Act: 400 distinct requests + 100 repeats of 50 of them (each sent twice at the same moment), count 3.
      const requestIds = Array.from({ length: 400 }, (_, i) => `burst-${i}`);
      const sends = [...requestIds, ...requestIds.slice(0, 100)];
      // A device whose connection drops resends the same request (same requestId), as a kiosk does.
      let resent = 0;
      const send = async (requestId: string) => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await stack.graphql('mutation ($input: CheckInInput!) { checkIn(input: $input) { delta attendance at } }', { input: { sessionId: session.id, category: 'PARTY_MEMBER', count: 3, requestId } }, officer);
          } catch (error) {
            if (attempt === 3) throw error;
            resent += 1;
          }
        }
      };
      const results = await Promise.all(sends.map(send));
      expect(resent).toBeLessThan(50);
      // Assess: every request answered, and each requestId counted once: 400 × 3.
      const failures = results.filter((r) => r.body.errors);
      expect(failures.map((f) => f.body.errors)).toEqual([]);
      expect(results.every((r) => r.body.data.checkIn.delta === 3)).toBe(true);
      const after = await api.session(who.leadership, session.id);
      expect(after.attendance).toBe(1200);
      expect(after.attendanceByCategory).toEqual([{ category: 'PARTY_MEMBER', count: 1200 }]);
      const summary = await api.summary(who.leadership, period);
      expect(summary.attendance).toBe(1200);
      expect(summary.attendanceByCategory).toEqual([{ category: 'PARTY_MEMBER', count: 1200 }]);
      expect(summary.wards.find((w: any) => w.ward.id === 'tan-hung-2025')).toMatchObject({ sessions: 1, attendance: 1200 });
      expect(summary.wards.filter((w: any) => w.ward.id !== 'tan-hung-2025').every((w: any) => w.attendance === 0)).toBe(true);
      expect(await api.wardStats(who.leadership, 'tan-hung-2025', period)).toMatchObject({ sessions: 1, attendance: 1200 });
      // The duplicates answered the first call's result: same delta and time.
      const byRequest = new Map<string, string>();
      sends.forEach((requestId, i) => {
        const at = results[i].body.data.checkIn.at;
        if (byRequest.has(requestId)) expect(at).toBe(byRequest.get(requestId));
        else byRequest.set(requestId, at);
      });
    },
    300_000,
  );

  it('reads a summary as one moment while check-ins land: every read marked consistent has district = Σ wards = Σ its live sessions, and the read after the burst is exact', async () => {
    // Prepare: two live sessions in two wards on a day no other test uses; the summary for that day
    // counts only them. Live sessions of other tests (listed too, whatever the period) do not move.
    const scheduledAt = '2032-02-02T02:00:00.000Z';
    const period = { from: '2032-02-02T00:00:00.000Z', to: '2032-02-03T00:00:00.000Z' };
    const wards = ['tan-thuan-2025', 'tan-thuan-2025'];
    const sessions = await Promise.all(wards.map(async (wardId) => api.live(await who.ward(wardId), { kind: 'PUBLIC', wardId, scheduledAt })));
    const officers = await Promise.all(wards.map((w) => who.ward(w)));
    const ours = new Set(sessions.map((s) => s.id));
    const observe = async () => {
      const { summary } = await api.ok<any>(
        'query ($period: PeriodInput) { summary(period: $period) { consistent attendance liveSessions live { attendance session { id attendance } } wards { attendance } } }',
        { period },
        who.leadership,
      );
      const live = summary.live.filter((l: any) => ours.has(l.session.id)).reduce((sum: number, l: any) => sum + l.attendance, 0);
      expect(summary.live.every((l: any) => l.session.attendance === l.attendance), 'session.attendance is read with the summary').toBe(true);
      const byWards = summary.wards.reduce((sum: number, w: any) => sum + w.attendance, 0);
      return { consistent: summary.consistent, district: summary.attendance, byWards, live, liveListed: summary.live.length === summary.liveSessions };
    };

    // Act: 120 check-ins of 1..3 people, 8 at a time, spread over both sessions, while summaries are read.
    const counts = Array.from({ length: 120 }, (_, i) => 1 + (i % 3));
    let writing = true;
    const reads: Awaited<ReturnType<typeof observe>>[] = [];
    const reader = (async () => {
      while (writing) reads.push(await observe());
    })();
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let i = next++; i < counts.length; i = next++) {
        await api.checkIn(officers[i % 2]!, { sessionId: sessions[i % 2]!.id, count: counts[i], requestId: rid(`moment-${i}`) });
      }
    }));
    writing = false;
    await reader;
    const after = await observe();

    // Assert: reads happened during the burst, and every one marked consistent is a single moment.
    const total = counts.reduce((a, b) => a + b, 0);
    const during = reads.filter((r) => r.district > 0 && r.district < total);
    expect(during.length, `reads during the burst: ${JSON.stringify(reads)}`).toBeGreaterThan(0);
    const settled = reads.filter((r) => r.consistent);
    console.log(`summary reads during 120 check-ins: ${reads.length}, consistent ${settled.length}, during the burst ${during.length}`);
    for (const r of settled) {
      expect(r, 'a read marked consistent mixes moments').toMatchObject({ byWards: r.district, live: r.district, liveListed: true });
    }
    expect(after).toEqual({ consistent: true, district: total, byWards: total, live: total, liveListed: true });
  });

  it('answers a repeated requestId with the first result and counts nothing again, also after the session closed', async () => {
    const officer = await who.ward('tan-thuan-2025');
    const session = await api.live(officer, { kind: 'PUBLIC', wardId: 'tan-thuan-2025', scheduledAt: '2031-06-01T01:00:00.000Z' });
    const requestId = rid();
    const first = await api.checkIn(officer, { sessionId: session.id, count: 12, requestId });
    expect(first).toMatchObject({ delta: 12, attendance: 12 });
    const again = await api.checkIn(officer, { sessionId: session.id, count: 99, requestId, category: 'OTHER' });
    expect(again).toMatchObject({ delta: 12, attendance: 12, at: first.at });
    await api.close(officer, session.id);
    const afterClose = await api.checkIn(officer, { sessionId: session.id, count: 12, requestId });
    expect(afterClose).toMatchObject({ delta: 12, attendance: 12, at: first.at });
    expect((await api.session(who.leadership, session.id)).attendanceByCategory).toEqual([{ category: 'RESIDENT', count: 12 }]);
  });

  it('refuses a check-in on a session that is not LIVE with CONFLICT, counting nothing', async () => {
    const officer = await who.ward('phu-thuan-2025');
    const scheduled = await api.schedule(officer, { kind: 'PUBLIC', wardId: 'phu-thuan-2025', scheduledAt: '2031-07-01T01:00:00.000Z' });
    const refusal = await api.refused('mutation ($input: CheckInInput!) { checkIn(input: $input) { delta } }', { input: { sessionId: scheduled.id, category: 'RESIDENT', requestId: rid() } }, officer);
    expect(refusal.code).toBe('CONFLICT');
    expect(refusal.message).toMatch(/SCHEDULED.*only while it is LIVE/);
    await api.start(officer, scheduled.id);
    await api.close(officer, scheduled.id);
    expect((await api.refused('mutation ($input: CheckInInput!) { checkIn(input: $input) { delta } }', { input: { sessionId: scheduled.id, category: 'RESIDENT', requestId: rid() } }, officer)).code).toBe('CONFLICT');
    expect((await api.session(who.leadership, scheduled.id)).attendance).toBe(0);
    expect((await api.wardStats(who.leadership, 'phu-thuan-2025', { from: '2031-07-01T00:00:00.000Z', to: '2031-07-02T00:00:00.000Z' })).attendance).toBe(0);
  });

  it('refuses head counts outside 1..10000, unknown categories, bad request ids and unknown sessions or businesses, writing nothing', async () => {
    const officer = await who.ward('phu-thuan-2025');
    const session = await api.live(officer, { kind: 'PUBLIC', wardId: 'phu-thuan-2025', scheduledAt: '2031-08-01T01:00:00.000Z' });
    const send = (input: Record<string, unknown>) =>
      api.refused('mutation ($input: CheckInInput!) { checkIn(input: $input) { delta } }', { input: { sessionId: session.id, category: 'RESIDENT', requestId: rid(), ...input } }, officer);
    expect(await send({ count: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/1 to 10000/) });
    expect((await send({ count: 10_001 })).code).toBe('BAD_USER_INPUT');
    expect((await send({ count: -5 })).code).toBe('BAD_USER_INPUT');
    expect((await send({ category: 'ALIEN' })).code).toBe('BAD_USER_INPUT');
    expect((await send({ requestId: '' })).code).toBe('BAD_USER_INPUT');
    expect((await send({ requestId: 'x'.repeat(201) })).code).toBe('BAD_USER_INPUT');
    expect((await send({ requestId: 'has space' })).code).toBe('BAD_USER_INPUT');
    expect((await send({ sessionId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('NOT_FOUND');
    expect((await send({ category: 'BUSINESS_REPRESENTATIVE', businessId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('NOT_FOUND');
    expect((await send({ category: 'RESIDENT', businessId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('BAD_USER_INPUT');
    expect(await api.checkIn(officer, { sessionId: session.id, count: 10_000, requestId: rid() })).toMatchObject({ delta: 10_000, attendance: 10_000 });
    expect((await api.session(who.leadership, session.id)).attendance).toBe(10_000);
  });

  it('counts a business once as engaged in the tax summary however many check-ins and rounds', async () => {
    const period = { from: '2031-09-01T00:00:00.000Z', to: '2031-10-01T00:00:00.000Z' };
    const business = await api.register(who.tax, { taxCode: '0312999001', name: 'Công ty TNHH Vận tải Tân Cảng', sector: 'TRANSPORT', wardId: 'tan-thuan-2025' });
    const other = await api.register(who.tax, { taxCode: '0312999002-001', name: 'Công ty Cổ phần Xây dựng Kênh Tẻ', sector: 'CONSTRUCTION' });
    const round1 = await api.live(who.tax, { kind: 'BUSINESS_TAX', hostBody: 'Chi cục Thuế Quận 7', scheduledAt: '2031-09-10T01:00:00.000Z' });
    const round2 = await api.live(who.tax, { kind: 'BUSINESS_TAX', hostBody: 'Chi cục Thuế Quận 7', scheduledAt: '2031-09-20T01:00:00.000Z' });
    const rep = (sessionId: string, businessId: string) => api.checkIn(who.tax, { sessionId, category: 'BUSINESS_REPRESENTATIVE', businessId, count: 2, requestId: rid() });
    await Promise.all([rep(round1.id, business.id), rep(round1.id, business.id), rep(round2.id, business.id), rep(round2.id, other.id)]);
    const summary = await api.summary(who.leadership, period);
    expect(summary.tax).toMatchObject({ rounds: 2, businessesEngaged: 2 });
    expect(summary.attendance).toBe(8);
    expect((await api.summary(who.leadership, { from: '2031-09-15T00:00:00.000Z', to: '2031-10-01T00:00:00.000Z' })).tax).toMatchObject({ rounds: 1, businessesEngaged: 2 });
    expect((await api.summary(who.leadership, { from: '2031-09-01T00:00:00.000Z', to: '2031-09-15T00:00:00.000Z' })).tax).toMatchObject({ rounds: 1, businessesEngaged: 1 });
  });

  it('counts sessions by scheduledAt within [from, to): from inclusive, to exclusive', async () => {
    const at = '2032-01-01T00:00:00.000Z';
    const officer = await who.ward('tan-my-2025');
    const s = await api.live(officer, { kind: 'PUBLIC', wardId: 'tan-my-2025', scheduledAt: at });
    await api.checkIn(officer, { sessionId: s.id, count: 7, requestId: rid() });
    const q = (from: string, to: string) => api.wardStats(who.leadership, 'tan-my-2025', { from, to });
    expect(await q(at, '2032-01-01T00:00:00.001Z')).toMatchObject({ sessions: 1, attendance: 7 });
    expect(await q('2031-12-31T23:59:59.999Z', at)).toMatchObject({ sessions: 0, attendance: 0 });
    expect(await q('2031-12-31T00:00:00.000Z', '2032-01-01T00:00:00.001Z')).toMatchObject({ sessions: 1, attendance: 7 });
    expect((await api.summary(who.leadership, { from: '2031-12-31T00:00:00.000Z', to: at })).sessions).toBe(0);
    expect((await api.summary(who.leadership, { from: at, to: '2032-01-02T00:00:00.000Z' })).sessions).toBe(1);
    const refusal = await api.refused('query { summary(period: { from: "2032-01-02T00:00:00Z", to: "2032-01-01T00:00:00Z" }) { sessions } }', {}, who.leadership);
    expect(refusal.code).toBe('BAD_USER_INPUT');
  });
});
