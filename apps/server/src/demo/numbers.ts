/**
 * Numbers of the demo world: our subscribers' MSISDNs, account and contract numbers, and the other parties
 * they call. Everything drawn here is unique within one seeding, and never collides with the demo numbers.
 */
import type { Rng } from './random.ts';

/** Codes of "our" network (the demo operator's own number ranges). */
const OWN_CODES = ['910', '911', '915', '916', '917', '919', '980', '981', '985', '988'];
/** Other operators' mobile codes, for the people our subscribers call. */
const OTHER_MOBILE = [
  '903',
  '905',
  '906',
  '909',
  '921',
  '925',
  '926',
  '929',
  '951',
  '952',
  '960',
  '963',
  '965',
  '977',
  '999',
];
/** Moscow, St Petersburg, Nizhny Novgorod, Kazan landlines. */
const LANDLINE = ['495', '499', '812', '831', '843'];
/** Belarus, Uzbekistan, Kyrgyzstan, Armenia, Germany mobile prefixes — relatives and friends abroad. */
const FOREIGN = ['+37529', '+37533', '+99890', '+99893', '+99655', '+99670', '+37477', '+49151'];

export class NumberPlan {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  reserve(value: string): string {
    if (this.used.has(value)) throw new Error(`Demo number used twice: ${value}`);
    this.used.add(value);
    return value;
  }

  private unique(make: () => string): string {
    for (;;) {
      const value = make();
      if (!this.used.has(value)) return this.reserve(value);
    }
  }

  ownMsisdn(): string {
    return this.unique(() => `+7${this.rng.pick(OWN_CODES)}${this.rng.digits(7)}`);
  }

  /** Account ("лицевой счёт") number: `4100` and 8 digits. */
  accountNumber(): string {
    return this.unique(() => `4100${this.rng.digits(8)}`);
  }

  /** Home-service contract number: `77` and 8 digits. */
  contractNumber(): string {
    return this.unique(() => `77${this.rng.digits(8)}`);
  }

  externalMobile(): string {
    return this.unique(() => `+7${this.rng.pick(OTHER_MOBILE)}${this.rng.digits(7)}`);
  }

  landline(): string {
    return this.unique(() => `+7${this.rng.pick(LANDLINE)}${this.rng.digits(7)}`);
  }

  foreign(): string {
    return this.unique(() => `${this.rng.pick(FOREIGN)}${this.rng.digits(7)}`);
  }
}

/** A foreign number: anything E.164 outside +7 (calls there are priced per `voice_intl_per_min`). */
export function isForeign(msisdn: string): boolean {
  return !msisdn.startsWith('+7');
}
