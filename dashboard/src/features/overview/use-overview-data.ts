import { useEffect, useMemo, useState } from 'react';
import { useSubscription } from 'urql';
import type { SummaryFieldsFragment } from '../../gql/graphql.js';
import { useLive, useLiveQuery, useThrottled } from '../../app/live.js';
import { AttendanceTicksSubscription, ConcernFeedSubscription, LiveSessionsQuery, SummaryChangedSubscription, SummaryQuery } from './documents.js';
import { periodRange, type PeriodChoice } from './period.js';

export type ActivityItem =
  | { kind: 'checkIn'; key: string; at: string; sessionTitle: string; wardName?: string; delta: number; attendance: number }
  | { kind: 'concern'; key: string; at: string; topic: string; status: string; wardName?: string };

export interface LiveSession {
  id: string;
  title: string;
  kind: string;
  hostBody: string;
  startedAt?: string | null;
  attendance: number;
  ward?: { id: string; name: string } | null;
}

const FEED_LENGTH = 25;

/**
 * Everything the overview shows, kept live: the summary (from `summaryChanged` for all time, or a
 * throttled refetch for a chosen period), live sessions ticking on `attendanceChanged`, and a feed of
 * the events seen since the page opened. After a reconnect everything is fetched again.
 */
export function useOverviewData(choice: PeriodChoice) {
  const range = periodRange(choice);
  const period = range ?? null;
  const { epoch } = useLive();
  const [summaryResult, refetchSummary] = useLiveQuery({ query: SummaryQuery, variables: { period }, pause: range === undefined });
  const [sessionsResult, refetchSessions] = useLiveQuery({ query: LiveSessionsQuery });
  const [pushedSummary, setPushedSummary] = useState<SummaryFieldsFragment>();
  const [ticks, setTicks] = useState<Record<string, number>>({});
  const [feed, setFeed] = useState<ActivityItem[]>([]);

  // A push is the whole all-time summary; a chosen period must be asked for again.
  useEffect(() => setPushedSummary(undefined), [period?.from, period?.to, epoch]);
  const refetchSummaryLater = useThrottled(() => refetchSummary({ requestPolicy: 'network-only' }), 400);
  const refetchSessionsLater = useThrottled(() => refetchSessions({ requestPolicy: 'network-only' }), 400);

  const sessionIds = useMemo(() => new Set(sessionsResult.data?.sessions.edges.map((e) => e.node.id)), [sessionsResult.data]);

  useSubscription({ query: SummaryChangedSubscription }, (_previous, event) => {
    if (period === null) setPushedSummary(event.summaryChanged);
    else refetchSummaryLater();
    if (event.summaryChanged.liveSessions !== sessionIds.size) refetchSessionsLater();
    return event;
  });

  useSubscription({ query: AttendanceTicksSubscription }, (_previous, event) => {
    const update = event.attendanceChanged;
    setTicks((current) => ({ ...current, [update.session.id]: update.attendance }));
    if (!sessionIds.has(update.session.id) || update.session.status !== 'LIVE') refetchSessionsLater();
    if (period !== null) refetchSummaryLater();
    setFeed((current) =>
      [
        { kind: 'checkIn' as const, key: `a-${update.session.id}-${update.at}-${update.attendance}`, at: update.at, sessionTitle: update.session.title, wardName: update.session.ward?.name, delta: update.delta, attendance: update.attendance },
        ...current,
      ].slice(0, FEED_LENGTH),
    );
    return event;
  });

  useSubscription({ query: ConcernFeedSubscription }, (_previous, event) => {
    const concern = event.concernChanged;
    const last = concern.history[concern.history.length - 1];
    if (period !== null) refetchSummaryLater();
    setFeed((current) =>
      [
        { kind: 'concern' as const, key: `c-${concern.id}-${last?.at ?? concern.raisedAt}-${concern.status}`, at: last?.at ?? concern.raisedAt, topic: concern.topic, status: concern.status, wardName: concern.ward?.name },
        ...current,
      ].slice(0, FEED_LENGTH),
    );
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
    feed,
  };
}
