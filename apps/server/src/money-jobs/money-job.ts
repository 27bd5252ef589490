import type { Db } from '@kabinet/db';
import type { Acquirer } from '../acquirer/acquirer.ts';
import type { OutboxDispatcher } from '../notifications/outbox.ts';

/** What a periodic money job gets (issue 6): each job is idempotent, safe on several workers at once. */
export interface MoneyJobDeps {
  db: Db;
  acquirer: Acquirer;
  now: Date;
  timeZone: string;
  /** Kicked after a job wrote messages (may be absent in `kabinet worker --once`). */
  outbox?: Pick<OutboxDispatcher, 'kick'>;
}

/** One job of the pass: returns how many things it did (for logs and `--once`). */
export type MoneyJob = (deps: MoneyJobDeps) => Promise<number>;
