import { topUp } from '../apps/server/src/bonuses/bonus-test-helpers.ts';
import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { BonusPage } from './page-models/bonus-page.ts';
import { LoginPage } from './page-models/login-page.ts';

test('BONUS-01 BONUS-02 points from a card top-up buy a partner coupon; the balance and history change', async ({
  page,
  db,
}) => {
  const sub = await freshSubscriber(db, { balance: 100_00n, withLogin: true });
  // 2000 ₽ by card through the real crediting: 200 points.
  await topUp(db, sub, 'card', 2000_00n, new Date());
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const bonuses = new BonusPage(page);
  await bonuses.open();
  await expect(bonuses.balance).toHaveAttribute('data-points', '200');
  await expect(bonuses.balance).toContainText('200 баллов');
  await expect(bonuses.history).toHaveCount(1);
  await expect(bonuses.history.first()).toContainText('Пополнение');
  await expect(bonuses.history.first()).toContainText('+200');
  // 5 GB cost 250: not enough, and the card says by how much.
  await expect(bonuses.reward('data-5gb').getByTestId('reward-redeem')).toBeDisabled();
  await expect(bonuses.reward('data-5gb').getByTestId('reward-missing')).toContainText('50 баллов');

  await bonuses.redeem('partner-coffee');
  await expect(page.getByTestId('coupon-code')).toHaveText(/^COFE-[0-9A-F]{8}$/);
  const code = await page.getByTestId('coupon-code').textContent();
  await expect(bonuses.balance).toHaveAttribute('data-points', '120');
  await expect(bonuses.history).toHaveCount(2);
  await expect(bonuses.history.first()).toContainText('Обмен: Кофе в подарок');
  await expect(bonuses.history.first()).toContainText('−80');
  const coupon = await db
    .selectFrom('bonus_coupons')
    .select('redemption_id')
    .where('code', '=', code ?? '')
    .executeTakeFirstOrThrow();
  expect(coupon.redemption_id).not.toBeNull();

  // In English the same screen speaks English.
  await page.getByTestId('lang-switch').click();
  await expect(bonuses.balance).toContainText('120 points');
  await expect(bonuses.history.first()).toContainText('Exchanged: A free coffee');
});

test('BONUS-02 gives 100 ₽ to another number typed in any notation', async ({ page, db }) => {
  const sub = await freshSubscriber(db, { balance: 100_00n, withLogin: true });
  const friend = await freshSubscriber(db, { balance: 0n });
  await topUp(db, sub, 'voucher', 1000_00n, new Date());
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const bonuses = new BonusPage(page);
  await bonuses.open();
  await expect(bonuses.balance).toHaveAttribute('data-points', '100');

  const national = `8 ${friend.msisdn.slice(2, 5)} ${friend.msisdn.slice(5, 8)}-${friend.msisdn.slice(8, 10)}-${friend.msisdn.slice(10)}`;
  await bonuses.redeem('credit-100', national);
  await expect(bonuses.result).toContainText('100 ₽');
  await expect(bonuses.balance).toHaveAttribute('data-points', '0');
  await expect(bonuses.history.first()).toContainText('100 ₽ на счёт');
  await expect(bonuses.history.first()).toContainText(friend.msisdn.slice(-2));
  const credited = await db
    .selectFrom('ledger_transfers as t')
    .innerJoin('billing_accounts as a', 'a.ledger_account_id', 't.credit_account_id')
    .select('t.amount')
    .where('a.id', '=', friend.accountId)
    .where('t.kind', '=', 'bonus_reward')
    .executeTakeFirstOrThrow();
  expect(credited.amount).toBe(100_00n);
});
