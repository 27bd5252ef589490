import { expect, type Locator, type Page } from '@playwright/test';

/** The public join pages (SVC-13): port-in, new SIM and the order status, reached from the login page. */
export class JoinPages {
  readonly problem: Locator;
  readonly reference: Locator;

  constructor(private readonly page: Page) {
    this.problem = page.getByTestId('form-problem');
    this.reference = page.getByTestId('order-reference');
  }

  /** From the login page's "not with us yet?" block, the way a visitor finds it. */
  async openFromLogin(link: 'port-in' | 'new-sim' | 'status') {
    await this.page.goto('/login');
    await this.page.getByTestId(`join-${link}`).click();
    await expect(this.page).toHaveURL(new RegExp(`/join/${link}$`));
  }

  field(name: string): Locator {
    return this.page.getByTestId(`field-${name}`);
  }

  async applyForPortIn(input: { number: string; donor: string; fullName: string; contact: string }) {
    await this.field('number').fill(input.number);
    await this.field('donor').selectOption(input.donor);
    await this.field('fullName').fill(input.fullName);
    await this.field('contact').fill(input.contact);
    await this.page.getByTestId('port-in-submit').click();
  }

  /**
   * The 6-digit code in the virtual phone beside the page (demo mode): after a port-in application it follows
   * the number the code went to, as it does for a login.
   */
  async codeFromVirtualPhone(msisdn: string): Promise<string> {
    const phone = this.page.getByTestId('virtual-phone');
    await expect(phone.locator('#vp-number')).toHaveValue(msisdn);
    const message = phone.getByTestId('vp-message').first();
    let code: string | undefined;
    await expect
      .poll(
        async () => {
          // The body alone: the item's text also holds the time ("22:43"), which would run into the code.
          const body =
            (await message
              .locator('p')
              .textContent()
              .catch(() => null)) ?? '';
          code = /^(\d{6})\b/.exec(body)?.[1];
          return code !== undefined;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    return code ?? '';
  }

  async lookUp(reference: string, phone: string) {
    await this.field('reference').fill(reference);
    await this.field('phone').fill(phone);
    await this.page.getByTestId('status-submit').click();
  }
}
