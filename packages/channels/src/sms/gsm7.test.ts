import { describe, expect, it } from 'vitest';
import { decodeGsm7, encodeGsm7, GSM7_BASIC_SIZE, gsm7Length, isGsm7 } from './gsm7.ts';
import { concatUdh, decodeSmsPayload, encodeSms, parseUdh } from './segments.ts';

describe('GSM 03.38 encoder', () => {
  it('NOTIF-02 the default alphabet table has 128 septets with @ at 0 and ESC at 0x1B', () => {
    expect(GSM7_BASIC_SIZE).toBe(128);
    expect([...encodeGsm7('@£$A a0\n')]).toEqual([0x00, 0x01, 0x02, 0x41, 0x20, 0x61, 0x30, 0x0a]);
    expect([...encodeGsm7('ÄÖÑÜ§¿äöñüà')]).toEqual([
      0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
    ]);
  });

  it('NOTIF-02 extension characters are escaped and count two septets', () => {
    expect([...encodeGsm7('€[]{}')]).toEqual([0x1b, 0x65, 0x1b, 0x3c, 0x1b, 0x3e, 0x1b, 0x28, 0x1b, 0x29]);
    expect(gsm7Length('a€')).toBe(3);
    expect(decodeGsm7(encodeGsm7('Цена 5€ ~ {ok}'.replace('Цена', 'Price')))).toBe('Price 5€ ~ {ok}');
  });

  it('NOTIF-02 Cyrillic and emoji are not GSM 7-bit and the encoder refuses them', () => {
    expect(isGsm7('Hello, world!')).toBe(true);
    expect(isGsm7('Привет')).toBe(false);
    expect(isGsm7('ok 👍')).toBe(false);
    expect(() => encodeGsm7('Привет')).toThrow(RangeError);
  });

  it('NOTIF-02 round-trips every basic character', () => {
    const all = decodeGsm7(Buffer.from([...Array(128).keys()].filter((i) => i !== 0x1b)));
    expect(decodeGsm7(encodeGsm7(all))).toBe(all);
  });
});

describe('SMS segmentation', () => {
  it('NOTIF-02 GSM text: 160 septets fit one SMS, 161 become 153 + 8', () => {
    expect(encodeSms('a'.repeat(160)).parts).toHaveLength(1);
    const long = encodeSms('a'.repeat(161));
    expect(long.dataCoding).toBe(0);
    expect(long.parts.map((p) => p.length)).toEqual([153, 8]);
  });

  it('NOTIF-02 an escape pair is never split between parts', () => {
    const parts = encodeSms(`${'a'.repeat(152)}€b${'c'.repeat(10)}`).parts;
    expect(parts[0]).toHaveLength(152);
    expect([...(parts[1] as Buffer).subarray(0, 2)]).toEqual([0x1b, 0x65]);
  });

  it('NOTIF-02 Cyrillic uses UCS-2: 70 characters in one SMS, 67 per concatenated part', () => {
    expect(encodeSms('ж'.repeat(70))).toMatchObject({ dataCoding: 8 });
    expect(encodeSms('ж'.repeat(70)).parts).toHaveLength(1);
    const long = encodeSms('ж'.repeat(140));
    expect(long.parts.map((p) => p.length / 2)).toEqual([67, 67, 6]);
    expect(long.parts.map((p) => decodeSmsPayload(p, 8)).join('')).toBe('ж'.repeat(140));
  });

  it('NOTIF-02 a surrogate pair (emoji) stays within one part', () => {
    const text = `${'ж'.repeat(66)}😀ыыыыы`;
    const parts = encodeSms(text).parts;
    expect(parts[0]?.length).toBe(66 * 2);
    expect(decodeSmsPayload(parts[1] as Buffer, 8)).toBe('😀ыыыыы');
  });

  it('NOTIF-02 flash messages use message class 0 and the concatenation UDH parses back', () => {
    expect(encodeSms('Code', { flash: true }).dataCoding).toBe(0x10);
    expect(encodeSms('Код', { flash: true }).dataCoding).toBe(0x18);
    const udh = concatUdh(300, 3, 2);
    expect([...udh]).toEqual([5, 0, 3, 44, 3, 2]);
    expect(parseUdh(Buffer.concat([udh, Buffer.from('x')]))).toEqual({
      concat: { reference: 44, total: 3, sequence: 2 },
      payload: Buffer.from('x'),
    });
  });
});
