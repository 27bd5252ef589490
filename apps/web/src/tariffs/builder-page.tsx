import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type {
  ChangeResult,
  ChangeWhen,
  Choice,
  ConfigurableSliders,
  CurrentTariff,
  TariffOffer,
} from '../api/catalog-types';
import { getCurrentTariff, getTariffOffers } from '../api/plans-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { price } from '../catalog/amounts';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { choiceChanges, onSteps, sameChoice, sliderFee } from './choice-price';
import { changeDoneMessage } from './done-message';
import { TariffChangeDialog } from './tariff-change-dialog';
import { TariffSliders } from './tariff-sliders';
import '../catalog/catalog.css';
import './tariff-tools.css';

/**
 * /tariffs/builder/:tariffId (PLAN-05): the sliders of a configurable tariff with the price following them,
 * then the PLAN-03 confirmation. The line's own tariff is re-configured; another is switched to with the
 * chosen amounts. `?minutes=&gigabytes=&messages=` (from the picker) sets where the sliders start.
 */
export default function BuilderPage({ me }: { me: Me }) {
  const { t } = useLang();
  const { tariffId = '' } = useParams();
  return (
    <LinePage me={me} title={t.tariffs.title} testId="tariff-builder-page">
      {(line, allowed) => (
        <BuilderView key={line.id} lineId={line.id} allowed={allowed} tariffId={tariffId} />
      )}
    </LinePage>
  );
}

/** Loads the line's tariff and its offers: the builder needs the one (to re-configure or compare) and maybe the other. */
async function loadBoth(lineId: string, signal: AbortSignal) {
  const [current, offers] = await Promise.all([
    getCurrentTariff(lineId, signal),
    getTariffOffers(lineId, 'price', signal),
  ]);
  return { current, offers };
}

function BuilderView({ lineId, allowed, tariffId }: { lineId: string; allowed: boolean; tariffId: string }) {
  const data = useLineData(lineId, tariffId, loadBoth);
  useSessionGuard(data.state.status === 'error' ? data.state.error : null);
  if (data.state.status === 'loading') return <LoadingState />;
  if (data.state.status === 'error') return <ErrorState error={data.state.error} onRetry={data.reload} />;
  const { current, offers } = data.state.data;
  const reconfigure = current.id === tariffId && current.configurable !== null;
  const offer = offers.find((o) => o.id === tariffId && o.configurable !== null);
  const base = reconfigure ? asOffer(current) : offer;
  return base?.configurable ? (
    <Builder
      lineId={lineId}
      allowed={allowed}
      current={current}
      base={base}
      sliders={base.configurable}
      reconfigure={reconfigure}
    />
  ) : (
    <NotOffered />
  );
}

function NotOffered() {
  const { t } = useLang();
  return (
    <p className="card state" data-testid="builder-not-offered">
      {t.tariffTools.notOffered} <Link to="/tariffs">{t.tariffTools.allTariffs}</Link>
    </p>
  );
}

/** The line's own configurable tariff in the shape the confirmation takes. */
function asOffer(current: CurrentTariff): TariffOffer {
  return {
    id: current.id,
    code: current.code,
    name: current.name,
    description: current.description,
    fee: current.fee,
    feePeriod: current.feePeriod,
    feeAtNextPeriod: current.nextFee ?? current.fee,
    packages: current.packages,
    transitionFee: 0,
    changes: [],
    disconnectsOptions: [],
    monthlyEquivalent: current.fee,
    configurable: current.configurable,
  };
}

function Builder({
  lineId,
  allowed,
  current,
  base,
  sliders,
  reconfigure,
}: {
  lineId: string;
  allowed: boolean;
  current: CurrentTariff;
  base: TariffOffer;
  sliders: ConfigurableSliders;
  reconfigure: boolean;
}) {
  const { t, lang } = useLang();
  const tools = t.tariffTools;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [choice, setChoice] = useState<Choice>(() => {
    const asked = {
      minutes: Number(params.get('minutes')),
      gigabytes: Number(params.get('gigabytes')),
      messages: Number(params.get('messages')),
    };
    return params.has('minutes') && onSteps(sliders, asked) ? asked : sliders.start;
  });
  const [confirming, setConfirming] = useState(false);
  const fee = sliderFee(sliders, choice) ?? base.fee;
  const unchanged = reconfigure && sameChoice(current.choice, choice);
  const name = base.name[lang];
  // The confirmation shows the chosen amounts' price as the new fee and what changes against today's packages.
  const offer: TariffOffer = {
    ...base,
    fee,
    feeAtNextPeriod: fee,
    monthlyEquivalent: fee,
    changes: choiceChanges(current.packages, choice),
  };

  function onDone(result: ChangeResult, when: ChangeWhen) {
    const message = changeDoneMessage(t, { result, when, name, reconfigure, nextFeeAt: current.nextFeeAt });
    navigate('/tariffs', { state: { done: message } });
  }

  return (
    <section className="card current-tariff" aria-labelledby="builder-title" data-testid="tariff-builder">
      <h2 id="builder-title" className="tariff-name">
        {tools.builderTitle(name)}
      </h2>
      <p className="muted">{tools.builderIntro}</p>
      <TariffSliders sliders={sliders} choice={choice} onChange={setChoice} />
      <p className="builder-price" aria-live="polite">
        <span>{tools.price}</span>
        <strong data-testid="builder-price" data-kopecks={fee}>
          {t.dashboard.fee.month(price(t, fee))}
        </strong>
      </p>
      {unchanged && <p className="hint">{tools.unchanged}</p>}
      <div className="tool-links">
        {allowed && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setConfirming(true)}
            disabled={unchanged}
            data-testid="builder-continue"
          >
            {reconfigure ? tools.save : tools.goOn}
          </button>
        )}
        <Link to="/tariffs" className="button button-ghost">
          {tools.allTariffs}
        </Link>
      </div>
      {confirming && (
        <TariffChangeDialog
          lineId={lineId}
          offer={offer}
          current={current}
          choice={choice}
          reconfigure={reconfigure}
          onDone={onDone}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
