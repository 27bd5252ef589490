import { useEffect, useState } from 'react';
import { getPhoneConfirm } from '../api/access-api';
import type { PhoneConfirmStarted } from '../api/access-types';
import type { Me } from '../api/types';

export type ConfirmOutcome = 'pending' | 'declined' | 'expired' | 'failed';

/** How long past its own deadline we keep asking, for a reply that raced the clock. */
const GRACE_MS = 5000;

/**
 * Polls the confirmation every second until the phone answers (ACCESS-07). `onConfirmed` gets the `Me` of
 * the session the confirming call opened. A failed poll is retried; the request simply expires meanwhile.
 */
export function usePhoneConfirm(
  request: (PhoneConfirmStarted & { deadline: number; rememberDevice: boolean }) | null,
  onConfirmed: (me: Me | undefined) => void,
  intervalMs = 1000,
): ConfirmOutcome {
  const [outcome, setOutcome] = useState<ConfirmOutcome>('pending');

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new request restarts polling; the callback may change identity freely.
  useEffect(() => {
    setOutcome('pending');
    if (!request) return;
    let stopped = false;
    let timer: number | undefined;
    const controller = new AbortController();

    async function poll(requestId: string, deadline: number, rememberDevice: boolean) {
      try {
        const answer = await getPhoneConfirm(requestId, rememberDevice, controller.signal);
        if (stopped) return;
        if (answer.status === 'confirmed') {
          setOutcome('pending');
          onConfirmed('me' in answer ? answer.me : undefined);
          return;
        }
        if (answer.status !== 'pending') {
          setOutcome(answer.status);
          return;
        }
      } catch {
        if (stopped) return;
      }
      if (Date.now() > deadline + GRACE_MS) {
        setOutcome('expired');
        return;
      }
      timer = window.setTimeout(() => poll(requestId, deadline, rememberDevice), intervalMs);
    }

    timer = window.setTimeout(
      () => poll(request.requestId, request.deadline, request.rememberDevice),
      intervalMs,
    );
    return () => {
      stopped = true;
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [request, intervalMs]);

  return outcome;
}
