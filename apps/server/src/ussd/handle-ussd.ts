import {
  balanceScreen,
  chargesScreen,
  emailDetalizationBanScreen,
  loginPromptScreen,
  parsePhone,
  parseUssd,
  refusalScreen,
  type UssdLang,
  type UssdReply,
  walkMenu,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import { answerPhonePrompt } from '../auth/phone-confirm/answer-prompt.ts';
import type { AppContext } from '../http/context.ts';
import { recordJournal } from '../journal/record.ts';
import { banEmailDetalization } from './email-detalization-ban.ts';
import { isPromptSession, openPromptSession } from './login-prompt.ts';
import { charges, menuStep } from './menu-screens.ts';
import { newPasswordStep } from './new-password-step.ts';
import { promisedStep } from './promised-step.ts';
import { findUssdSubscriber, type UssdSubscriber } from './subscriber-query.ts';

/** One step of a USSD dialogue as the gateway sends it (every field already a string). */
export interface UssdRequest {
  sessionId: string;
  serviceCode: string;
  phoneNumber: string;
  text: string;
}

export type UssdContext = Pick<AppContext, 'db' | 'now' | 'timeZone' | 'sessions' | 'outbox'>;

const SESSION_ID = /^[\x21-\x7e]{1,100}$/;

/**
 * CHAN-03: answers one step of a USSD dialogue. The gateway route and the virtual phone's keypad both call this,
 * so the phone shows exactly what a real handset would. Never throws for the subscriber's input: a malformed
 * request gets a polite END and a log line; an unknown code gets the menu.
 */
export async function handleUssd(
  ctx: UssdContext,
  request: UssdRequest,
  log: FastifyBaseLogger,
): Promise<UssdReply> {
  const phone = parsePhone(request.phoneNumber);
  const parsed = parseUssd(request.serviceCode, request.text);
  if (!phone.ok || !parsed.ok || !SESSION_ID.test(request.sessionId)) {
    log.info(
      {
        ussd: {
          serviceCode: request.serviceCode.slice(0, 40),
          reason: !phone.ok ? 'bad_phone' : parsed.ok ? 'bad_session' : parsed.reason,
        },
      },
      'malformed USSD request',
    );
    return refusalScreen('ru', 'malformed');
  }
  const now = ctx.now();
  const subscriber = await findUssdSubscriber(ctx.db, phone.msisdn, now);
  if (!subscriber) return refusalScreen('ru', 'unknown_number');
  const lang: UssdLang = subscriber.locale;
  const { choices, service } = parsed;
  const journal = (screen: string) => journalStep(ctx.db, subscriber, parsed.code, screen);

  // ACCESS-07: a login prompt waiting for this number takes over a new session's first screen.
  if (
    choices.length === 0 &&
    (await openPromptSession(ctx.db, { sessionId: request.sessionId, msisdn: phone.msisdn, now }))
  ) {
    await journal('login_prompt');
    return loginPromptScreen(lang);
  }
  if (choices.length > 0 && (await isPromptSession(ctx.db, request.sessionId, phone.msisdn))) {
    const answer = await answerPhonePrompt(ctx.db, {
      msisdn: phone.msisdn,
      text: choices[0] ?? '',
      channel: 'ussd',
      now,
    });
    return loginPromptScreen(lang, answer?.status ?? 'expired');
  }

  switch (service) {
    case 'balance':
      await journal('balance');
      return balanceScreen(lang, subscriber.balance, subscriber.creditLimit);
    case 'promised_payment':
      return promisedStep(ctx, subscriber, choices, request.sessionId, lang, journal);
    case 'last_charges':
      await journal('last_charges');
      return chargesScreen(lang, await charges(ctx, subscriber), false);
    case 'ban_email_detalization': {
      const { already } = await banEmailDetalization(ctx.db, {
        lineId: subscriber.lineId,
        loginId: subscriber.loginId,
        now,
      });
      return emailDetalizationBanScreen(lang, already);
    }
    case 'new_password':
      return newPasswordStep(ctx, subscriber, choices, lang, journal);
    case 'menu': {
      const step = walkMenu(choices);
      await journal(parsed.known ? step.screen : `${step.screen}_unknown_code`);
      return menuStep(ctx, subscriber, step.screen, step.invalid, lang);
    }
  }
}

/** Every USSD step is an action on the line, journaled from channel `ussd` (ACCESS-12). */
async function journalStep(db: Db, subscriber: UssdSubscriber, serviceCode: string, screen: string) {
  await recordJournal(db, {
    actorKind: 'subscriber',
    actorId: subscriber.loginId,
    loginId: subscriber.loginId,
    lineId: subscriber.lineId,
    channel: 'ussd',
    action: 'ussd.request',
    details: { serviceCode, screen },
  });
}
