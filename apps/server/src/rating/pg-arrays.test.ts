import { describe, expect, it } from 'vitest';
import { bigintArray, textArray } from './pg-arrays.ts';

describe('RATE-01 array parameters of the batch statements', () => {
  it('RATE-01 leaves plain ids bare and quotes anything the array syntax would misread', () => {
    expect(textArray(['cdr-1', '2026-03-01T10:00:00.000Z', null, '+79161234567'])).toBe(
      '{cdr-1,2026-03-01T10:00:00.000Z,NULL,+79161234567}',
    );
    expect(textArray(['a,b', 'say "hi"', 'back\\slash', '', 'null', '{x}'])).toBe(
      '{"a,b","say \\"hi\\"","back\\\\slash","","null","{x}"}',
    );
    expect(bigintArray([1n, -2n, 30000000000n])).toBe('{1,-2,30000000000}');
  });
});
