import { runAutopayJobs } from '../apps/server/src/autopay/autopay-job.ts';
import { saveCardToken } from '../apps/server/src/autopay/saved-cards.ts';
import { ScriptedAcquirer } from '../apps/server/src/autopay/scripted-acquirer.ts';
import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { AutopayPage } from './page-models/autopay-page.ts';
import { LoginPage } from './page-models/login-page.ts';

test('PAY-04 PAY-09 sets up autopay with a saved card, sees it run, and sets a low-balance threshold', async ({
  page,
  db,
}) => {
  const sub = await freshSubscriber(db, { balance: 50_00n, withLogin: true });
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const autopay = new AutopayPage(page);
  await autopay.open();

  // No card yet: the screen says how one is saved, and links to the card top-up.
  await expect(autopay.noCards).toContainText('Сохранить карту');
  await expect(page.getByTestId('autopay-top-up-link')).toHaveAttribute('href', '/pay');

  // A card saved by a card top-up with "save card" (the domain function the top-up calls).
  await db.transaction().execute((trx) =>
    saveCardToken(trx, {
      accountId: sub.accountId,
      loginId: sub.loginId,
      acquirer: 'sandbox',
      card: { token: `tok_e2e_${sub.lineId}`, last4: '4242', brand: 'Visa', expires: '12/30' },
    }),
  );
  await page.reload();
  await expect(autopay.cards).toHaveCount(1);
  await expect(autopay.cards.first()).toContainText('Visa •• 4242');
  await expect(autopay.cards.first()).toContainText('12/30');

  // A bad amount is named under its field, and nothing is created.
  await autopay.createThresholdRule({ threshold: '100', amount: '50' });
  await expect(page.getByTestId('autopay-form').getByTestId('field-error')).toContainText(
    /от 100 до 15\s000\s₽/,
  );
  await expect(autopay.rules).toHaveCount(0);

  await autopay.createThresholdRule({ threshold: '100', amount: '500', dailyLimit: '1000' });
  await expect(autopay.done).toContainText('Автоплатёж включён');
  await expect(autopay.rules).toHaveCount(1);
  const rule = autopay.rules.first();
  await expect(rule).toHaveAttribute('data-status', 'active');
  await expect(rule).toContainText(/Когда баланс ниже 100\s₽ — пополнить на 500\s₽/);
  await expect(rule).toContainText(/не больше 1\s000\s₽ в день/);

  // The minute's job charges the card (the acquirer is an external system, scripted here) and tops up.
  // Standing in for the sandbox that `kabinet serve` uses here, which saved the card.
  const acquirer = new ScriptedAcquirer('sandbox');
  await runAutopayJobs({ db, acquirer, now: new Date(), timeZone: 'Europe/Moscow' });
  expect(acquirer.calls).toHaveLength(1);
  await page.reload();
  await expect(page.getByTestId('autopay-balance')).toContainText('550');
  await expect(rule.getByTestId('autopay-rule-last')).toContainText('успешно');

  // PAY-09: a threshold above the balance notifies at once, and says so.
  await autopay.setLowBalance('600');
  await expect(autopay.done).toContainText('уведомление отправлено');
  await expect(page.getByTestId('low-balance-current')).toContainText(/600\s₽/);
  const notices = await db
    .selectFrom('notifications')
    .select('params')
    .where('line_id', '=', sub.lineId)
    .where('event', '=', 'low_balance')
    .execute();
  expect(notices.map((n) => n.params)).toEqual([
    { notice: 'low_balance_threshold', balance: 550_00, threshold: 600_00 },
  ]);

  // Paused from the screen, with the reason said.
  await rule.getByTestId('autopay-pause').click();
  await expect(rule).toHaveAttribute('data-status', 'paused');
  await expect(rule.getByTestId('autopay-rule-paused')).toContainText('Вы приостановили его');

  // The operator moves to another acquirer: the card saved with the old one is no longer offered, and the rule
  // says it cannot run (and cannot be switched on) until a card is saved anew.
  await db
    .updateTable('saved_cards')
    .set({ acquirer: 'previous-acquirer' })
    .where('account_id', '=', sub.accountId)
    .execute();
  await page.reload();
  await expect(autopay.noCards).toBeVisible();
  await expect(rule.getByTestId('autopay-rule-card-unusable')).toContainText('прежний платёжный сервис');
  await expect(rule.getByTestId('autopay-resume')).toBeDisabled();
});
