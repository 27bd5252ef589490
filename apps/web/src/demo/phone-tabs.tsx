import { type KeyboardEvent, useRef } from 'react';
import { useT } from '../i18n/i18n-context';

export type PhoneTab = 'inbox' | 'keypad' | 'send' | 'mail' | 'usage';
const TABS: PhoneTab[] = ['inbox', 'keypad', 'send', 'mail', 'usage'];

/** The phone's sections as an ARIA tab list: arrows move between tabs, each tab controls its panel. */
export function PhoneTabs({ current, onChange }: { current: PhoneTab; onChange: (tab: PhoneTab) => void }) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = TABS[(TABS.indexOf(current) + step + TABS.length) % TABS.length] ?? 'inbox';
    onChange(next);
    list.current?.querySelector<HTMLButtonElement>(`#vp-tab-${next}`)?.focus();
  }

  return (
    <div className="vp-tabs" role="tablist" aria-label={t.phone.tabsLabel} ref={list} onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          id={`vp-tab-${tab}`}
          type="button"
          role="tab"
          aria-selected={current === tab}
          aria-controls={`vp-panel-${tab}`}
          tabIndex={current === tab ? 0 : -1}
          className={current === tab ? 'vp-tab is-active' : 'vp-tab'}
          onClick={() => onChange(tab)}
          data-testid={`vp-tab-${tab}`}
        >
          {t.phone.tabs[tab]}
        </button>
      ))}
    </div>
  );
}
