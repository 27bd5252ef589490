import { useEffect, useState } from 'react';
import { getPhoneMessages } from '../api/api-client';
import type { VirtualSms } from '../api/types';

export interface Inbox {
  /** Newest first. */
  messages: VirtualSms[];
  /** True once the first answer for this number arrived. */
  loaded: boolean;
  /** The last poll failed; the next one is already scheduled. */
  offline: boolean;
}

const EMPTY: Inbox = { messages: [], loaded: false, offline: false };

function newestFirst(messages: VirtualSms[]): VirtualSms[] {
  return [...messages].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
}

function sameIds(a: VirtualSms[], b: VirtualSms[]): boolean {
  return a.length === b.length && a.every((message, index) => message.id === b[index]?.id);
}

/**
 * Polls the virtual phone's inbox every `intervalMs`. A poll is scheduled only after the previous one
 * finished (no pile-up on a slow server), and skipped while the tab is hidden.
 */
export function useInbox(msisdn: string | null, intervalMs = 2000): Inbox {
  const [inbox, setInbox] = useState<Inbox>(EMPTY);

  useEffect(() => {
    setInbox(EMPTY);
    if (!msisdn) return;
    let stopped = false;
    let timer: number | undefined;
    const controller = new AbortController();

    async function poll(number: string) {
      if (!document.hidden) {
        try {
          const messages = newestFirst(await getPhoneMessages(number, controller.signal));
          if (stopped) return;
          // Same list as before: keep the old object so nothing re-renders every two seconds.
          setInbox((previous) =>
            previous.loaded && !previous.offline && sameIds(previous.messages, messages)
              ? previous
              : { messages, loaded: true, offline: false },
          );
        } catch {
          if (stopped) return;
          setInbox((previous) => (previous.offline ? previous : { ...previous, offline: true }));
        }
      }
      if (!stopped) timer = window.setTimeout(() => poll(number), intervalMs);
    }

    poll(msisdn);
    return () => {
      stopped = true;
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [msisdn, intervalMs]);

  return inbox;
}
