import { expect, test } from './fixtures.ts';
import { storedLine } from './line-data.ts';
import { LineSettingsTab } from './page-models/line-settings-tab.ts';
import { LoginPage } from './page-models/login-page.ts';
import { ServicesPage } from './page-models/services-page.ts';

test('SVC-06 sets call forwarding when unanswered to a number typed in any format', async ({
  page,
  db,
  spareNumber,
}) => {
  const msisdn = spareNumber('callForwarding');
  const line = await storedLine(db, msisdn);
  await new LoginPage(page).loginWithCode(msisdn);

  await new ServicesPage(page).open();
  const settings = new LineSettingsTab(page);
  await settings.openFor(line.id);
  const rule = settings.rule('no_answer');
  await expect(rule).toHaveAttribute('data-enabled', 'false');

  // Enabling without a number is refused under the field, in words.
  await settings.setForwarding('no_answer', { enabled: true, target: '' });
  await expect(rule.getByTestId('field-error')).toContainText('Укажите номер');
  await expect(rule.getByTestId('forwarding-target')).toHaveAttribute('aria-invalid', 'true');

  await settings.setForwarding('no_answer', { enabled: true, target: '8 (912) 000-11-22', delaySeconds: 20 });
  await expect(settings.done).toContainText('Если не отвечаю');
  await expect(rule).toHaveAttribute('data-enabled', 'true');
  await expect(rule.getByTestId('field-error')).toHaveCount(0);

  await page.reload();
  await settings.openFor(line.id);
  await expect(rule).toHaveAttribute('data-enabled', 'true');
  await expect(rule.getByTestId('forwarding-enabled')).toBeChecked();
  await expect(rule.getByTestId('forwarding-target')).toHaveValue('+7 912 000-11-22');
  await expect(rule.getByTestId('forwarding-delay')).toHaveValue('20');
  // The other conditions are untouched.
  await expect(settings.rule('unconditional')).toHaveAttribute('data-enabled', 'false');

  const stored = await db
    .selectFrom('line_forwarding')
    .select(['enabled', 'target', 'delay_seconds'])
    .where('line_id', '=', line.id)
    .where('condition', '=', 'no_answer')
    .executeTakeFirstOrThrow();
  expect(stored).toEqual({ enabled: true, target: '+79120001122', delay_seconds: 20 });
});

test('SVC-07 blacklists a number and removes it', async ({ page, db, spareNumber }) => {
  const msisdn = spareNumber('blacklist');
  const line = await storedLine(db, msisdn);
  const stored = () =>
    db.selectFrom('line_blacklist').select(['number', 'label']).where('line_id', '=', line.id).execute();
  await new LoginPage(page).loginWithCode(msisdn);

  await new ServicesPage(page).open();
  const settings = new LineSettingsTab(page);
  await settings.openFor(line.id);
  await expect(page.getByTestId('blacklist-empty')).toBeVisible();

  // Its own number is refused under the field.
  await settings.blacklist(msisdn);
  await expect(page.getByTestId('blacklist').getByTestId('field-error')).toContainText('Свой номер');

  await settings.blacklist('8 912 000-33-44', 'Реклама');
  await expect(settings.done).toContainText('+7 912 000-33-44');
  await expect(settings.blacklistEntry('+79120003344')).toContainText('Реклама');
  await expect(page.getByTestId('blacklist-count')).toContainText('1 из 100');
  expect(await stored()).toEqual([{ number: '+79120003344', label: 'Реклама' }]);

  // The same number again, typed differently: already there.
  await settings.blacklist('+7 912 000 33 44');
  await expect(page.getByTestId('blacklist').getByTestId('action-error')).toContainText(
    'уже в чёрном списке',
  );

  await settings.blacklistEntry('+79120003344').getByTestId('blacklist-remove').click();
  await expect(settings.blacklistEntries).toHaveCount(0);
  await expect(page.getByTestId('blacklist-empty')).toBeVisible();
  expect(await stored()).toEqual([]);
});

test('SVC-04 switches a service ban on and off, waiting for the server', async ({
  page,
  db,
  spareNumber,
}) => {
  const msisdn = spareNumber('serviceBans');
  const line = await storedLine(db, msisdn);
  const stored = async () =>
    (await db.selectFrom('line_bans').select('ban_code').where('line_id', '=', line.id).execute()).map(
      (row) => row.ban_code,
    );
  expect(await stored()).toEqual([]);
  await new LoginPage(page).loginWithCode(msisdn);

  await new ServicesPage(page).open();
  const settings = new LineSettingsTab(page);
  await settings.openFor(line.id);
  const ban = settings.ban('intl-calls');
  await expect(ban).toHaveAttribute('data-enabled', 'false');
  await ban.getByTestId('ban-toggle').click();
  await expect(ban).toHaveAttribute('data-enabled', 'true');
  await expect(ban.getByTestId('ban-toggle')).toBeChecked();
  await expect(settings.done).toContainText('включён');
  expect(await stored()).toEqual(['intl-calls']);

  // A refused change leaves the switch as the server has it and says why.
  await page.route('**/api/v1/lines/*/bans/*', (route) => route.abort('connectionreset'));
  await ban.getByTestId('ban-toggle').click();
  await expect(ban.getByTestId('action-error')).toContainText('Нет связи с сервером');
  await expect(ban.getByTestId('ban-toggle')).toBeChecked();
  await page.unroute('**/api/v1/lines/*/bans/*');

  await ban.getByTestId('ban-toggle').click();
  await expect(ban).toHaveAttribute('data-enabled', 'false');
  await expect(ban.getByTestId('action-error')).toHaveCount(0);
  expect(await stored()).toEqual([]);
});
