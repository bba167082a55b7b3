import { useEffect, useRef, useState } from 'react';
import { useSubscription } from 'urql';
import type { SummaryFieldsFragment } from '../../gql/graphql.js';
import { useLive, useLiveQuery, useThrottled } from '../../lib/live.js';
import { ActivityQuery, SummaryChangedSubscription, SummaryQuery } from './documents.js';
import { periodRange, type PeriodChoice } from '../../lib/period.js';

export interface ActivityItem {
  id: string;
  at: string;
  action: string;
  description: string;
  sessionTitle?: string;
  sessionId?: string;
  concernTopic?: string;
  /** The status the entry moved the concern to (not the concern's status now). */
  toStatus?: string;
  count?: number;
  category?: string;
  businessName?: string;
  wardName?: string;
}

export interface LiveSession {
  id: string;
  title: string;
  kind: string;
  hostBody: string;
  /** Its ward, or with no ward the body of its date (Session.heldBy). */
  heldBy: string;
  startedAt?: string | null;
  attendance: number;
  ward?: { id: string; name: string } | null;
}

/**
 * Everything the overview shows, kept live. Every number on the screen (tiles, charts, ward table,
 * live sessions and their attendance) comes from ONE summary: pushed whole by `summaryChanged` for all
 * time, or fetched again (throttled) on that event for a chosen period. The server reads a summary at
 * one moment and says so (`consistent`, functions/domain/figures/summary-service.ts); one read mid-write is
 * shown only if no consistent one follows within a second. So the numbers agree with each other on
 * every update, not only once a burst is over. The activity feed (the audit trail) is fetched again
 * on each event. After a reconnect everything is fetched again.
 */
export function useOverviewData(choice: PeriodChoice) {
  const range = periodRange(choice);
  const period = range ?? null;
  const { epoch } = useLive();
  const [summaryResult, refetchSummary] = useLiveQuery({ query: SummaryQuery, variables: { period }, pause: range === undefined });
  const [pushedSummary, setPushedSummary] = useState<SummaryFieldsFragment>();
  // The feed (100 entries, to merge runs of check-ins) waits for the summary's answer: on a busy
  // server the two compete, and the numbers come first.
  const summaryPending = summaryResult.fetching && !summaryResult.data;
  const [activityResult, refetchActivity] = useLiveQuery({ query: ActivityQuery, pause: summaryPending });

  // A push is the whole all-time summary; a chosen period must be asked for again. A push read mid-write
  // that no consistent one replaced is shown, and the summary is asked for once more: the next read settles it.
  const push = useConsistentFirst(setPushedSummary, () => refetchSummaryLater());
  useEffect(() => {
    push.drop();
    setPushedSummary(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new period or a reconnection drops the pushes: not a new `push` object (one per render)
  }, [period?.from, period?.to, epoch]);
  const refetchSummaryLater = useThrottled(() => refetchSummary({ requestPolicy: 'network-only' }), 400);
  const refetchActivityLater = useThrottled(() => refetchActivity({ requestPolicy: 'network-only' }), 300);
  // A period's summary read while writes kept landing is asked for again.
  const fetched = summaryResult.data?.summary;
  useEffect(() => {
    if (fetched && !fetched.consistent) refetchSummaryLater();
    // NOTE: all time, a consistent read asked for after an inconsistent push replaces that push.
    else if (fetched && period === null) setPushedSummary((shown) => (shown && !shown.consistent ? (fetched as SummaryFieldsFragment) : shown));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per answer read, not again when the period or the throttled refetch is a new object
  }, [fetched]);

  // Every check-in, concern change and session start or close makes a summaryChanged push.
  useSubscription({ query: SummaryChangedSubscription }, (_previous, event) => {
    if (period === null) push.offer(event.summaryChanged);
    else refetchSummaryLater();
    refetchActivityLater();
    return event;
  });

  const read = pushedSummary ?? summaryResult.data?.summary;
  // All time lists every unit the jurisdiction ever had; the screens show today's wards (a chosen
  // period already lists the units in force at some moment of it).
  const nowIso = new Date().toISOString();
  const summary = read && period === null ? { ...read, wards: read.wards.filter((w) => !w.ward.validTo || w.ward.validTo > nowIso) } : read;
  const liveSessions: LiveSession[] = (summary?.live ?? []).map(({ session, attendance }) => ({ ...session, attendance }));

  return {
    summary,
    fetching: summaryResult.fetching,
    error: summaryResult.error,
    invalidPeriod: range === undefined,
    liveSessions,
    feed: (activityResult.data?.activity.edges ?? []).map(({ node }): ActivityItem => ({
      id: node.id,
      at: node.at,
      action: node.action,
      description: node.description,
      sessionTitle: node.session?.title,
      sessionId: node.session?.id,
      concernTopic: node.concern?.topic,
      toStatus: node.toStatus ?? undefined,
      count: node.count ?? undefined,
      category: node.category ?? undefined,
      businessName: node.business?.name,
      wardName: node.ward?.name,
    })),
  };
}

/** How long a summary read mid-write (`consistent: false`) waits for a consistent one before it is shown. */
export const INCONSISTENT_HOLD_MS = 1000;

/**
 * Shows a consistent summary at once. One read while writes were landing (its numbers may straddle a
 * write) is held back: a consistent one arriving within INCONSISTENT_HOLD_MS replaces it; otherwise it
 * is shown then, so a steady stream of writes still moves the screen about once a second.
 */
function useConsistentFirst(show: (summary: SummaryFieldsFragment) => void, shownInconsistent: () => void = () => undefined) {
  const held = useRef<{ summary: SummaryFieldsFragment; timer: ReturnType<typeof setTimeout> }>(undefined);
  const drop = () => {
    clearTimeout(held.current?.timer);
    held.current = undefined;
  };
  useEffect(() => drop, []);
  const offer = (summary: SummaryFieldsFragment) => {
    if (summary.consistent) {
      drop();
      show(summary);
    } else if (held.current) {
      held.current.summary = summary;
    } else {
      const timer = setTimeout(() => {
        if (held.current) {
          show(held.current.summary);
          shownInconsistent();
        }
        held.current = undefined;
      }, INCONSISTENT_HOLD_MS);
      held.current = { summary, timer };
    }
  };
  return { offer, drop };
}
