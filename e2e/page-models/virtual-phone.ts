import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The demo virtual phone beside the cabinet (DEMO-02): its inbox and its answers to flash prompts, its keypad
 * for USSD codes, its SMS composer and its usage buttons.
 */
export class VirtualPhone {
  readonly root: Locator;
  readonly ussdScreen: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('virtual-phone');
    this.ussdScreen = this.root.getByTestId('vp-ussd-screen');
  }

  /**
   * Shows a number's phone. A number that is not a demo phone is offered once typed into the login form (as a
   * visitor would), so this fills the login form's number first when the phone does not offer it yet.
   */
  async show(msisdn: string) {
    const page = this.root.page();
    await this.open();
    const option = this.root.locator(`#vp-number option[value="${msisdn}"]`);
    if ((await option.count()) === 0) await page.getByTestId('phone-input').fill(msisdn);
    await expect(option).toHaveCount(1);
    await this.root.locator('#vp-number').selectOption(msisdn);
  }

  /**
   * Opens the phone's screen unless it is open. The phone is loaded lazily and opens by default on wide screens:
   * its toggle's state is read once it is there, so a slow render is never taken for "closed" and clicked shut.
   */
  async open() {
    const toggle = this.root.locator('.vp-toggle');
    await expect(toggle).toBeVisible();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** Waits for the "reply 1" flash prompt and confirms it. */
  async confirmFlashPrompt() {
    const prompt = this.root.locator('[data-kind="flash"]').first();
    await expect(prompt).toBeVisible({ timeout: 10_000 });
    await prompt.getByTestId('vp-reply-confirm').click();
  }

  async openTab(tab: 'inbox' | 'keypad' | 'send' | 'mail' | 'usage') {
    await this.root.getByTestId(`vp-tab-${tab}`).click();
  }

  /** Types a code on the keypad's keys (as a person would) and presses call. */
  async dial(code: string) {
    await this.openTab('keypad');
    for (const key of code)
      await this.root.getByRole('button', { name: `Клавиша ${key}`, exact: true }).click();
    await expect(this.root.getByTestId('vp-dial-input')).toHaveValue(code);
    await this.root.getByTestId('vp-dial').click();
    await expect(this.ussdScreen).toBeVisible();
  }

  /** Answers the USSD menu on screen. */
  async answer(choice: string) {
    await this.root.getByTestId('vp-ussd-answer').fill(choice);
    await this.root.getByTestId('vp-ussd-send').click();
  }

  async closeUssd() {
    await this.root.getByTestId('vp-ussd-close').click();
  }

  async sendSms(to: string, text: string) {
    await this.openTab('send');
    await this.root.getByTestId('vp-sms-to').fill(to);
    await this.root.getByTestId('vp-sms-text').fill(text);
    await this.root.getByTestId('vp-sms-send').click();
  }

  /** The newest inbox message (SMS or flash prompt). */
  newestMessage(): Locator {
    return this.root.getByTestId('vp-message').first();
  }
}
