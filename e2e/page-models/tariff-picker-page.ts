import { expect, type Locator, type Page } from '@playwright/test';

/** /tariffs/picker: the usage survey and the tariffs it proposes (PLAN-04). */
export class TariffPickerPage {
  readonly root: Locator;
  readonly proposals: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('tariff-picker-page');
    this.proposals = page.getByTestId('proposal');
  }

  /** From the tariffs page's "Подобрать тариф". */
  async openFromTariffs() {
    await this.page.getByTestId('picker-link').click();
    await expect(this.page).toHaveURL(/\/tariffs\/picker$/);
    await expect(this.root).toBeVisible();
  }

  /** Answers the survey and asks for proposals. */
  async answer(survey: {
    focus: 'minutes' | 'gigabytes' | 'messages';
    minutes: number;
    gigabytes: number;
    messages: number;
  }) {
    await this.page.getByTestId(`focus-${survey.focus}`).check();
    for (const field of ['minutes', 'gigabytes', 'messages'] as const) {
      await this.page.getByTestId(`amount-${field}`).fill(String(survey[field]));
    }
    await this.page.getByTestId('picker-submit').click();
    await expect(this.proposals.first()).toBeVisible();
  }

  async choose(proposal: Locator) {
    await proposal.getByTestId('choose-proposal').click();
  }
}
