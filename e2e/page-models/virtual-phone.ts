import { expect, type Locator, type Page } from '@playwright/test';

/** The demo virtual phone beside the cabinet (DEMO-02): its inbox and its answers to flash prompts. */
export class VirtualPhone {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('virtual-phone');
  }

  async show(msisdn: string) {
    const select = this.root.locator('#vp-number');
    if (!(await select.isVisible())) await this.root.locator('.vp-toggle').click();
    await select.selectOption(msisdn);
  }

  /** Waits for the "reply 1" flash prompt and confirms it. */
  async confirmFlashPrompt() {
    const prompt = this.root.locator('[data-kind="flash"]').first();
    await expect(prompt).toBeVisible({ timeout: 10_000 });
    await prompt.getByTestId('vp-reply-confirm').click();
  }
}
