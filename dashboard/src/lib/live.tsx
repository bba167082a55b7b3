import { createContext, useContext, useEffect, useRef } from 'react';
import { useQuery, useSubscription, type AnyVariables, type UseQueryArgs, type UseSubscriptionArgs } from 'urql';

/** The live connection: connecting at first, live, or offline after a drop (retrying). */
export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface LiveState {
  status: LiveStatus;
  /** Grows by one each time the live connection comes back after a drop. */
  epoch: number;
}

export const LiveContext = createContext<LiveState>({ status: 'connecting', epoch: 0 });
export const useLive = () => useContext(LiveContext);

/**
 * `useQuery` that fetches again from the network whenever the live connection returns after a
 * drop: events missed while offline are never replayed, so what is shown would otherwise be stale.
 */
export function useLiveQuery<Data, Variables extends AnyVariables>(args: UseQueryArgs<Variables, Data>) {
  const result = useQuery<Data, Variables>(args);
  const { epoch } = useLive();
  const reexecute = result[1];
  const seen = useRef(epoch);
  useEffect(() => {
    if (epoch === seen.current) return;
    seen.current = epoch;
    reexecute({ requestPolicy: 'network-only' });
  }, [epoch, reexecute]);
  return result;
}

/** Calls `run` at most once per `ms`, trailing: a burst of live events costs one refetch. */
export function useThrottled(run: () => void, ms: number) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => () => clearTimeout(timer.current), []);
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, ms);
  };
}

/**
 * A query kept fresh by a subscription: each event asks for the query again from the network, at
 * most once per `ms` (trailing: a burst of events costs one read), and so does a reconnect
 * (useLiveQuery). The screen draws from the query alone, so all its numbers come from one answer.
 */
export function useQueryRefreshedBy<Data, Variables extends AnyVariables, Event, EventVariables extends AnyVariables>(
  query: UseQueryArgs<Variables, Data>,
  subscription: UseSubscriptionArgs<EventVariables, Event>,
  ms: number,
) {
  const result = useLiveQuery<Data, Variables>(query);
  const refetch = result[1];
  const refetchLater = useThrottled(() => refetch({ requestPolicy: 'network-only' }), ms);
  useSubscription<Event, Event, EventVariables>(subscription, (_previous, event) => {
    refetchLater();
    return event;
  });
  return result;
}
