import { now as clockNow } from '../../../shared/clock';
import { useEffect, useState } from 'react';

/**
 * The current time, for ages that tick ("42 s ago"): re-rendered every `intervalMs`, and read afresh at
 * every render. A render caused by something else (a new signature, a new key) must not reuse the last
 * tick, or an event that just happened reads "in 4 s".
 */
export function useNow(intervalMs = 1000): number {
  const [, setTick] = useState(() => clockNow());
  useEffect(() => {
    const timer = setInterval(() => setTick(clockNow()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return clockNow();
}
