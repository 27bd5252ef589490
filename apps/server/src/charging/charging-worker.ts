/**
 * The loop that runs the charging pass (run-charging.ts) every `intervalMs`, used by `kabinet worker` and, in
 * process, by `kabinet serve`. Passes never overlap within a process; across processes the row locks and period
 * keys make concurrent passes safe (decisions/0014). The inactivity rules run at most once an hour.
 */
import type { Db } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import { type ChargingPassSummary, runChargingPass } from './run-charging.ts';

export interface ChargingWorkerOptions {
  db: Db;
  timeZone: string;
  now?: () => Date;
  /** Between passes; default one minute (a daily fee is then charged within a minute of midnight). */
  intervalMs?: number;
  log: Pick<FastifyBaseLogger, 'info' | 'error'>;
  /** Runs after each charging pass at the same `now` (the money jobs of issue 6, money-jobs/). */
  after?: (now: Date) => Promise<unknown>;
}

const HOUR = 3_600_000;

export class ChargingWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ChargingPassSummary | undefined> | undefined;
  private lastInactivity = 0;

  constructor(private readonly options: ChargingWorkerOptions) {}

  /** Runs a pass now, then one every interval. */
  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 60_000);
    this.timer.unref();
  }

  /** One pass now (or the one under way); errors are logged, the next tick retries. */
  tick(): Promise<ChargingPassSummary | undefined> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async pass(): Promise<ChargingPassSummary | undefined> {
    const now = (this.options.now ?? (() => new Date()))();
    const inactivity = now.getTime() - this.lastInactivity >= HOUR;
    try {
      const summary = await runChargingPass(this.options.db, {
        now,
        timeZone: this.options.timeZone,
        inactivity,
      });
      if (inactivity) this.lastInactivity = now.getTime();
      if (summary.feesCharged + summary.blocked + summary.unblocked + summary.resumed > 0)
        this.options.log.info({ summary }, 'charging pass');
      if (this.options.after) {
        const after = await this.options.after(now);
        if (after && Object.values(after).some((v) => v !== 0))
          this.options.log.info({ after }, 'money jobs pass');
      }
      return summary;
    } catch (err) {
      this.options.log.error({ err }, 'charging pass failed');
      return undefined;
    }
  }
}
