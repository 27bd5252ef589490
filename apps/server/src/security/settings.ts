import { parsePhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { noticePhone } from '../auth/login-alert.ts';
import { CODE_POLICY } from '../auth/policy.ts';
import { type FieldError, problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { enqueueMessage } from '../notifications/outbox.ts';

/** ACCESS-11: the security settings of a login. */
export async function loadSecuritySettings(db: Db, loginId: string) {
  const login = await db
    .selectFrom('logins')
    .select([
      'password_hash',
      'password_changed_at',
      'login_alerts',
      'auto_login_access',
      'recovery_email',
      'recovery_phone',
    ])
    .where('id', '=', loginId)
    .executeTakeFirstOrThrow();
  return {
    hasPassword: login.password_hash !== null,
    passwordChangedAt: login.password_changed_at?.toISOString() ?? null,
    loginAlerts: login.login_alerts,
    autoLoginAccess: login.auto_login_access,
    recoveryEmail: login.recovery_email,
    recoveryPhone: login.recovery_phone,
  };
}

export interface SecurityChanges {
  loginAlerts?: boolean | undefined;
  autoLoginAccess?: 'full' | 'partial' | 'off' | undefined;
  recoveryEmail?: string | null | undefined;
  recoveryPhone?: string | null | undefined;
}

/** One address with a dot in its domain: a deliverability check is the confirmation mail's job, not a regex's. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/**
 * ACCESS-11: changes the given settings (all or nothing: any invalid field changes none) and journals which
 * fields changed — not their values. A changed recovery phone queues an SMS notice; the caller kicks the outbox.
 */
export async function updateSecuritySettings(
  db: Db,
  input: { loginId: string; changes: SecurityChanges; ip: string },
) {
  const { changes } = input;
  const errors: FieldError[] = [];
  const set: {
    login_alerts?: boolean;
    auto_login_access?: 'full' | 'partial' | 'off';
    recovery_email?: string | null;
    recovery_phone?: string | null;
  } = {};
  if (changes.loginAlerts !== undefined) set.login_alerts = changes.loginAlerts;
  if (changes.autoLoginAccess !== undefined) set.auto_login_access = changes.autoLoginAccess;
  if (changes.recoveryEmail !== undefined) {
    const email = changes.recoveryEmail?.trim() || null;
    if (email !== null && !EMAIL.test(email))
      errors.push({ field: 'recoveryEmail', code: 'invalid_email', message: 'Not an email address.' });
    set.recovery_email = email;
  }
  if (changes.recoveryPhone !== undefined) {
    const typed = changes.recoveryPhone?.trim() || null;
    const parsed = typed === null ? null : parsePhone(typed);
    if (parsed && !parsed.ok)
      errors.push({ field: 'recoveryPhone', code: 'invalid_phone', message: 'Not a phone number.' });
    set.recovery_phone = parsed?.ok ? parsed.msisdn : null;
  }
  if (errors.length > 0) throw problems.validation(errors);
  const fields = Object.keys(set);
  if (fields.length > 0) {
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('logins')
        .select(['kind', 'identifier', 'recovery_phone'])
        .where('id', '=', input.loginId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      await trx.updateTable('logins').set(set).where('id', '=', input.loginId).execute();
      // A recovery phone receives reset codes: binding one is announced where notices went so far (NIST §6.1.2).
      const told = noticePhone(before);
      if (set.recovery_phone !== undefined && set.recovery_phone !== before.recovery_phone && told) {
        await enqueueMessage(trx, {
          channel: 'sms',
          recipient: told,
          sender: CODE_POLICY.smsSender,
          kind: 'security.recovery_phone_changed',
          body: 'Резервный номер в Кабинете изменён. Если это были не вы, войдите и проверьте настройки. / Your Kabinet recovery phone was changed.',
        });
      }
      await recordJournal(trx, {
        actorKind: 'subscriber',
        actorId: input.loginId,
        loginId: input.loginId,
        channel: 'web',
        action: 'security.updated',
        details: { fields },
        ip: input.ip,
      });
    });
  }
  return loadSecuritySettings(db, input.loginId);
}
