import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `deadline` (a `Date.now()` value), re-rendering as it counts down; 0 once passed.
 * It recomputes from the clock on every tick instead of decrementing, so a throttled background tab does
 * not fall behind.
 */
export function useCountdown(deadline: number | null): number {
  const [now, setNow] = useState(Date.now);
  const left = deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));

  useEffect(() => {
    // A new deadline is measured from now, also when it is already past (e.g. moved back to "now").
    setNow(Date.now());
    if (deadline === null || deadline <= Date.now()) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline) window.clearInterval(timer);
    }, 500);
    return () => window.clearInterval(timer);
  }, [deadline]);

  return left;
}
