/**
 * A counting semaphore: at most `size` unacknowledged submit_sm on the wire (the SMPP "window"). Waiters are
 * served in arrival order, and `rejectAll` fails them when the session is gone.
 */
export class SendWindow {
  private used = 0;
  private readonly waiters: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];

  constructor(readonly size: number) {}

  get inFlight(): number {
    return this.used;
  }

  acquire(): Promise<void> {
    if (this.used < this.size) {
      this.used++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next.resolve();
    else this.used = Math.max(0, this.used - 1);
  }
}
