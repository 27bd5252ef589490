import { describe, expect, it } from 'vitest';
import { loadFixture } from './yookassa-fixture-server.ts';
import {
  expiresOf,
  failureReasonOf,
  isYooKassaSender,
  kopecksOf,
  parsePayment,
  stateOf,
  toYooKassaAmount,
  YooKassaFormatError,
} from './yookassa-mapping.ts';

const rub = (value: string) => ({ value, currency: 'RUB' });
const paymentOf = (name: string) => parsePayment(loadFixture(name).response.body);

describe('YooKassa mapping', () => {
  it('PAY-01 writes kopecks as YooKassa decimal strings, exactly', () => {
    expect(toYooKassaAmount(500_00n)).toEqual({ value: '500.00', currency: 'RUB' });
    expect(toYooKassaAmount(123_45n)).toEqual({ value: '123.45', currency: 'RUB' });
    expect(toYooKassaAmount(100_05n).value).toBe('100.05');
    expect(toYooKassaAmount(1n).value).toBe('0.01');
    expect(toYooKassaAmount(15_000_00n).value).toBe('15000.00');
    expect(() => toYooKassaAmount(0n)).toThrow(RangeError);
  });

  it('PAY-01 reads YooKassa amounts into kopecks without floats, and refuses what is not exact RUB', () => {
    expect(kopecksOf(rub('123.45'))).toBe(123_45n);
    expect(kopecksOf(rub('100'))).toBe(100_00n);
    expect(kopecksOf(rub('100.5'))).toBe(100_50n);
    expect(kopecksOf(rub('0.29'))).toBe(29n); // 0.29 * 100 is 28.999999999999996 in floats
    expect(kopecksOf(rub('1.15'))).toBe(115n); // 1.15 * 100 is 114.99999999999999
    expect(kopecksOf(rub('90071992547409.93'))).toBe(9_007_199_254_740_993n); // past 2^53
    for (const bad of ['1.005', '-5.00', '1e3', '', ' 1.00', '1,00', '.50']) {
      expect(() => kopecksOf(rub(bad)), bad).toThrow(YooKassaFormatError);
    }
    expect(() => kopecksOf({ value: '1.00', currency: 'USD' })).toThrow(/not RUB/);
    expect(() => kopecksOf({ value: 100 })).toThrow(YooKassaFormatError);
  });

  it('PAY-01 maps every payment status: only succeeded credits, canceled fails with its reason', () => {
    expect(stateOf(paymentOf('get-payment-pending'))).toEqual({
      externalId: '2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e',
      status: 'pending',
      amount: 500_00n,
    });
    const held = { ...paymentOf('get-payment-pending'), status: 'waiting_for_capture' as const };
    expect(stateOf(held).status).toBe('pending');
    expect(stateOf(paymentOf('get-payment-succeeded'))).toEqual({
      externalId: '2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e',
      status: 'succeeded',
      amount: 500_00n,
      paidWith: { last4: '4444', brand: 'mastercard' },
    });
    expect(stateOf(paymentOf('get-payment-canceled'))).toMatchObject({
      status: 'failed',
      failureReason: 'insufficient_funds',
      paidWith: { last4: '4444', brand: 'mastercard' },
    });
    expect(() => parsePayment({ ...paymentOf('get-payment-pending'), status: 'refunded' })).toThrow(
      YooKassaFormatError,
    );
  });

  it('PAY-01 names failures in the cabinet’s words where they mean the same, else in YooKassa’s', () => {
    expect(failureReasonOf({ party: 'payment_network', reason: '3d_secure_failed' })).toBe('3ds_failed');
    expect(failureReasonOf({ reason: 'general_decline' })).toBe('card_declined');
    expect(failureReasonOf({ reason: 'expired_on_confirmation' })).toBe('expired');
    expect(failureReasonOf({ reason: 'insufficient_funds' })).toBe('insufficient_funds');
    expect(failureReasonOf({ reason: 'fraud_suspected' })).toBe('fraud_suspected');
    expect(failureReasonOf(undefined)).toBe('canceled');
  });

  it('PAY-04 a saved card becomes a token (the payment method id) with last4, brand and MM/YY', () => {
    expect(stateOf(paymentOf('get-payment-succeeded-saved'))).toMatchObject({
      status: 'succeeded',
      card: {
        token: '2ebe2d11-000f-5000-9000-15b2c9a6f7e1',
        last4: '4444',
        brand: 'mastercard',
        expires: '07/31',
      },
    });
    // Not saved, or not paid: no token to charge later.
    expect(stateOf(paymentOf('get-payment-succeeded')).card).toBeUndefined();
    expect(expiresOf('7', '2031')).toBe('07/31');
    expect(expiresOf(undefined, '2031')).toBe('');
  });

  it('PAY-01 knows YooKassa’s notification addresses, IPv4, IPv6 and IPv4-mapped', () => {
    for (const ip of ['185.71.76.1', '185.71.77.31', '77.75.153.127', '77.75.156.11', '2a02:5180::1']) {
      expect(isYooKassaSender(ip), ip).toBe(true);
    }
    expect(isYooKassaSender('::ffff:185.71.76.5')).toBe(true);
    for (const ip of ['185.71.76.32', '77.75.156.12', '77.75.154.127', '127.0.0.1', '2a03::1', 'nonsense']) {
      expect(isYooKassaSender(ip), ip).toBe(false);
    }
  });
});
