/**
 * The whole demo cast: the named demo subscribers first, the crowd after them, and then everybody's address
 * book — family lines, friends on our network and elsewhere, a few landlines and, for some, numbers abroad —
 * so that detalization shows the same people again and again, as a real phone bill does.
 */
import type { CastContext } from './cast-kit.ts';
import { crowdCustomers } from './crowd.ts';
import { demoCustomers } from './demo-cast.ts';
import { allLines, type CustomerPlan } from './plan.ts';

export function buildCast(ctx: CastContext, subscribers: number): CustomerPlan[] {
  const demo = demoCustomers(ctx);
  const customers = [...demo, ...crowdCustomers(ctx, Math.max(0, subscribers - demo.length))];
  fillContacts(ctx, customers);
  return customers;
}

function fillContacts(ctx: CastContext, customers: CustomerPlan[]): void {
  const { rng, numbers } = ctx;
  const onNet = allLines(customers).flatMap((l) => (l.msisdn ? [l.msisdn] : []));
  for (const customer of customers) {
    const family = customer.accounts.flatMap((a) => a.lines).flatMap((l) => (l.msisdn ? [l.msisdn] : []));
    for (const line of customer.accounts.flatMap((a) => a.lines)) {
      if (!line.msisdn) continue;
      const own = line.msisdn;
      // Companies' colleagues call each other; families call each other most.
      const close = family.filter((n) => n !== own).slice(0, customer.kind === 'company' ? 6 : 3);
      const friends = rng.sample(
        onNet.filter((n) => n !== own && !family.includes(n)),
        rng.int(2, 4),
      );
      const others = Array.from({ length: rng.int(4, 10) }, () => numbers.externalMobile());
      const landlines = Array.from({ length: rng.int(0, 2) }, () => numbers.landline());
      line.contacts = [...close, ...rng.sample([...friends, ...others, ...landlines], 99)];
      if (line.usage.intlShare > 0) {
        line.foreignContacts = Array.from({ length: rng.int(1, 2) }, () => numbers.foreign());
      }
    }
  }
}
