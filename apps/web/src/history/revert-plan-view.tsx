import type { Periodic, RevertPlan } from '../api/history-api';
import { periodicFee, price } from '../catalog/amounts';
import { useLang } from '../i18n/i18n-context';

/** SVC-10: every change of a revert plan with its fee, and what does not come back and why. */
export function RevertPlanView({ plan }: { plan: RevertPlan }) {
  const { t, lang } = useLang();
  const h = t.history;
  const fee = (amount: number) => (amount > 0 ? h.fee(price(t, amount)) : t.actionsCommon.free);
  /** The one-off fee, then the periodic one it brings back (SVC-02: both fees are stated). */
  const fees = (amount: number, p: Periodic) => {
    const then = periodicFee(t, p.periodicFee, p.feePeriod);
    return then ? `${fee(amount)}, ${h.afterwards(then)}` : fee(amount);
  };
  if (plan.empty && plan.skipped.length === 0) return <p data-testid="plan-nothing">{h.nothing}</p>;
  return (
    <div className="revert-plan" data-testid="revert-plan">
      {plan.empty && <p data-testid="plan-nothing">{h.nothing}</p>}
      {plan.tariff && (
        <p data-testid="plan-tariff">
          {h.tariff(plan.tariff.from.name[lang], plan.tariff.to.name[lang])} —{' '}
          {fees(plan.tariff.fee, plan.tariff)}
        </p>
      )}
      {plan.connect.length > 0 && (
        <>
          <h3>{h.connect}</h3>
          <ul data-testid="plan-connect">
            {plan.connect.map((c) => (
              <li key={c.option.id}>
                «{c.option.name[lang]}» — {fees(c.fee, c)}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.disconnect.length > 0 && (
        <>
          <h3>{h.disconnect}</h3>
          <ul data-testid="plan-disconnect">
            {plan.disconnect.map((d) => (
              <li key={d.option.id}>
                «{d.option.name[lang]}» — {h.disconnectReasons[d.reason]}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.skipped.length > 0 && (
        <>
          <h3>{h.skipped}</h3>
          <ul data-testid="plan-skipped">
            {plan.skipped.map((s) => (
              <li key={s.item.id} data-reason={s.reason}>
                «{s.item.name[lang]}» —{' '}
                {s.reason === 'excludes_option' && s.clashes.length > 0
                  ? h.clashesWith(s.clashes.map((c) => `«${c.name[lang]}»`).join(', '))
                  : h.reasons[s.reason]}
              </li>
            ))}
          </ul>
        </>
      )}
      {!plan.empty && (
        <>
          <p className="setting-name" data-testid="plan-total">
            {h.total(price(t, plan.total))}
          </p>
          <p className="hint">{h.balance(price(t, plan.balance))}</p>
        </>
      )}
    </div>
  );
}
