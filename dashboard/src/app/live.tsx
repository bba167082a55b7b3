import { createContext, useContext, useEffect, useRef } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs } from 'urql';
import type { LiveStatus } from './client.js';

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
