import { useEffect, useMemo, useState } from 'react';
import { useSubscription } from 'urql';
import type { SummaryFieldsFragment } from '../../gql/graphql.js';
import { useLive, useLiveQuery, useThrottled } from '../../app/live.js';
import { ActivityQuery, AttendanceTicksSubscription, ConcernFeedSubscription, LiveSessionsQuery, SummaryChangedSubscription, SummaryQuery } from './documents.js';
import { periodRange, type PeriodChoice } from './period.js';

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
  startedAt?: string | null;
  attendance: number;
  ward?: { id: string; name: string } | null;
}

/**
 * Everything the overview shows, kept live: the summary (from `summaryChanged` for all time, or a
 * throttled refetch for a chosen period), live sessions ticking on `attendanceChanged`, and the activity
 * feed (the audit trail), fetched again on each event. After a reconnect everything is fetched again.
 */
export function useOverviewData(choice: PeriodChoice) {
  const range = periodRange(choice);
  const period = range ?? null;
  const { epoch } = useLive();
  const [summaryResult, refetchSummary] = useLiveQuery({ query: SummaryQuery, variables: { period }, pause: range === undefined });
  const [sessionsResult, refetchSessions] = useLiveQuery({ query: LiveSessionsQuery });
  const [pushedSummary, setPushedSummary] = useState<SummaryFieldsFragment>();
  const [ticks, setTicks] = useState<Record<string, number>>({});
  // The feed (100 entries, to merge runs of check-ins) waits for the summary's answer: on a busy
  // server the two compete, and the numbers come first.
  const summaryPending = summaryResult.fetching && !summaryResult.data;
  const [activityResult, refetchActivity] = useLiveQuery({ query: ActivityQuery, pause: summaryPending });

  // A push is the whole all-time summary; a chosen period must be asked for again.
  useEffect(() => setPushedSummary(undefined), [period?.from, period?.to, epoch]);
  const refetchSummaryLater = useThrottled(() => refetchSummary({ requestPolicy: 'network-only' }), 400);
  const refetchActivityLater = useThrottled(() => refetchActivity({ requestPolicy: 'network-only' }), 300);
  const refetchSessionsLater = useThrottled(() => refetchSessions({ requestPolicy: 'network-only' }), 400);

  const sessionIds = useMemo(() => new Set(sessionsResult.data?.sessions.edges.map((e) => e.node.id)), [sessionsResult.data]);

  useSubscription({ query: SummaryChangedSubscription }, (_previous, event) => {
    if (period === null) setPushedSummary(event.summaryChanged);
    else refetchSummaryLater();
    if (event.summaryChanged.liveSessions !== sessionIds.size) refetchSessionsLater();
    refetchActivityLater();
    return event;
  });

  useSubscription({ query: AttendanceTicksSubscription }, (_previous, event) => {
    const update = event.attendanceChanged;
    setTicks((current) => ({ ...current, [update.session.id]: update.attendance }));
    if (!sessionIds.has(update.session.id) || update.session.status !== 'LIVE') refetchSessionsLater();
    if (period !== null) refetchSummaryLater();
    refetchActivityLater();
    return event;
  });

  useSubscription({ query: ConcernFeedSubscription }, (_previous, event) => {
    if (period !== null) refetchSummaryLater();
    refetchActivityLater();
    return event;
  });

  const liveSessions: LiveSession[] = (sessionsResult.data?.sessions.edges ?? []).map(({ node }) => ({
    ...node,
    attendance: Math.max(node.attendance, ticks[node.id] ?? 0),
  }));

  return {
    summary: pushedSummary ?? summaryResult.data?.summary,
    fetching: summaryResult.fetching,
    error: summaryResult.error,
    invalidPeriod: range === undefined,
    liveSessions,
    liveSessionsError: sessionsResult.error,
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
