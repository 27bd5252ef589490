import { describe, expect, it } from 'vitest';
import { hashPassword, Semaphore, verifyPassword } from './password-hash.ts';

describe('password hashing', () => {
  it('ACCESS-02 hashes with argon2id m=19456 t=2 p=1 and verifies Unicode typed either way (NFKC)', async () => {
    const composed = 'пароль-й-\u0439';
    const hash = await hashPassword(composed);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'пароль-й-\u0438\u0306')).toBe(true);
    expect(await verifyPassword(hash, 'пароль-й-и')).toBe(false);
  });

  it('ACCESS-04 an unknown login costs a real argon2 verify, not an early return', async () => {
    const hash = await hashPassword('some password 1');
    const time = async (stored: string | null) => {
      const start = performance.now();
      for (let i = 0; i < 3; i++) await verifyPassword(stored, 'another one');
      return performance.now() - start;
    };
    await time(hash);
    const real = await time(hash);
    const dummy = await time(null);
    expect(await verifyPassword(null, 'some password 1')).toBe(false);
    expect(dummy).toBeGreaterThan(real * 0.4);
  });

  it('ACCESS-02 at most two hashes run at once; the rest wait their turn', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const task = () =>
      semaphore.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
      });
    await Promise.all(Array.from({ length: 7 }, task));
    expect(peak).toBe(2);
    expect(running).toBe(0);
  });
});
