import type { Domain } from '../../functions/domain/index.js';
import { ADMIN, iso, plus, seeded, TAX, type ConcernPlan, type SessionPlan } from './demo-plans.js';
import { businesses, reportYears } from './demo-report-years.js';
import { loadDemoReviewReports } from './demo-review-reports.js';
import { DEMO_LOOKUP_CODE, loadDemoVoice } from './demo-voice.js';
import { beforeTheChange, REORGANISATION_APPLIED_AT, REORGANISATION_ID, thisYear } from './demo-today.js';

/**
 * The demo dataset's loader: the report's years (demo-report-years.ts), the first half of 2025 and this
 * year (demo-today.ts), the review reports (demo-review-reports.ts), all through the domain (the same
 * rules and counters as the API) with a clock set to each event's time. Deterministic: the same input
 * data and a seeded generator; only the current-year dates follow today's date.
 */

/** Runs `work` over `items` with at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** Loads the demo dataset through the domain code when the database holds no sessions yet. */
export async function loadDemoDataIfEmpty(domain: Domain, log: (line: string) => void, now: Date = new Date()): Promise<void> {
  const existing = await domain.sessions.listSessions({ first: 1 });
  if (existing.items.length > 0) {
    log('demo data: the database already holds sessions; nothing loaded');
    return;
  }
  const started = performance.now();
  const random = seeded(7);
  // The long sessions (tax rounds: 70+ check-ins each) first, so they do not make the tail.
  const byLength = (a: SessionPlan, b: SessionPlan) => b.checkIns.length - a.checkIns.length;
  const before = [...reportYears(random), ...beforeTheChange()].sort(byLength);
  const after = thisYear(random, now).sort(byLength);
  const plans = [...before, ...after];
  const firms = businesses();
  const questionWrites = (p: SessionPlan) => (p.questions ?? []).reduce((k, q) => k + 1 + (q.triage ? 1 : 0) + (q.raise ? 1 + q.raise.moves.length : 0), 0) + (p.ratings?.length ?? 0);
  const writes = firms.length + plans.reduce((n, p) => n + 3 + p.checkIns.length + p.concerns.reduce((k, c) => k + 1 + c.moves.length, 0) + questionWrites(p), 0);
  let done = 0;
  let reported = 0;
  const progress = () => {
    done += 1;
    if (done === writes || done - reported >= writes / 10) {
      reported = done;
      log(`demo data: ${done}/${writes} writes (${Math.round((done / writes) * 100)}%)`);
    }
  };
  const at = (instant: string) => domain.withClock(() => new Date(instant));

  const businessIds: string[] = new Array(firms.length);
  await inParallel(
    firms.map((f, i) => ({ f, i })),
    12,
    async ({ f, i }) => {
      const b = await at(iso(2007, 7, 1 + (i % 28))).businesses.registerBusiness(TAX, f);
      businessIds[i] = b.id;
      progress();
    },
  );

  const loadPlan = async (plan: SessionPlan) => {
    const t = plan.scheduledAt;
    const session = await at(plus(t, -20 * 24 * 60)).sessions.scheduleSession(plan.actor, plan);
    progress();
    const questionIds = await sendQuestions(plan, session.id);
    if (plan.status === 'SCHEDULED') {
      done += 2; // not started nor closed
      return;
    }
    await at(t).sessions.startSession(plan.actor, session.id);
    progress();
    // Check-ins of one session in parallel: each has its own time and requestId, so order does not matter.
    await inParallel([...plan.checkIns.entries()], 8, async ([i, c]) => {
      await at(plus(t, 5 + i)).sessions.checkIn(
        plan.actor,
        {
          sessionId: session.id,
          category: c.category,
          count: c.count,
          businessId: c.businessIndex === undefined ? undefined : businessIds[c.businessIndex],
          requestId: `demo-${session.id}-${i}`,
        },
        { readAttendance: false },
      );
      progress();
    });
    const moveAll = async (concernId: string, raisedAt: string, moves: ConcernPlan['moves']) => {
      for (const [k, move] of moves.entries()) {
        const moveAt = plan.status === 'LIVE' ? plus(raisedAt, 5 + k) : plus(raisedAt, (k + 1) * 60 * 24 * 7);
        await at(moveAt < now.toISOString() ? moveAt : now.toISOString()).concerns.moveConcern(plan.actor, { concernId, ...move });
        progress();
      }
    };
    // The agenda first: questions sent in advance and selected, raised as the round opens.
    for (const [i, q] of (plan.questions ?? []).entries()) {
      if (!q.raise) continue;
      const raisedAt = plus(t, 30 + i * 5);
      const concern = await at(raisedAt).tax.raiseFromQuestion(plan.actor, { questionId: questionIds[i]!, authority: q.raise.authority, requestId: `demo-raise-${session.id}-${i}` });
      progress();
      await moveAll(concern.id, raisedAt, q.raise.moves);
    }
    for (const [i, c] of plan.concerns.entries()) {
      const raisedAt = plus(t, 60 + i * 10);
      const concern = await at(raisedAt).concerns.raiseConcern(plan.actor, {
        sessionId: session.id,
        businessId: c.businessIndex === undefined ? undefined : businessIds[c.businessIndex],
        topic: c.topic,
        text: c.text,
        authority: c.authority,
        taxTopic: plan.kind === 'BUSINESS_TAX' ? c.taxTopic : undefined,
        requestId: `demo-concern-${session.id}-${i}`,
      });
      progress();
      await moveAll(concern.id, raisedAt, c.moves);
    }
    if (plan.status === 'LIVE') {
      done += 1;
      return;
    }
    await at(plus(t, 180)).sessions.closeSession(plan.actor, session.id);
    progress();
    // Ratings by businesses that came, from the QR code on the round's documents, in the days after.
    await inParallel([...(plan.ratings ?? []).entries()], 8, async ([i, r]) => {
      const ratedAt = plus(t, 240 + i * 7 * 60);
      await at(ratedAt < now.toISOString() ? ratedAt : now.toISOString()).tax.submitSatisfaction({ sessionId: session.id, taxCode: firms[r.businessIndex]!.taxCode, score: r.score, comment: r.comment, requestId: `demo-rating-${session.id}-${i}` });
      progress();
    });
  };
  /** A round's questions sent in advance by its businesses (10 days before, never after now), then triaged 3 days before. */
  const sendQuestions = async (plan: SessionPlan, sessionId: string): Promise<string[]> => {
    const ids: string[] = [];
    const notAfterNow = (instant: string, i: number) => (instant < now.toISOString() ? instant : plus(now.toISOString(), -60 + i));
    // Sent in parallel (each with its own time and requestId); triaged in order (a merge after its target).
    await inParallel([...(plan.questions ?? []).entries()], 8, async ([i, q]) => {
      const sent = await at(notAfterNow(plus(plan.scheduledAt, -10 * 24 * 60 + i * 47), i)).tax.submitQuestion({ publicClient: `demo-${i}` }, { sessionId, taxCode: firms[q.businessIndex]!.taxCode, topic: q.topic, text: q.text, requestId: `demo-question-${sessionId}-${i}` });
      ids[i] = sent.id;
      progress();
    });
    for (const [i, q] of (plan.questions ?? []).entries()) {
      if (!q.triage) continue;
      const triage = q.triage.to === 'MERGED' ? { to: 'MERGED', mergedIntoId: ids[q.triage.into] } : q.triage.to === 'DECLINED' ? { to: 'DECLINED', note: q.triage.note } : { to: 'SELECTED' };
      await at(notAfterNow(plus(plan.scheduledAt, -3 * 24 * 60 + i), i + 20)).tax.triageQuestion(TAX, { id: ids[i]!, ...triage });
      progress();
    }
    return ids;
  };
  // The old world, then the reorganisation of 1/7/2025 applied to the concerns still open, then this year.
  await inParallel(before, 6, loadPlan);
  const handover = await at(REORGANISATION_APPLIED_AT).handovers.applyReorganisation(ADMIN, REORGANISATION_ID, false);
  log(`demo data: reorganisation ${REORGANISATION_ID} handed ${handover.moves.length} open concerns over (${handover.awaitingSuccessor} await a successor)`);
  await inParallel(after, 6, loadPlan);
  const live = await domain.sessions.listSessions({ wardId: 'tan-thuan-2025', status: 'LIVE', first: 1 });
  const inputs = await loadDemoVoice(domain, now, live.items[0]?.node.id);
  log(`demo data: ${inputs} residents' inputs, two agendas and the answers of a past dialogue (look-up code ${DEMO_LOOKUP_CODE})`);
  await loadDemoReviewReports(domain, now);
  log(`demo data: loaded ${plans.length} sessions, ${firms.length} businesses and 4 review reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

