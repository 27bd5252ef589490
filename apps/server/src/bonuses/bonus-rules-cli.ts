import { userInfo } from 'node:os';
import {
  type BonusRules,
  checkBonusRules,
  EARNING_SOURCES,
  MoneyError,
  parseRubles,
  SPENDING_ACCOUNT_CODES,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { Command } from 'commander';
import type { CommandDatabase } from '../charging/charging-cli.ts';
import { recordJournal } from '../journal/record.ts';
import { loadBonusRules } from './points-ledger.ts';

/** The console name of each rule (`name: value` lines, and `--name` options of `set`). */
const NAMES: Record<keyof BonusRules, string> = {
  topUpKopecksPerPoint: 'top-up-rubles-per-point',
  topUpSources: 'top-up-sources',
  spendingKopecksPerPoint: 'spending-rubles-per-point',
  spendingAccountCodes: 'spending-accounts',
  expiryMonths: 'expiry-months',
  expiringSoonDays: 'expiring-soon-days',
};

interface SetOptions {
  topUpRublesPerPoint?: string;
  topUpSources?: string;
  spendingRublesPerPoint?: string;
  spendingAccounts?: string;
  expiryMonths?: string;
  expiringSoonDays?: string;
}

/** Roubles as the options take them back: `10.00`. */
function rubles(kopecks: bigint): string {
  return `${kopecks / 100n}.${String(kopecks % 100n).padStart(2, '0')}`;
}

function printRules(rules: BonusRules): void {
  console.log(`${NAMES.topUpKopecksPerPoint}: ${rubles(rules.topUpKopecksPerPoint)}`);
  console.log(`${NAMES.topUpSources}: ${rules.topUpSources.join(',')}`);
  console.log(`${NAMES.spendingKopecksPerPoint}: ${rubles(rules.spendingKopecksPerPoint)}`);
  console.log(`${NAMES.spendingAccountCodes}: ${rules.spendingAccountCodes.join(',')}`);
  console.log(`${NAMES.expiryMonths}: ${rules.expiryMonths}`);
  console.log(`${NAMES.expiringSoonDays}: ${rules.expiringSoonDays}`);
}

/**
 * The rules with the given options applied, and the options that do not parse (named as typed; the current value
 * stands in for each, so the rest can still be checked).
 */
function applyOptions(current: BonusRules, opts: SetOptions): { rules: BonusRules; errors: string[] } {
  const errors: string[] = [];
  const money = (name: string, text: string | undefined, fallback: bigint) => {
    if (text === undefined) return fallback;
    try {
      return parseRubles(text);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      errors.push(`--${name}: not an amount of roubles: ${text}`);
      return fallback;
    }
  };
  const whole = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text.trim())) {
      errors.push(`--${name}: not a whole number: ${text}`);
      return fallback;
    }
    return Number(text);
  };
  const list = (text: string | undefined, fallback: readonly string[]) =>
    text === undefined
      ? fallback
      : text
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
  const rules: BonusRules = {
    topUpKopecksPerPoint: money(
      NAMES.topUpKopecksPerPoint,
      opts.topUpRublesPerPoint,
      current.topUpKopecksPerPoint,
    ),
    topUpSources: list(opts.topUpSources, current.topUpSources),
    spendingKopecksPerPoint: money(
      NAMES.spendingKopecksPerPoint,
      opts.spendingRublesPerPoint,
      current.spendingKopecksPerPoint,
    ),
    spendingAccountCodes: list(opts.spendingAccounts, current.spendingAccountCodes),
    expiryMonths: whole(NAMES.expiryMonths, opts.expiryMonths, current.expiryMonths),
    expiringSoonDays: whole(NAMES.expiringSoonDays, opts.expiringSoonDays, current.expiringSoonDays),
  };
  return { rules, errors };
}

/** Rules as journal details: money as kopecks in numbers, JSON-safe. */
function journalView(rules: BonusRules) {
  return {
    ...rules,
    topUpKopecksPerPoint: Number(rules.topUpKopecksPerPoint),
    spendingKopecksPerPoint: Number(rules.spendingKopecksPerPoint),
  };
}

/** Writes the rules and the console's journal entry in one transaction. */
async function saveBonusRules(db: Db, before: BonusRules, rules: BonusRules, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('bonus_rules')
      .set({
        top_up_kopecks_per_point: rules.topUpKopecksPerPoint,
        top_up_sources: [...rules.topUpSources],
        spending_kopecks_per_point: rules.spendingKopecksPerPoint,
        spending_account_codes: [...rules.spendingAccountCodes],
        expiry_months: rules.expiryMonths,
        expiring_soon_days: rules.expiringSoonDays,
        updated_at: now,
      })
      .where('id', '=', 1)
      .execute();
    await recordJournal(trx, {
      actorKind: 'admin',
      channel: 'console',
      action: 'bonus.rules_changed',
      details: { user: userInfo().username, before: journalView(before), after: journalView(rules) },
    });
  });
}

/**
 * `kabinet bonus rules show` and `kabinet bonus rules set [--top-up-rubles-per-point R] [--top-up-sources a,b]
 * [--spending-rubles-per-point R] [--spending-accounts codes] [--expiry-months N] [--expiring-soon-days N]`
 * (BONUS-01): the operator's points rules (docs/bonuses.md). `set` changes only what it is given, checks the whole
 * (`checkBonusRules`), names every bad option and then writes nothing (exit 1); a change is journaled. New rules
 * apply to what is earned from then on; points already earned keep their expiry.
 */
export function registerBonusCommands(program: Command, open: () => Promise<CommandDatabase>): void {
  const rules = program
    .command('bonus')
    .description('Loyalty points (BONUS-01/02)')
    .command('rules')
    .description('The points rules: how points are earned and when they expire');
  rules
    .command('show')
    .description('Print the rules, one `name: value` a line')
    .action(async () => {
      const database = await open();
      try {
        printRules(await loadBonusRules(database.db));
      } finally {
        await database.close();
      }
    });
  rules
    .command('set')
    .description('Change some of the rules; the others stay as they are')
    .option(`--${NAMES.topUpKopecksPerPoint} <rubles>`, 'a point per this many roubles topped up, e.g. 10')
    .option(
      `--${NAMES.topUpSources} <list>`,
      `sources that earn, comma-separated: ${EARNING_SOURCES.join(',')}`,
    )
    .option(`--${NAMES.spendingKopecksPerPoint} <rubles>`, 'a point per this many roubles spent in a month')
    .option(
      `--${NAMES.spendingAccountCodes} <codes>`,
      `what counts as spending, comma-separated: ${SPENDING_ACCOUNT_CODES.join(',')}`,
    )
    .option(`--${NAMES.expiryMonths} <n>`, 'points expire this many months after they were earned (1–120)')
    .option(`--${NAMES.expiringSoonDays} <n>`, '"expiring soon" on the screen: within this many days (1–365)')
    .action(async (opts: SetOptions) => {
      const database = await open();
      try {
        const before = await loadBonusRules(database.db);
        const applied = applyOptions(before, opts);
        const errors = [
          ...applied.errors,
          ...checkBonusRules(applied.rules).map((p) => `--${NAMES[p.field]}: ${p.message}`),
        ];
        if (errors.length > 0) {
          for (const error of errors) console.error(error);
          console.error('Nothing was changed.');
          process.exitCode = 1;
          return;
        }
        await saveBonusRules(database.db, before, applied.rules, new Date());
        printRules(applied.rules);
      } finally {
        await database.close();
      }
    });
}
