import { expect, test } from './fixtures.ts';
import { JoinPages } from './page-models/join-pages.ts';

/** A mobile number of another operator that no journey has used. */
function foreignNumber() {
  return `+7916${String(Date.now()).slice(-7)}`;
}

test('SVC-13 applies to move a number, confirms it with the SMS code and sees the status', async ({
  page,
  db,
}) => {
  const join = new JoinPages(page);
  const number = foreignNumber();
  await join.openFromLogin('port-in');
  // A date under the 8 days of the MNP rules is refused by name, whatever the date picker allowed.
  await join.field('desiredDate').fill('2020-01-01');
  await join.applyForPortIn({
    number,
    donor: 'megafon',
    fullName: 'Мария Иванова',
    contact: 'maria@example.org',
  });
  await expect(page.locator('#port-in-date-error')).toContainText('8 дней');

  const { portDates } = await (await page.request.get('/api/v1/onboarding/options')).json();
  await join.field('desiredDate').fill(portDates.earliest);
  await page.getByTestId('port-in-submit').click();
  await expect(page.getByTestId('code-sent-to')).toContainText('***');

  const code = await join.codeFromVirtualPhone(number);
  await join.field('code').fill(code === '000000' ? '111111' : '000000');
  await page.getByTestId('port-in-confirm').click();
  await expect(page.locator('#port-in-code-input-error')).toContainText('Осталось попыток: 4');
  await join.field('code').fill(code);
  await page.getByTestId('port-in-confirm').click();
  await expect(page.getByTestId('port-in-done')).toContainText('Заявка принята');
  const reference = (await join.reference.getAttribute('data-reference')) ?? '';
  expect(reference).toMatch(/^KB-/);
  const stored = await db
    .selectFrom('onboarding_orders')
    .select(['status', 'kind', 'msisdn'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  expect(stored).toEqual({ status: 'accepted', kind: 'port_in', msisdn: number });

  await page.getByRole('link', { name: 'Статус заявки' }).click();
  await join.lookUp(reference, number.replace('+7', '8'));
  await expect(page.getByTestId('order-view')).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('order-timeline').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('order-timeline')).toContainText('Номер подтверждён кодом');
});

test('SVC-13 orders a new SIM with a chosen beautiful number and an office', async ({ page, db }) => {
  const join = new JoinPages(page);
  await join.openFromLogin('new-sim');
  const beautiful = page.locator('[data-testid="number-choice"][data-category="beautiful"]').first();
  await expect(beautiful).toBeVisible();
  const chosen = (await beautiful.getAttribute('value')) ?? '';
  await beautiful.check();
  await join.field('office').selectOption('spb-nevsky');
  await expect(page.locator('#new-sim-office-about')).toContainText('Невский');
  await join.field('fullName').fill('Пётр Сидоров');
  const contact = foreignNumber();
  await join.field('contactPhone').fill(contact);
  await page.getByTestId('new-sim-submit').click();

  await expect(page.getByTestId('new-sim-done')).toContainText('Заказ принят');
  await expect(page.getByTestId('new-sim-done')).toContainText('К оплате при получении');
  const reference = (await join.reference.getAttribute('data-reference')) ?? '';
  const pool = await db
    .selectFrom('number_pool')
    .innerJoin('onboarding_orders', 'onboarding_orders.id', 'number_pool.reserved_by')
    .select(['onboarding_orders.reference', 'onboarding_orders.status'])
    .where('number_pool.msisdn', '=', chosen)
    .executeTakeFirstOrThrow();
  expect(pool).toEqual({ reference, status: 'accepted' });

  // The order reference is texted to the contact phone, and the status page finds the order by it.
  await page.getByRole('link', { name: 'Статус заявки' }).click();
  await join.lookUp(reference, contact);
  await expect(page.getByTestId('order-view')).toContainText('Новая SIM-карта');
  await expect(page.getByTestId('order-view')).toContainText('Невский');
  await join.lookUp(reference, foreignNumber());
  await expect(join.problem).toContainText('Заявка не найдена');
});
