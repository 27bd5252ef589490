import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, type TestClient } from '../test/http-client.ts';
import { settingsSnapshot } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function put(client: TestClient, lineId: string, condition: string, body: unknown) {
  return client.request('PUT', `/api/v1/lines/${lineId}/forwarding/${condition}`, body);
}

describe('call forwarding', () => {
  it('SVC-06 sets unconditional forwarding to a number typed in any format', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/forwarding`;
    expect((await client.get(url)).json()).toEqual({
      rules: ['unconditional', 'busy', 'no_answer', 'unreachable'].map((condition) => ({
        condition,
        enabled: false,
        target: null,
        delaySeconds: null,
      })),
    });

    const on = await put(client, sub.lineId, 'unconditional', { enabled: true, target: '8 (912) 345-67-89' });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({
      condition: 'unconditional',
      enabled: true,
      target: '+79123456789',
      delaySeconds: null,
    });
    const same = await put(client, sub.lineId, 'unconditional', {
      enabled: true,
      target: '+7 912 345 67 89',
    });
    expect(same.json()).toMatchObject({ enabled: true, target: '+79123456789' });
    const off = await put(client, sub.lineId, 'unconditional', { enabled: false });
    expect(off.json()).toEqual({
      condition: 'unconditional',
      enabled: false,
      target: '+79123456789',
      delaySeconds: null,
    });

    const noAnswer = await put(client, sub.lineId, 'no_answer', { enabled: true, target: '9123456780' });
    expect(noAnswer.json()).toMatchObject({ target: '+79123456780', delaySeconds: 20 });
    const slower = await put(client, sub.lineId, 'no_answer', { enabled: true, delaySeconds: 30 });
    expect(slower.json()).toMatchObject({ enabled: true, target: '+79123456780', delaySeconds: 30 });

    const rules = (await client.get(url)).json().rules;
    expect(rules.map((r: { condition: string; enabled: boolean }) => [r.condition, r.enabled])).toEqual([
      ['unconditional', false],
      ['busy', false],
      ['no_answer', true],
      ['unreachable', false],
    ]);
    const after = await settingsSnapshot(t.db, sub.lineId);
    expect(after.requests).toHaveLength(4);
    expect(after.requests.every((r) => r.kind === 'forwarding_change' && r.status === 'done')).toBe(true);
    expect(after.journal.map((j) => j.action)).toEqual(Array(4).fill('forwarding.changed'));
    expect(after.journal[0]?.details).toMatchObject({
      condition: 'unconditional',
      enabled: true,
      target: '+79123456789',
    });
  });

  it("SVC-06 refuses forwarding to the line's own number and a bad delay", async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const own = sub.msisdn.replace('+7', '8');
    const refused: Array<[string, unknown, string, string]> = [
      ['busy', { enabled: true, target: own }, 'target', 'own_number'],
      ['busy', { enabled: true, target: 'call me' }, 'target', 'invalid_phone'],
      ['busy', { enabled: true }, 'target', 'required'],
      [
        'no_answer',
        { enabled: true, target: '+79123456789', delaySeconds: 7 },
        'delaySeconds',
        'invalid_value',
      ],
      [
        'no_answer',
        { enabled: true, target: '+79123456789', delaySeconds: 35 },
        'delaySeconds',
        'invalid_value',
      ],
      ['busy', { enabled: true, target: '+79123456789', delaySeconds: 10 }, 'delaySeconds', 'invalid_value'],
    ];
    for (const [condition, body, field, code] of refused) {
      const res = await put(client, sub.lineId, condition, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field, code }] });
    }
    const unknown = await put(client, sub.lineId, 'sometimes', { enabled: false });
    expect(unknown.statusCode).toBe(400);
    const after = await settingsSnapshot(t.db, sub.lineId);
    expect(after).toMatchObject({ forwarding: [], requests: [], journal: [] });
  });
});
