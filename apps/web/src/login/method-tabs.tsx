import { type KeyboardEvent, useRef } from 'react';
import { useT } from '../i18n/i18n-context';

export type LoginMethodTab = 'sms' | 'password' | 'passkey' | 'phone-confirm';

const TABS: LoginMethodTab[] = ['sms', 'password', 'passkey', 'phone-confirm'];

export const methodPanelId = 'login-method-panel';
export const methodTabId = (tab: LoginMethodTab) => `login-method-${tab}`;

/**
 * The segmented control that picks a login method. WAI-ARIA tabs: one tab stop, arrows move between
 * methods and select them (the panels are light, so "selection follows focus" is fine).
 */
export function MethodTabs({
  value,
  onChange,
}: {
  value: LoginMethodTab;
  onChange: (tab: LoginMethodTab) => void;
}) {
  const t = useT();
  const refs = useRef<Partial<Record<LoginMethodTab, HTMLButtonElement | null>>>({});
  const labels: Record<LoginMethodTab, string> = {
    sms: t.login.methodSms,
    password: t.login.methodPassword,
    passkey: t.login.methodPasskey,
    'phone-confirm': t.login.methodPhoneConfirm,
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.indexOf(value);
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    let next: LoginMethodTab | undefined;
    if (step !== undefined) next = TABS[(index + step + TABS.length) % TABS.length];
    else if (event.key === 'Home') next = TABS[0];
    else if (event.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    event.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  }

  return (
    <div className="segmented" role="tablist" aria-label={t.login.methods} onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          ref={(element) => {
            refs.current[tab] = element;
          }}
          type="button"
          role="tab"
          id={methodTabId(tab)}
          aria-selected={tab === value}
          aria-controls={methodPanelId}
          tabIndex={tab === value ? 0 : -1}
          className="segmented-item"
          onClick={() => onChange(tab)}
          data-testid={`login-method-${tab}`}
        >
          {labels[tab]}
        </button>
      ))}
    </div>
  );
}
