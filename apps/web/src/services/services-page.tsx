import { type KeyboardEvent, lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { Me } from '../api/types';
import { LinePage } from '../catalog/line-page';
import type { Worded } from '../catalog/worded';
import { useLang, useT } from '../i18n/i18n-context';
import { LoadingState } from '../layout/loading-state';
import { OptionsTab } from './options-tab';
import { RingbackPicker } from './ringback-picker';
import { SubscriptionsTab } from './subscriptions-tab';
import '../catalog/catalog.css';

type Tab = 'connected' | 'all' | 'content' | 'settings';
const TABS: Tab[] = ['connected', 'all', 'content', 'settings'];

// Bans, forwarding and the blacklist are their own chunk: most visits to /services never open that tab.
const SettingsTab = lazy(() => import('../line-settings/settings-tab'));

/**
 * /services: connected options, the catalog of options (SVC-01/02), content subscriptions (SVC-03) and
 * "Настройки связи" — bans, forwarding, blacklist (SVC-04/06/07); the ringback melody (SVC-08) under the
 * connected options.
 */
export default function ServicesPage({ me }: { me: Me }) {
  const t = useT();
  return (
    <LinePage me={me} title={t.services.title} testId="services-page">
      {(line, allowed) => <ServicesView key={line.id} lineId={line.id} allowed={allowed} />}
    </LinePage>
  );
}

function ServicesView({ lineId, allowed }: { lineId: string; allowed: boolean }) {
  const { t, lang } = useLang();
  const [tab, setTab] = useState<Tab>('connected');
  const [done, setDone] = useState<Worded | null>(null);
  // A function kept in state is set through an updater, or React would call it as one.
  const onDone = (message: Worded) => setDone(() => message);

  function choose(value: Tab) {
    setTab(value);
    setDone(null);
  }

  /** ←/→ move between the tabs (the ARIA tabs pattern): one Tab stop for the row, arrows inside it. */
  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? tab;
    choose(next);
    document.getElementById(`services-tab-${next}`)?.focus();
  }

  return (
    <>
      <Link to="/sim" className="card sim-link" data-testid="sim-link">
        <span>
          <span className="sim-link-title">{t.sim.link}</span>
          <span className="hint">{t.sim.linkHint}</span>
        </span>
        <span aria-hidden="true">→</span>
      </Link>
      <div className="tabs" role="tablist" aria-label={t.services.title} onKeyDown={onTabKey} tabIndex={-1}>
        {TABS.map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            id={`services-tab-${value}`}
            aria-selected={tab === value}
            tabIndex={tab === value ? 0 : -1}
            aria-controls="services-panel"
            className={tab === value ? 'tab is-selected' : 'tab'}
            onClick={() => choose(value)}
            data-testid={`services-tab-${value}`}
          >
            {t.services.tabs[value]}
          </button>
        ))}
      </div>
      <div className="form-error-region" aria-live="polite">
        {done && (
          <p className="success-note" data-testid="change-done">
            {done(t, lang)}
          </p>
        )}
      </div>
      <div id="services-panel" role="tabpanel" aria-labelledby={`services-tab-${tab}`} className="tab-panel">
        {tab === 'settings' ? (
          <Suspense fallback={<LoadingState />}>
            <SettingsTab lineId={lineId} canChange={allowed} onDone={onDone} />
          </Suspense>
        ) : tab === 'content' ? (
          <SubscriptionsTab lineId={lineId} canChange={allowed} onDone={onDone} />
        ) : (
          <>
            <OptionsTab key={tab} lineId={lineId} tab={tab} canChange={allowed} onDone={onDone} />
            {tab === 'connected' && <RingbackPicker lineId={lineId} canChange={allowed} onDone={onDone} />}
          </>
        )}
      </div>
    </>
  );
}
