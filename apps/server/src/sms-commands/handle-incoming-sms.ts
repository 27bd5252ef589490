import { parsePhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { CODE_POLICY } from '../auth/policy.ts';
import { recordJournal } from '../journal/record.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { newPasswordCommand } from './new-password-command.ts';
import {
  type IncomingSmsCommand,
  type Localised,
  type SmsCommandContext,
  SmsCommandRegistry,
  type SmsSender,
} from './registry.ts';
import { stopContentCommand } from './stop-content-command.ts';

/** The commands every installation has; capabilities add theirs with `smsCommands.register(…)`. */
export const smsCommands = new SmsCommandRegistry().register(newPasswordCommand).register(stopContentCommand);

const UNKNOWN: Localised = {
  ru: 'Команда не распознана. Пустое SMS на 000110 — новый пароль от Кабинета; STOP на номер подписки — отписка. Остальное — в Кабинете.',
  en: 'Unknown command. Empty SMS to 000110: a new Kabinet password; STOP to a subscription number: unsubscribe. All else is in Kabinet.',
};

export type IncomingSmsOutcome = 'handled' | 'failed' | 'help' | 'unknown_command' | 'unknown_sender';

/**
 * CHAN-04 entry point for every mobile-originated SMS — the SMPP transport's `deliver_sm` and the virtual phone
 * alike. Finds the command by short number and text, runs it, journals it from channel `sms`, and replies from the
 * short number in the sender's language: a helpful sentence whenever the SMS cannot be served. SMS from numbers
 * that are no subscriber's are logged and dropped (an answer would cost money and tell a stranger nothing useful).
 */
export async function handleIncomingSms(
  ctx: SmsCommandContext,
  sms: { from: string; to: string; text: string },
  registry: SmsCommandRegistry = smsCommands,
): Promise<IncomingSmsOutcome> {
  const phone = parsePhone(sms.from);
  const to = sms.to.replace(/\D/g, '');
  const sender = phone.ok ? await findSender(ctx.db, phone.msisdn, ctx.now()) : null;
  if (!phone.ok || !sender) {
    ctx.log.info({ to }, 'SMS command from a number that is no subscriber’s dropped');
    return 'unknown_sender';
  }
  const command: IncomingSmsCommand = { from: phone.msisdn, to, text: sms.text.slice(0, 1000) };
  const found = await registry.find(ctx.db, to, command.text);
  if (found.kind !== 'match') {
    const reply = found.kind === 'help' ? found.command.help(to) : UNKNOWN;
    await ctx.db.transaction().execute(async (trx) => {
      await journal(
        trx,
        sender,
        found.kind === 'help' ? `sms_command.${found.command.name}` : 'sms_command.unknown',
        'failed',
        {
          to,
          reason: found.kind === 'help' ? 'bad_text' : 'unknown_command',
        },
      );
      await replyTo(trx, sender, to, reply);
    });
    void ctx.outbox.kick();
    return found.kind === 'help' ? 'help' : 'unknown_command';
  }
  const { command: handler } = found;
  let result: Awaited<ReturnType<typeof handler.handle>>;
  try {
    result = await handler.handle(ctx, command, sender);
  } catch (err) {
    ctx.log.error({ err, command: handler.name }, 'SMS command failed');
    result = {
      outcome: 'failed',
      details: { reason: 'error' },
      reply: {
        ru: 'Не получилось выполнить команду. Попробуйте позже или зайдите в Кабинет.',
        en: 'The command failed. Please try later or use Kabinet.',
      },
    };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await journal(trx, sender, `sms_command.${handler.name}`, result.outcome, { to, ...result.details });
    if (result.reply) await replyTo(trx, sender, to, result.reply);
  });
  void ctx.outbox.kick();
  return result.outcome === 'ok' ? 'handled' : 'failed';
}

async function findSender(db: Db, msisdn: string, now: Date): Promise<SmsSender | null> {
  const row = await db
    .selectFrom('lines as l')
    .leftJoin('grants as g', (join) =>
      join
        .onRef('g.line_id', '=', 'l.id')
        .on('g.role', '=', 'owner')
        .on('g.revoked_at', 'is', null)
        .on((eb) => eb.or([eb('g.expires_at', 'is', null), eb('g.expires_at', '>', now)])),
    )
    .leftJoin('logins as lg', 'lg.id', 'g.login_id')
    .select(['l.id as lineId', 'l.account_id as accountId', 'lg.id as loginId', 'lg.locale'])
    .where('l.msisdn', '=', msisdn)
    .where('l.status', '!=', 'closed')
    .orderBy('g.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    lineId: row.lineId,
    accountId: row.accountId,
    msisdn,
    loginId: row.loginId,
    lang: row.locale === 'en' ? 'en' : 'ru',
  };
}

async function journal(
  trx: Db,
  sender: SmsSender,
  action: string,
  outcome: 'ok' | 'failed',
  details: Record<string, unknown>,
) {
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: sender.loginId,
    loginId: sender.loginId,
    lineId: sender.lineId,
    channel: 'sms',
    action,
    outcome,
    details,
  });
}

async function replyTo(trx: Db, sender: SmsSender, from: string, text: Localised) {
  await enqueueMessage(trx, {
    channel: 'sms',
    recipient: sender.msisdn,
    sender: from || CODE_POLICY.smsSender,
    kind: 'sms_command.reply',
    body: text[sender.lang],
  });
}
