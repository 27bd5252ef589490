import { periodicFee, price } from '../catalog/amounts';
import { incompatibilityText } from '../catalog/change-error';
import { PackageChips } from '../catalog/package-chips';
import { formatDate } from '../format/dates';
import { useLang } from '../i18n/i18n-context';
import type { ListedOption } from './option-filter';

/** SVC-01: one option — fees, packages, why it cannot be connected, and the button to change it. */
export function OptionCard({
  option,
  canChange,
  onAction,
}: {
  option: ListedOption;
  canChange: boolean;
  onAction: (option: ListedOption) => void;
}) {
  const { t, lang } = useLang();
  const s = t.services;
  const name = option.name[lang];
  const periodic = periodicFee(t, option.fee, option.feePeriod);
  const blocked = !option.isConnected && !option.compatible;
  const action = option.isConnected ? s.disconnect : s.connect;
  return (
    <li
      className="card option-card"
      data-testid="option-card"
      data-code={option.code}
      data-connected={option.isConnected}
    >
      <div className="option-head">
        <h3 className="offer-name">{name}</h3>
        {option.isConnected && <span className="status-pill pill-success">{s.isConnected}</span>}
      </div>
      <p className="muted">{option.description[lang]}</p>
      <PackageChips packages={option.packages} />
      <ul className="fee-pills">
        <li className="status-pill" data-testid="option-connect-fee">
          {option.connectFee > 0 ? s.connectFee(price(t, option.connectFee)) : s.connectFree}
        </li>
        <li className="status-pill" data-testid="option-periodic-fee">
          {periodic ?? s.noPeriodicFee}
        </li>
      </ul>
      {option.connectedAt && (
        <p className="hint">{s.connectedSince(formatDate(t.locale, option.connectedAt))}</p>
      )}
      {option.nextFeeAt && periodic && (
        <p className="hint">{s.nextFee(formatDate(t.locale, option.nextFeeAt))}</p>
      )}
      {blocked && option.incompatibility && (
        <p className="incompatible" data-testid="option-incompatible">
          {incompatibilityText(t, lang, option.incompatibility)}
        </p>
      )}
      {canChange && (
        <button
          type="button"
          className={option.isConnected ? 'button button-ghost' : 'button button-secondary'}
          onClick={() => onAction(option)}
          disabled={blocked}
          aria-label={s.actionLabel(action, name)}
          data-testid={option.isConnected ? 'option-disconnect' : 'option-connect'}
        >
          {action}
        </button>
      )}
    </li>
  );
}
