import type { Db } from '@kabinet/db';
import { CODE_POLICY } from '../auth/policy.ts';
import { problems } from '../http/problem.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { recordLineChange } from '../requests/record-line-change.ts';
import type { Actor } from '../services/option-journal.ts';
import { deviceProblems, loadDeviceLine, recentSends } from './device-line.ts';
import { type Device, type SettingItem, sendAllowance, settingsMessages } from './settings-sms.ts';

export interface SendSettingsInput extends Actor {
  device: Device;
  items: SettingItem[];
  now: Date;
}

/**
 * SVC-12: sends internet/MMS settings to the line's own number. Under the line's lock: checks the line is an
 * active mobile line and the hourly limit (429 `rate_limited` with `retryAfterSeconds`), then writes one SMS per
 * item to the outbox and records a done `device_settings` request with its journal entry — all in the caller's
 * transaction, so the SMS leave if and only if the request is recorded. The caller kicks the outbox.
 */
export async function sendSettings(trx: Db, input: SendSettingsInput) {
  const line = await loadDeviceLine(trx, input.lineId, true);
  if (line.status !== 'active') throw deviceProblems.lineNotActive();
  const sent = await recentSends(trx, line.id, input.now);
  const allowance = sendAllowance(sent, input.now);
  if (!allowance.allowed) throw problems.rateLimited(allowance.retryAfterSeconds);
  const messages = settingsMessages(input.device, input.items);
  for (const message of messages) {
    await enqueueMessage(trx, {
      channel: 'sms',
      recipient: line.msisdn,
      sender: CODE_POLICY.smsSender,
      kind: 'device.settings',
      body: message.body,
    });
  }
  const names = messages.map((m) => (m.item === 'internet' ? 'интернет' : 'MMS')).join(', ');
  const namesEn = messages.map((m) => (m.item === 'internet' ? 'internet' : 'MMS')).join(', ');
  const request = await recordLineChange(
    trx,
    input,
    {
      kind: 'device_settings',
      statuses: ['accepted', 'done'],
      title: { ru: `Настройки отправлены: ${names}`, en: `Settings sent: ${namesEn}` },
      action: 'device_settings.sent',
      details: { device: input.device, items: messages.map((m) => m.item) },
    },
    input.now,
  );
  return { request, messages: messages.map((m) => ({ item: m.item })), sentInLastHour: sent.length + 1 };
}
