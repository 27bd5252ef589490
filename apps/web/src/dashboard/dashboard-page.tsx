import type { Me } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { BalanceCard } from './balance-card';
import { DashboardSkeleton } from './dashboard-skeleton';
import { LineSummary } from './line-summary';
import { LineSwitcher } from './line-switcher';
import { PackagesCard } from './packages-card';
import { PasswordOffer } from './password-offer';
import { PromisedNote } from './promised-note';
import { QuickActions } from './quick-actions';
import { TariffCard } from './tariff-card';
import { useDashboard } from './use-dashboard';
import { useSelectedLine } from './use-selected-line';
import { WarningBanners } from './warning-banners';

/** `/`: the overview of one line (HOME-01), with a switcher when the login reaches several. */
export function DashboardPage({ me }: { me: Me }) {
  const t = useT();
  const [line, selectLine] = useSelectedLine(me.lines);
  const { state, reload } = useDashboard(line?.id);

  return (
    <div className="dashboard">
      <h1 className="visually-hidden">{t.dashboard.title}</h1>
      <PasswordOffer me={me} />
      {me.lines.length > 1 && line && <LineSwitcher lines={me.lines} value={line.id} onChange={selectLine} />}
      {!line ? (
        <p className="card state">{t.dashboard.noLines}</p>
      ) : state.status === 'loading' ? (
        <DashboardSkeleton />
      ) : state.status === 'error' ? (
        <ErrorState title={t.dashboard.loadFailed} error={state.error} onRetry={reload} />
      ) : (
        <>
          <WarningBanners warnings={state.data.warnings} />
          <LineSummary line={state.data.line} partial={line.access === 'partial'} />
          <div className="dashboard-grid">
            <BalanceCard balance={state.data.balance} nextCharge={state.data.nextCharge} />
            <TariffCard tariff={state.data.tariff} />
          </div>
          <PromisedNote promised={state.data.promisedPayment} />
          <QuickActions />
          <PackagesCard packages={state.data.packages} />
        </>
      )}
    </div>
  );
}
