/**
 * CHAN-03: what a USSD request asks for. The gateway sends the dialled service code and the whole dialogue so far
 * (`text`, choices joined by `*`, empty on the first step) and keeps no state; so each step is worked out again
 * from the start, which makes the dialogue a pure function of (code, choices).
 */

/** The services behind the codes the subscriber dials. */
export type UssdService =
  | 'balance'
  | 'menu'
  | 'promised_payment'
  | 'new_password'
  | 'last_charges'
  | 'ban_email_detalization';

export const USSD_CODES: Readonly<Record<string, UssdService>> = {
  '*100#': 'balance',
  '*105#': 'menu',
  '*106#': 'promised_payment',
  '*110*9#': 'new_password',
  '*122#': 'last_charges',
  '*110*0221#': 'ban_email_detalization',
};

/** A service code as dialled: `*`, `#` and digits only, at most 32 characters. */
const CODE_SHAPE = /^[*#0-9]{2,32}$/;
/** One choice: up to 3 digits (menus are numbered; free text is not part of this application). */
const CHOICE_SHAPE = /^[0-9]{1,3}$/;

export type ParsedUssd =
  | { ok: true; code: string; service: UssdService; known: boolean; choices: string[] }
  | { ok: false; reason: 'bad_service_code' | 'bad_text' };

/**
 * Reads the service code and the dialogue. Unknown codes land on the menu (`known: false`), as the task asks:
 * a subscriber who mistyped gets something useful instead of an error. Gateways differ on whether `text` repeats
 * nothing or everything typed; both `""` and `"1*2"` forms are handled, anything not digits is malformed.
 */
export function parseUssd(serviceCode: string, text: string): ParsedUssd {
  const code = serviceCode.replace(/\s+/g, '');
  if (!CODE_SHAPE.test(code)) return { ok: false, reason: 'bad_service_code' };
  const trimmed = text.trim();
  const choices = trimmed === '' ? [] : trimmed.split('*');
  if (choices.length > 20 || !choices.every((c) => CHOICE_SHAPE.test(c)))
    return { ok: false, reason: 'bad_text' };
  const service = USSD_CODES[code];
  return { ok: true, code, service: service ?? 'menu', known: service !== undefined, choices };
}

/** The screens of the `*105#` menu. */
export type MenuScreen = 'menu' | 'balance' | 'packages' | 'tariff' | 'promised_payment' | 'last_charges';

const MENU_ITEMS: Readonly<Record<string, MenuScreen>> = {
  '1': 'balance',
  '2': 'packages',
  '3': 'tariff',
  '4': 'promised_payment',
  '5': 'last_charges',
};

/** Screens that end the session; the others offer "0 Menu". */
const FINAL: ReadonlySet<MenuScreen> = new Set(['balance', 'promised_payment']);

export interface MenuStep {
  screen: MenuScreen;
  /** The last choice named no item: the menu is shown again with a word about it. */
  invalid: boolean;
}

/** Walks the `*105#` menu through the choices: an item opens its screen, "0" on a screen goes back. */
export function walkMenu(choices: readonly string[]): MenuStep {
  let step: MenuStep = { screen: 'menu', invalid: false };
  for (const choice of choices) {
    if (step.screen === 'menu') {
      const next = MENU_ITEMS[String(Number(choice))];
      step = next ? { screen: next, invalid: false } : { screen: 'menu', invalid: true };
    } else if (FINAL.has(step.screen)) {
      break;
    } else {
      step = { screen: 'menu', invalid: choice !== '0' };
    }
  }
  return step;
}

/** A yes/no step (`*110*9#`): nothing yet → ask; "1" → do it; "2" → cancel; anything else → ask again. */
export function walkConfirm(choices: readonly string[]): 'ask' | 'yes' | 'no' | 'ask_again' {
  let step: 'ask' | 'ask_again' = 'ask';
  for (const choice of choices) {
    if (choice === '1') return 'yes';
    if (choice === '2') return 'no';
    step = 'ask_again';
  }
  return step;
}

/** Whether a menu screen ends the session (`END`) or waits for the next choice (`CON`). */
export function isFinalScreen(screen: MenuScreen): boolean {
  return FINAL.has(screen);
}
