import { describe, expect, it } from 'vitest';
import { MoReassembly } from './mo-reassembly.ts';

const part = (sequence: number, text: string, reference = 7) => ({
  from: '+79161234567',
  to: '000110',
  reference,
  total: 3,
  sequence,
  text,
});

describe('mobile-originated concatenated SMS', () => {
  it('NOTIF-02 parts arriving out of order come together once the last is in', () => {
    const mo = new MoReassembly();
    expect(mo.add(part(2, 'вет, ка'))).toBeUndefined();
    expect(mo.add(part(1, 'При'))).toBeUndefined();
    expect(mo.add(part(3, 'бинет'))).toBe('Привет, кабинет');
    expect(mo.size).toBe(0);
  });

  it('NOTIF-02 different references do not mix, and a message missing parts is dropped after 5 minutes', () => {
    const mo = new MoReassembly();
    mo.add(part(1, 'a', 1), 0);
    mo.add(part(1, 'b', 2), 0);
    expect(mo.size).toBe(2);
    mo.add(part(2, 'c', 3), 300_001);
    expect(mo.size).toBe(1);
  });
});
