import { useState } from 'react';
import { Link } from 'react-router';
import { removeSavedCard, type SavedCard } from '../api/autopay-api';
import { ActionError } from '../catalog/action-error';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import type { Worded } from '../catalog/worded';
import { useT } from '../i18n/i18n-context';

/**
 * The account's saved cards as brand, last 4 digits and expiry (never a number), each removable after a
 * confirmation. Without one, it says how a card gets saved: a card top-up with "save card".
 */
export function SavedCardsSection({
  lineId,
  cards,
  canChange,
  onDone,
}: {
  lineId: string;
  cards: SavedCard[];
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const t = useT();
  const a = t.autopay;
  const [removing, setRemoving] = useState<SavedCard | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function remove() {
    if (!removing) return;
    setBusy(true);
    setError(null);
    try {
      await removeSavedCard(lineId, removing.id);
      setRemoving(null);
      onDone((tt) => tt.autopay.cardRemoved);
    } catch (failure) {
      setRemoving(null);
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card autopay-cards" aria-labelledby="autopay-cards-title" data-testid="autopay-cards">
      <h2 id="autopay-cards-title">{a.cardsTitle}</h2>
      {cards.length === 0 ? (
        <div data-testid="autopay-no-cards">
          <p>{a.noCards}</p>
          <Link className="button button-secondary" to="/pay" data-testid="autopay-top-up-link">
            {a.topUpLink}
          </Link>
        </div>
      ) : (
        <ul className="autopay-card-list">
          {cards.map((card) => (
            <li key={card.id} data-testid="autopay-card" data-card-id={card.id}>
              <span className="autopay-card-name">{a.card(card.brand, card.last4)}</span>
              <span className="muted">{a.expires(card.expires)}</span>
              <button
                type="button"
                className="button button-ghost"
                disabled={!canChange || busy}
                onClick={() => setRemoving(card)}
                data-testid="autopay-card-remove"
              >
                {a.removeCard}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ActionError error={error} />
      {removing && (
        <ConfirmDialog
          title={a.removeConfirmTitle(a.card(removing.brand, removing.last4))}
          confirmLabel={a.removeCard}
          busyLabel={a.removing}
          busy={busy}
          danger
          onConfirm={remove}
          onClose={() => setRemoving(null)}
          testId="autopay-card-remove-confirm"
        >
          <p>{a.removeConfirmText}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
