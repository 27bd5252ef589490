import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone, parsePhone } from './phone.ts';

describe('phone numbers', () => {
  it.each([
    '+7 (912) 345-67-89',
    '89123456789',
    '9123456789',
    '+79123456789',
    '8 912 345 67 89',
    '7-912-345-67-89',
    ' +7 912 345.67.89 ',
  ])('ACCESS-01 normalises %s to E.164 +79123456789', (input) => {
    expect(parsePhone(input)).toEqual({ ok: true, msisdn: '+79123456789' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'invalid'],
    ['12345', 'invalid'],
    ['+7 912 345', 'invalid'],
    ['891234567890', 'invalid'],
    ['+7912345678a', 'invalid'],
    ['1234567890', 'invalid'],
    ['9+123456789', 'invalid'],
    ['<script>alert(1)</script>', 'invalid'],
    ['1'.repeat(40), 'invalid'],
  ])('ACCESS-01 rejects junk %j as %s', (input, reason) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason });
  });

  it('ACCESS-01 accepts an explicit international number with +', () => {
    expect(parsePhone('+375 29 123-45-67')).toEqual({ ok: true, msisdn: '+375291234567' });
  });

  it('HOME-01 formats and masks Russian numbers for display', () => {
    expect(formatPhone('+79123456789')).toBe('+7 912 345-67-89');
    expect(maskPhone('+79123456789')).toBe('+7 912 ***-**-89');
  });
});
