import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { formatMsisdn, toE164 } from '../format/phone';
import { useT } from '../i18n/i18n-context';
import { useLoginFlow } from '../login/login-flow';
import { PhoneMailbox } from './phone-mailbox';
import { type PhoneTab, PhoneTabs } from './phone-tabs';
import { SmsComposer } from './sms-composer';
import { SmsList } from './sms-list';
import { UsageButtons } from './usage-buttons';
import { useInbox } from './use-inbox';
import { UssdKeypad } from './ussd-keypad';
import './virtual-phone.css';

/** Matches the CSS breakpoint where the phone stands beside the cabinet instead of being a bottom sheet. */
const WIDE = '(min-width: 64rem)';

/**
 * DEMO-02: a phone beside the cabinet whose SMS inbox receives the login codes. It offers the demo numbers
 * and whatever was typed at login, follows the number a code was just sent to, and can fill the login form.
 * Its other tabs dial USSD codes, send SMS commands, show the owner's emails and generate usage.
 */
export default function VirtualPhone({ phones }: { phones: string[] }) {
  const t = useT();
  const { state } = useAuth();
  const { phone: typed, setPhone, sent, setSent, prompted } = useLoginFlow();
  const navigate = useNavigate();
  const [open, setOpen] = useState(() => window.matchMedia(WIDE).matches);
  const [selected, setSelected] = useState<string | null>(phones[0] ?? null);
  const [tab, setTab] = useState<PhoneTab>('inbox');

  const typedNumber = toE164(typed);
  const options = [
    ...new Set([
      ...phones,
      ...(sent ? [sent.phone] : []),
      ...(prompted ? [prompted] : []),
      ...(typedNumber ? [typedNumber] : []),
    ]),
  ];
  const current = selected && options.includes(selected) ? selected : (options[0] ?? null);
  const inbox = useInbox(current);
  const unread = useUnread(current, inbox.loaded, inbox.messages, open);

  // A code just went to this number: show its inbox.
  useEffect(() => {
    if (!sent) return;
    setSelected(sent.phone);
    setTab('inbox');
  }, [sent]);

  // A login confirmation prompt just went to this number (ACCESS-07): show it, and open the phone.
  useEffect(() => {
    if (!prompted) return;
    setSelected(prompted);
    setTab('inbox');
    setOpen(true);
  }, [prompted]);

  function fillLoginForm() {
    if (!current) return;
    setPhone(formatMsisdn(current));
    setSent(null);
    navigate('/login');
    if (!window.matchMedia(WIDE).matches) setOpen(false);
  }

  return (
    <aside className={open ? 'vp is-open' : 'vp'} aria-labelledby="vp-title" data-testid="virtual-phone">
      <h2 className="vp-heading">
        <button
          type="button"
          className="vp-toggle"
          aria-expanded={open}
          aria-controls="vp-screen"
          onClick={() => setOpen(!open)}
          title={open ? t.virtualPhone.hide : t.virtualPhone.show}
        >
          <span id="vp-title">{t.virtualPhone.title}</span>
          <span className="vp-badge">{t.virtualPhone.badge}</span>
          {unread > 0 && <span className="vp-unread">{t.virtualPhone.unread(unread)}</span>}
          <span className="vp-chevron" aria-hidden="true" />
        </button>
      </h2>

      <div id="vp-screen" className="vp-screen" hidden={!open}>
        <div className="field">
          <label htmlFor="vp-number">{t.virtualPhone.numberLabel}</label>
          <select id="vp-number" value={current ?? ''} onChange={(event) => setSelected(event.target.value)}>
            {options.map((msisdn) => (
              <option key={msisdn} value={msisdn}>
                {phones.includes(msisdn)
                  ? formatMsisdn(msisdn)
                  : t.virtualPhone.typedNumber(formatMsisdn(msisdn))}
              </option>
            ))}
          </select>
        </div>
        {state.status !== 'authenticated' && current && (
          <button type="button" className="button button-secondary button-block" onClick={fillLoginForm}>
            {t.virtualPhone.useNumber}
          </button>
        )}

        <PhoneTabs current={tab} onChange={setTab} />
        <div id={`vp-panel-${tab}`} role="tabpanel" aria-labelledby={`vp-tab-${tab}`} className="vp-panel">
          {tab === 'inbox' && (
            <>
              <h3 className="vp-inbox-title">{t.virtualPhone.inbox}</h3>
              {inbox.offline && (
                <p className="vp-note" role="status">
                  {t.virtualPhone.offline}
                </p>
              )}
              <SmsList messages={inbox.messages} msisdn={current} />
              {inbox.loaded && inbox.messages.length === 0 && (
                <p className="vp-note">{t.virtualPhone.empty}</p>
              )}
            </>
          )}
          {tab === 'keypad' && current && <UssdKeypad key={current} msisdn={current} />}
          {tab === 'send' && current && <SmsComposer key={current} msisdn={current} />}
          {tab === 'mail' && current && <PhoneMailbox key={current} msisdn={current} />}
          {tab === 'usage' && current && <UsageButtons key={current} msisdn={current} />}
        </div>
      </div>
    </aside>
  );
}

/**
 * Messages that arrived while the phone was folded away. What is already in the inbox when a number is
 * first shown counts as read: the badge is for news, not for history.
 */
function useUnread(
  msisdn: string | null,
  loaded: boolean,
  messages: { id: string }[],
  open: boolean,
): number {
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set());
  const baselineFor = useRef<string | null>(null);

  useEffect(() => {
    if (!loaded) return;
    if (open || baselineFor.current !== msisdn) {
      baselineFor.current = msisdn;
      setSeen(new Set(messages.map((message) => message.id)));
    }
  }, [msisdn, loaded, messages, open]);

  return open ? 0 : messages.filter((message) => !seen.has(message.id)).length;
}
