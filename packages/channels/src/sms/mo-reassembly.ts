/**
 * Reassembles mobile-originated SMS that arrive in parts (concatenation UDH): parts are kept per sender, recipient
 * and reference until the last one is in, in any order; a message whose parts stop coming is dropped after
 * `maxAgeMs` (5 min), so a lost part cannot grow memory without bound.
 */
export class MoReassembly {
  private readonly pending = new Map<string, { parts: Map<number, string>; total: number; at: number }>();

  constructor(private readonly maxAgeMs = 300_000) {}

  /** Adds one part; returns the whole text when this part completed it, else undefined. */
  add(
    part: { from: string; to: string; reference: number; total: number; sequence: number; text: string },
    now = Date.now(),
  ): string | undefined {
    for (const [key, entry] of this.pending) if (now - entry.at > this.maxAgeMs) this.pending.delete(key);
    const key = `${part.from}|${part.to}|${part.reference}|${part.total}`;
    const entry = this.pending.get(key) ?? { parts: new Map<number, string>(), total: part.total, at: now };
    entry.parts.set(part.sequence, part.text);
    this.pending.set(key, entry);
    if (entry.parts.size < entry.total) return undefined;
    this.pending.delete(key);
    return [...entry.parts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, text]) => text)
      .join('');
  }

  /** Messages still waiting for parts. */
  get size(): number {
    return this.pending.size;
  }
}
