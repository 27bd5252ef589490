import { describe, expect, it } from 'vitest';
import { parseReceipt } from './receipt.ts';
import { parseSmppUrl } from './smpp-url.ts';

describe('delivery receipts and SMPP_URL', () => {
  it('NOTIF-02 reads the receipt text of SMPP 3.4 Appendix B', () => {
    const text =
      'id:7f3a sub:001 dlvrd:001 submit date:2611231200 done date:2611231201 stat:DELIVRD err:000 text:Kod';
    expect(parseReceipt({ text })).toEqual({ messageId: '7f3a', state: 'delivered' });
    expect(parseReceipt({ text: 'id:9 stat:UNDELIV err:017' })).toEqual({
      messageId: '9',
      state: 'undeliverable',
      error: '017',
    });
  });

  it('NOTIF-02 prefers the receipted_message_id and message_state TLVs', () => {
    expect(parseReceipt({ text: 'stat:DELIVRD', receiptedMessageId: 'abc', messageState: 3 })).toEqual({
      messageId: 'abc',
      state: 'expired',
    });
    expect(parseReceipt({ text: 'garbage' })).toBeUndefined();
  });

  it('NOTIF-02 parses SMPP_URL with credentials and refuses other schemes', () => {
    expect(parseSmppUrl('smpp://kab%40inet:p%3Ass@smsc.example:2776')).toEqual({
      host: 'smsc.example',
      port: 2776,
      tls: false,
      systemId: 'kab@inet',
      password: 'p:ss',
      systemType: '',
    });
    expect(parseSmppUrl('ssmpp://a:b@h').port).toBe(3550);
    expect(() => parseSmppUrl('http://a:b@h')).toThrow(/scheme/);
    expect(() => parseSmppUrl('smpp://h:1')).toThrow(/system_id/);
  });
});
