import { formatRubles } from '../money.ts';
import type { DisplayUnit } from '../packages.ts';
import type { PromisedOption, PromisedRefusal } from '../promised/eligibility.ts';
import { PROMISED_USSD_TEXTS, promisedUssdRefusal } from '../promised/ussd.ts';
import { fitScreen } from './limits.ts';
import { USSD_TEXTS, type UssdLang } from './texts.ts';

/** One answer to the gateway: `end` → `END …` (the session closes), otherwise `CON …` (waits for a choice). */
export interface UssdReply {
  end: boolean;
  text: string;
}

/** Rubles as a USSD screen can show them: a plain space, since the phone's alphabet may lack U+00A0. */
export function ussdRubles(amount: bigint): string {
  return formatRubles(amount).replace(/\u00a0/g, ' ');
}

const end = (text: string): UssdReply => ({ end: true, text: fitScreen([text]) });

/** `*100#` and menu item 1. A credit limit is shown only when there is one. */
export function balanceScreen(lang: UssdLang, balance: bigint, creditLimit = 0n): UssdReply {
  const t = USSD_TEXTS[lang];
  const lines = [t.balance(ussdRubles(balance))];
  if (creditLimit > 0n) lines.push(t.creditLimit(ussdRubles(creditLimit)));
  return { end: true, text: fitScreen(lines) };
}

/** The `*105#` menu; `notice` says why it is shown again (an unknown code or a wrong choice). */
export function menuScreen(lang: UssdLang, invalid = false): UssdReply {
  const t = USSD_TEXTS[lang];
  return { end: false, text: fitScreen([invalid ? t.invalidChoice : t.menuTitle, ...t.menuItems]) };
}

export interface PackageLeft {
  name: string;
  remaining: number;
  unit: DisplayUnit;
}

/** Menu item 2: what is left of each package; the list is shortened, never the way back. */
export function packagesScreen(lang: UssdLang, packages: readonly PackageLeft[]): UssdReply {
  const t = USSD_TEXTS[lang];
  if (packages.length === 0) return { end: false, text: fitScreen([t.noPackages], { footer: t.back }) };
  const rows = packages.map((p) => `${p.name}: ${p.remaining} ${t.units[p.unit]}`);
  return { end: false, text: fitScreen([t.packagesTitle], { optional: rows, footer: t.back }) };
}

/** Menu item 3: the tariff and its fee. */
export function tariffScreen(
  lang: UssdLang,
  tariff: { name: string; fee: bigint; period: 'day' | 'month' },
): UssdReply {
  const t = USSD_TEXTS[lang];
  return {
    end: false,
    text: fitScreen([t.tariff(tariff.name), t.tariffFee(ussdRubles(tariff.fee), tariff.period)], {
      footer: t.back,
    }),
  };
}

/** What the server knows of a line's promised payment (PAY-05), for the `*106#` screens. */
export type PromisedUssdView =
  | { kind: 'active'; amount: bigint; due: string }
  | { kind: 'refused'; refusals: readonly PromisedRefusal[]; minTenureDays: number }
  | { kind: 'offers'; termDays: number; options: readonly PromisedOption[] };

/** Promised amounts are whole rubles: shown without `,00` to save the screen's characters. */
const rubles = (amount: bigint) => ussdRubles(amount).replace(/,00$/, '');
const feeText = (fee: bigint) => (fee > 0n ? rubles(fee) : null);

function promisedRefusedScreen(lang: UssdLang, view: Extract<PromisedUssdView, { kind: 'refused' }>) {
  const reasons = view.refusals.map((code) => promisedUssdRefusal(lang, code, view.minTenureDays));
  return { end: true, text: fitScreen([PROMISED_USSD_TEXTS[lang].refused, ...reasons]) };
}

/**
 * `*106#`: the amounts on offer, numbered (CON), or why there are none / the unpaid one (END). A wrong choice
 * shows the amounts again with a word about it.
 */
export function promisedPaymentScreen(lang: UssdLang, view: PromisedUssdView, invalid = false): UssdReply {
  const t = PROMISED_USSD_TEXTS[lang];
  if (view.kind === 'active') return end(t.active(rubles(view.amount), view.due));
  if (view.kind === 'refused') return promisedRefusedScreen(lang, view);
  const rows = view.options.map((o, i) => t.option(i + 1, rubles(o.amount), feeText(o.fee)));
  const head = invalid
    ? [USSD_TEXTS[lang].invalidChoice, t.offersTitle(view.termDays)]
    : [t.offersTitle(view.termDays)];
  return { end: false, text: fitScreen([...head, ...rows]) };
}

/** Menu item 4 of `*105#` (the menu ends there): the most on offer and the code to take it, or why not. */
export function promisedSummaryScreen(lang: UssdLang, view: PromisedUssdView): UssdReply {
  if (view.kind !== 'offers') return promisedPaymentScreen(lang, view);
  const top = view.options.at(-1);
  return end(PROMISED_USSD_TEXTS[lang].upTo(rubles(top?.amount ?? 0n)));
}

/** `*106#` after an amount is chosen: what is credited, the fee and when it is debited; 1 take / 2 cancel. */
export function promisedConfirmScreen(
  lang: UssdLang,
  option: PromisedOption,
  due: string,
  invalid = false,
): UssdReply {
  const t = PROMISED_USSD_TEXTS[lang];
  const ask = t.confirm(rubles(option.amount), feeText(option.fee), due);
  const lines = invalid ? [USSD_TEXTS[lang].invalidChoice, ask, t.confirmChoices] : [ask, t.confirmChoices];
  return { end: false, text: fitScreen(lines) };
}

/** `*106#` done: credited, and when it is debited. */
export function promisedTakenScreen(lang: UssdLang, amount: bigint, due: string): UssdReply {
  return end(PROMISED_USSD_TEXTS[lang].taken(rubles(amount), due));
}

export interface ChargeLine {
  /** Day and time as the subscriber reads them, e.g. `23.11 14:05` (formatted by the caller in the operator zone). */
  at: string;
  amount: bigint;
}

/** `*122#` (END) and menu item 5 (CON with the way back): the newest charges first, as many as fit, at most 5. */
export function chargesScreen(lang: UssdLang, charges: readonly ChargeLine[], inMenu: boolean): UssdReply {
  const t = USSD_TEXTS[lang];
  const footer = inMenu ? { footer: t.back } : {};
  if (charges.length === 0) return { end: !inMenu, text: fitScreen([t.noCharges], footer) };
  const rows = charges.slice(0, 5).map((c) => `${c.at} -${ussdRubles(c.amount)}`);
  return { end: !inMenu, text: fitScreen([t.chargesTitle], { optional: rows, ...footer }) };
}

/** `*110*9#`: asks before replacing the password, then reports. */
export function newPasswordScreen(
  lang: UssdLang,
  step: 'ask' | 'ask_again' | 'sent' | 'cancelled',
): UssdReply {
  const t = USSD_TEXTS[lang];
  if (step === 'sent') return end(t.newPasswordSent);
  if (step === 'cancelled') return end(t.cancelled);
  const lines = step === 'ask_again' ? [t.invalidChoice, t.newPasswordAsk] : [t.newPasswordAsk];
  return { end: false, text: fitScreen(lines) };
}

/** `*110*0221#`: the ban is set (or already was). */
export function emailDetalizationBanScreen(lang: UssdLang, already: boolean): UssdReply {
  const t = USSD_TEXTS[lang];
  return end(already ? t.emailDetalizationAlready : t.emailDetalizationBanned);
}

/** ACCESS-07 over USSD: the login prompt, then the outcome of the answer. */
export function loginPromptScreen(lang: UssdLang, outcome?: 'confirmed' | 'declined' | 'expired'): UssdReply {
  const t = USSD_TEXTS[lang];
  if (outcome === 'confirmed') return end(t.promptConfirmed);
  if (outcome === 'declined') return end(t.promptDeclined);
  if (outcome === 'expired') return end(t.promptExpired);
  return { end: false, text: fitScreen([t.promptAsk]) };
}

/** Polite endings for requests that cannot be served. */
export function refusalScreen(
  lang: UssdLang,
  why: 'malformed' | 'unknown_number' | 'unavailable',
): UssdReply {
  const t = USSD_TEXTS[lang];
  return end(why === 'malformed' ? t.malformed : why === 'unknown_number' ? t.unknownNumber : t.unavailable);
}

/** The wire form the gateway expects: `CON text` or `END text`. */
export function formatUssdReply(reply: UssdReply): string {
  return `${reply.end ? 'END' : 'CON'} ${reply.text}`;
}
