import type { Reward } from '../api/bonus-api';
import { useLang } from '../i18n/i18n-context';
import { rewardGives } from './reward-text';

/** BONUS-02: the rewards with their cost and what each gives; a reward the balance cannot cover says why. */
export function RewardCatalog({
  rewards,
  balance,
  canRedeem,
  onRedeem,
}: {
  rewards: Reward[];
  balance: number;
  canRedeem: boolean;
  onRedeem: (reward: Reward) => void;
}) {
  const { t, lang } = useLang();
  const b = t.bonuses;
  return (
    <section className="card" aria-labelledby="reward-catalog-title">
      <h2 id="reward-catalog-title">{b.catalogTitle}</h2>
      <ul className="reward-list">
        {rewards.map((reward) => {
          const missing = Math.max(0, reward.cost - balance);
          return (
            <li key={reward.code} className="reward" data-testid={`reward-${reward.code}`}>
              <div className="reward-main">
                <h3 className="reward-name">{reward.name[lang]}</h3>
                <p className="muted">{reward.description[lang]}</p>
                <p className="reward-gives">{rewardGives(t, reward)}</p>
              </div>
              <div className="reward-side">
                <p className="reward-cost" data-testid="reward-cost">
                  <span className="visually-hidden">{b.cost}: </span>
                  {b.points(reward.cost)}
                </p>
                {!reward.inStock ? (
                  <p className="hint">{b.outOfStock}</p>
                ) : missing > 0 ? (
                  <p className="hint" data-testid="reward-missing">
                    {b.notEnough(b.points(missing))}
                  </p>
                ) : null}
                <button
                  type="button"
                  className="button button-primary"
                  disabled={!canRedeem || !reward.inStock || missing > 0}
                  onClick={() => onRedeem(reward)}
                  data-testid="reward-redeem"
                >
                  {b.redeem}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
