import { useState } from 'react';
import { getBonuses, type Redemption, type Reward } from '../api/bonus-api';
import type { Me, MeLine } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { BonusHistory } from './bonus-history';
import { BonusSummary } from './bonus-summary';
import { RedeemDialog } from './redeem-dialog';
import { RedemptionResult } from './redemption-result';
import { RewardCatalog } from './reward-catalog';
import '../catalog/catalog.css';
import './bonuses.css';

/**
 * /bonuses (BONUS-01/02), a section of its own: the points balance of the line's account and what expires
 * soon, the rules, the rewards catalog with exchange for this or another number, and the points history.
 * A partial-access session sees everything and exchanges nothing.
 */
export default function BonusesPage({ me }: { me: Me }) {
  const t = useT();
  return (
    <LinePage me={me} title={t.bonuses.title} intro={t.bonuses.intro} testId="bonuses-page">
      {(line, allowed) => <BonusesView key={line.id} line={line} allowed={allowed} />}
    </LinePage>
  );
}

function BonusesView({ line, allowed }: { line: MeLine; allowed: boolean }) {
  const bonuses = useLineData(line.id, 'bonuses', getBonuses);
  useSessionGuard(bonuses.state.status === 'error' ? bonuses.state.error : null);
  const [chosen, setChosen] = useState<Reward | null>(null);
  const [result, setResult] = useState<Redemption | null>(null);

  if (bonuses.state.status === 'loading') return <LoadingState />;
  if (bonuses.state.status === 'error')
    return <ErrorState error={bonuses.state.error} onRetry={bonuses.reload} />;
  const state = bonuses.state.data;
  return (
    <div className="bonuses-view">
      {result && <RedemptionResult redemption={result} onClose={() => setResult(null)} />}
      <BonusSummary state={state} />
      <RewardCatalog
        rewards={state.rewards}
        balance={state.balance}
        canRedeem={allowed}
        onRedeem={(reward) => {
          setResult(null);
          setChosen(reward);
        }}
      />
      <BonusHistory history={state.history} />
      {chosen && (
        <RedeemDialog
          lineId={line.id}
          lineNumber={line.msisdn}
          reward={chosen}
          balance={state.balance}
          onDone={(redemption) => {
            setChosen(null);
            setResult(redemption);
            bonuses.reload();
          }}
          onClose={() => setChosen(null)}
        />
      )}
    </div>
  );
}
