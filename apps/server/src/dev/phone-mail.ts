import type { Db } from '@kabinet/db';
import { listCapturedEmails } from '../notifications/email-capture.ts';

/**
 * DEMO-02: the emails "sent" to the owner of a number in demo mode (captured instead of going to SMTP): to the
 * notification address and the recovery address of every login holding the line. Newest first.
 */
export async function listPhoneEmails(db: Db, msisdn: string) {
  const addresses = await db
    .selectFrom('lines as l')
    .innerJoin('grants as g', 'g.line_id', 'l.id')
    .innerJoin('logins as lg', 'lg.id', 'g.login_id')
    .leftJoin('notification_emails as ne', 'ne.login_id', 'lg.id')
    .select(['ne.email', 'lg.recovery_email'])
    .where('l.msisdn', '=', msisdn)
    .where('g.revoked_at', 'is', null)
    .execute();
  const unique = [
    ...new Set(addresses.flatMap((a) => [a.email, a.recovery_email]).filter((e): e is string => Boolean(e))),
  ];
  const lists = await Promise.all(unique.map((address) => listCapturedEmails(db, address, 20)));
  return lists
    .flatMap((list, i) => list.map((mail) => ({ ...mail, recipient: unique[i] ?? '' })))
    .sort((a, b) => b.received_at.getTime() - a.received_at.getTime())
    .slice(0, 30);
}
