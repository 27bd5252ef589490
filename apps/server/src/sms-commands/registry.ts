import type { Db } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** An SMS a subscriber sent to one of the operator's short numbers (mobile-originated). */
export interface IncomingSmsCommand {
  /** The sender's number, E.164. */
  from: string;
  /** The short number it was sent to, digits only. */
  to: string;
  text: string;
}

/** The sender as the commands need them: their line, login (if any) and language. */
export interface SmsSender {
  lineId: string;
  accountId: string;
  msisdn: string;
  loginId: string | null;
  lang: 'ru' | 'en';
}

export type SmsCommandContext = Pick<AppContext, 'db' | 'now' | 'sessions' | 'outbox' | 'timeZone'> & {
  log: FastifyBaseLogger;
};

export type Localised = { ru: string; en: string };

/** What a command did: `reply` goes back by SMS from the short number; `outcome` is journaled. */
export interface SmsCommandResult {
  outcome: 'ok' | 'failed';
  reply?: Localised;
  details?: Record<string, unknown>;
}

/**
 * One SMS command. Capabilities register their own (DET-06 "email to 1401" will), so the registry knows nothing
 * of what the commands do.
 */
export interface SmsCommand {
  /** Journaled as `sms_command.<name>`. */
  name: string;
  /** The short number, or a test for a family of numbers (content subscriptions each have their own). */
  to: string | ((to: string, db: Db) => Promise<boolean>);
  /** The text it answers to (trimmed before matching); absent: any text. */
  text?: RegExp;
  /** Sent back when the number is right but the text is not: how to use this command. */
  help: (to: string) => Localised;
  handle(ctx: SmsCommandContext, sms: IncomingSmsCommand, sender: SmsSender): Promise<SmsCommandResult>;
}

/** Short numbers and their commands; the first command whose number and text match handles the SMS. */
export class SmsCommandRegistry {
  private readonly commands: SmsCommand[] = [];

  register(command: SmsCommand): this {
    this.commands.push(command);
    return this;
  }

  /**
   * The command for an SMS: `match` when number and text fit, `help` when only the number does (the text is
   * wrong: answer how to use it), `none` when no command lives on that number.
   */
  async find(
    db: Db,
    to: string,
    text: string,
  ): Promise<{ kind: 'match' | 'help'; command: SmsCommand } | { kind: 'none' }> {
    let helpFor: SmsCommand | undefined;
    for (const command of this.commands) {
      const numberFits = typeof command.to === 'string' ? command.to === to : await command.to(to, db);
      if (!numberFits) continue;
      if (!command.text || command.text.test(text.trim())) return { kind: 'match', command };
      helpFor ??= command;
    }
    return helpFor ? { kind: 'help', command: helpFor } : { kind: 'none' };
  }
}
