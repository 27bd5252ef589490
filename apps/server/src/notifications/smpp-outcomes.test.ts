import { TestSmsc } from '@kabinet/channels/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../test/harness.ts';
import { enqueueMessage } from './outbox.ts';
import { createChannelTestApp, eventually } from './testing/channel-test-app.ts';

let smsc: TestSmsc;
let t: TestApp;

beforeAll(async () => {
  smsc = await TestSmsc.start();
  t = await createChannelTestApp({
    channels: {
      smppUrl: smsc.url,
      smppTiming: { responseTimeoutMs: 200, reconnectInitialMs: 50, bindWaitMs: 1000, enquireLinkMs: 60_000 },
    },
    outbox: { backoffBaseMs: 20, backoffMaxMs: 50, maxAttempts: 3 },
  });
});
afterAll(async () => {
  await t?.close();
  await smsc?.stop();
});
beforeEach(() => {
  smsc.silent = false;
  smsc.refuseWith = undefined;
});

async function settle(id: string) {
  return eventually(async () => {
    await t.ctx.outbox.kick();
    const r = await t.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return r.status === 'failed' || r.status === 'delivered' ? r : undefined;
  });
}

describe('SMPP outcomes in the outbox', () => {
  it('NOTIF-02 a centre that never answers: the message is sent, re-sent once, then failed as outcome unknown', async () => {
    smsc.silent = true;
    const id = await enqueueMessage(t.db, {
      channel: 'sms',
      recipient: '+79160000401',
      sender: 'Kabinet',
      body: 'hung',
      kind: 'test',
    });
    const row = await settle(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 2, uncertain_sends: 2 });
    expect(row.last_error).toMatch(/outcome unknown twice/);
    expect(smsc.swallowed).toBe(2);
  });

  it('NOTIF-02 a throttled centre is retried with backoff until the attempts run out', async () => {
    smsc.refuseWith = 0x58; // ESME_RTHROTTLED
    const id = await enqueueMessage(t.db, {
      channel: 'sms',
      recipient: '+79160000402',
      sender: 'Kabinet',
      body: 'busy',
      kind: 'test',
    });
    const row = await settle(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, uncertain_sends: 0 });
    expect(row.last_error).toMatch(/gave up after 3 attempts.*0x58/);
  });

  it('NOTIF-02 an invalid destination refused by the centre fails at once', async () => {
    smsc.refuseWith = 0x0b; // ESME_RINVDSTADR
    const id = await enqueueMessage(t.db, {
      channel: 'sms',
      recipient: '+79160000403',
      sender: 'Kabinet',
      body: 'bad',
      kind: 'test',
    });
    expect(await settle(id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('NOTIF-02 a flash prompt goes out with message class 0', async () => {
    const before = smsc.parts.length;
    const id = await enqueueMessage(t.db, {
      channel: 'flash',
      recipient: '+79160000404',
      sender: 'Kabinet',
      body: 'Войти? 1 — да',
      kind: 'auth.prompt',
    });
    expect(await settle(id)).toMatchObject({ status: 'delivered' });
    expect(smsc.parts.slice(before)).toEqual([
      expect.objectContaining({ dataCoding: 0x18, text: 'Войти? 1 — да' }),
    ]);
  });
});
