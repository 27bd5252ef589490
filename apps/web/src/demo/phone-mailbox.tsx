import { useCallback } from 'react';
import { formatMessageTime } from '../format/dates';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { useResource } from '../lib/use-resource';
import { getPhoneEmails } from './phone-api';

/** DEMO-02: emails captured in demo mode for the owner of the number (confirmation codes, reports, notices). */
export function PhoneMailbox({ msisdn }: { msisdn: string }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => getPhoneEmails(msisdn, signal), [msisdn]);
  const { state, reload } = useResource(load);
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  return (
    <div data-testid="vp-mailbox">
      <h3 className="vp-inbox-title">{t.phone.mailTitle}</h3>
      {state.data.length === 0 && <p className="vp-note">{t.phone.mailEmpty}</p>}
      <ul className="vp-messages">
        {state.data.map((mail) => (
          <li key={mail.id} className="vp-message" data-testid="vp-email">
            <div className="vp-message-meta">
              <span className="vp-from">{mail.to}</span>
              <time dateTime={mail.receivedAt}>{formatMessageTime(t.locale, mail.receivedAt)}</time>
            </div>
            <p className="vp-body">
              <strong>{mail.subject}</strong>
            </p>
            <p className="vp-body vp-mail-text">{mail.text}</p>
            {mail.attachments.length > 0 && (
              <p className="vp-note">
                {t.phone.attachments}: {mail.attachments.join(', ')}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
