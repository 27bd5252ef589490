import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('ids', () => {
  it('PAY-01 payment ids are unique, carry their kind and sort by creation time', () => {
    const at = new Date('2026-12-05T10:00:00.000Z');
    const ids = Array.from({ length: 5_000 }, () => newId('payment', at));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^pay_[0-9a-z]{19}$/);
    const later = newId('payment', new Date(at.getTime() + 1));
    expect(ids.every((id) => id < later)).toBe(true);
  });
});
