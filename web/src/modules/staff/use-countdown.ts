import { useEffect, useState } from 'react';

const secondsUntil = (deadline: number | null) => (deadline === null ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));

/** Seconds left until a deadline (ms since the epoch), ticking each second; 0 once passed or with none. */
export function useCountdown(deadline: number | null): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (deadline === null) return;
    const timer = window.setInterval(() => {
      setTick((t) => t + 1);
      if (secondsUntil(deadline) === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [deadline]);
  // Read at render, so the first render after a new deadline already counts down.
  return secondsUntil(deadline);
}
