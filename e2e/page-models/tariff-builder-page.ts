import { expect, type Locator, type Page } from '@playwright/test';

type Field = 'minutes' | 'gigabytes' | 'messages';

/** /tariffs/builder/:id: the sliders of a configurable tariff and its live price (PLAN-05). */
export class TariffBuilderPage {
  readonly root: Locator;
  readonly price: Locator;
  readonly continue: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('tariff-builder');
    this.price = page.getByTestId('builder-price');
    this.continue = page.getByTestId('builder-continue');
  }

  value(field: Field): Locator {
    return this.page.getByTestId(`slider-value-${field}`);
  }

  /** Moves a slider by `steps` positions with the keyboard, as a subscriber without a mouse would. */
  async move(field: Field, steps: number) {
    const slider = this.page.getByTestId(`slider-${field}`);
    await slider.focus();
    for (let i = 0; i < Math.abs(steps); i += 1) {
      await this.page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
    }
  }

  /** The price the screen shows, kopecks a month. */
  async shownPrice(): Promise<bigint> {
    return BigInt((await this.price.getAttribute('data-kopecks')) ?? 'NaN');
  }

  async waitOpen() {
    await expect(this.page).toHaveURL(/\/tariffs\/builder\//);
    await expect(this.root).toBeVisible();
  }
}
