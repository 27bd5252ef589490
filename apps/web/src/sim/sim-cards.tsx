import type { SimCard } from '../api/sim-types';
import { formatDate } from '../format/dates';
import { useT } from '../i18n/i18n-context';

/** The line's SIM cards: kind, last digits of the ICCID, status, since when, where to pick one up. */
export function SimCards({ cards }: { cards: SimCard[] }) {
  const t = useT();
  const c = t.sim.cards;
  return (
    <section className="card settings-block" aria-labelledby="sim-cards-title" data-testid="sim-cards">
      <h2 id="sim-cards-title">{c.title}</h2>
      {cards.length === 0 ? (
        <p className="hint">{c.empty}</p>
      ) : (
        <ul className="setting-list">
          {cards.map((card) => (
            <li
              key={card.id}
              className="setting-row"
              data-testid="sim-card"
              data-kind={card.kind}
              data-status={card.status}
            >
              <div className="setting-text">
                <span className="setting-name">
                  {card.kind === 'esim' ? c.esim : c.physical}
                  {card.iccidLast4 && ` ${c.iccid(card.iccidLast4)}`}
                </span>
                <p className="hint">
                  {[
                    c.since(formatDate(t.locale, card.createdAt)),
                    card.pickupOffice && c.pickup(card.pickupOffice),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </div>
              <span className={card.status === 'active' ? 'status-pill pill-success' : 'status-pill'}>
                {c.status[card.status] ?? card.status}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
