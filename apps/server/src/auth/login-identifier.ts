import { parsePhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';

/** How a person names their login when typing it: a mobile number, or a contract number (ACCESS-10). */
export type IdentifierKind = 'phone' | 'contract';

export interface LoginIdentifier {
  kind: IdentifierKind;
  /** `logins.identifier`: E.164 for a phone, the contract number as printed for a contract. */
  value: string;
  /** The brute-force counter shared by code and password login (ACCESS-04): the number, or `contract:<n>`. */
  lockKey: string;
}

/** Contract numbers as printed on contracts: letters, digits, dashes and slashes. */
const CONTRACT = /^[0-9A-Za-z][0-9A-Za-z/-]{2,31}$/;

/** Parses a typed identifier; 400 `validation_failed` on `identifier` (`invalid_phone` / `invalid_contract`). */
export function parseLoginIdentifier(kind: IdentifierKind, typed: string): LoginIdentifier {
  if (kind === 'phone') {
    const parsed = parsePhone(typed);
    if (!parsed.ok) throw problems.field('identifier', 'invalid_phone', 'Enter a phone number.');
    return { kind, value: parsed.msisdn, lockKey: parsed.msisdn };
  }
  const contract = typed.trim().toUpperCase();
  if (!CONTRACT.test(contract))
    throw problems.field('identifier', 'invalid_contract', 'Enter the contract number as printed.');
  return { kind, value: contract, lockKey: `contract:${contract}` };
}

/** The login an identifier names (if any), and the live line it names (journaled against). */
export async function findLogin(db: Db, id: LoginIdentifier) {
  const login = await db
    .selectFrom('logins')
    .select(['id', 'kind', 'identifier', 'password_hash', 'recovery_phone'])
    .where('kind', '=', id.kind)
    .where('identifier', '=', id.value)
    .executeTakeFirst();
  const line = await db
    .selectFrom('lines')
    .select(['id', 'account_id', 'msisdn'])
    .where(id.kind === 'phone' ? 'msisdn' : 'contract_number', '=', id.value)
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  return { login: login ?? null, line: line ?? null };
}
