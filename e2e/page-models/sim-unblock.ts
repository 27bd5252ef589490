import { expect, type Locator, type Page } from '@playwright/test';

/** SVC-09 self-service unblocking on /sim: a code to the recovery phone, then the code. */
export class SimUnblock {
  readonly form: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByTestId('unblock-form');
    this.error = page.getByTestId('unblock-error');
  }

  async requestCode() {
    await this.page.getByTestId('unblock-send').click();
    await expect(this.page.getByTestId('unblock-sent')).toBeVisible();
  }

  /** The newest unblock code the virtual phone of `msisdn` received (through the outbox, a moment later). */
  async codeSentTo(msisdn: string): Promise<string> {
    let code: string | undefined;
    await expect
      .poll(
        async () => {
          const res = await this.page.request.get(
            `/api/v1/dev/phones/${encodeURIComponent(msisdn)}/messages`,
          );
          const { messages } = (await res.json()) as { messages: Array<{ body: string }> };
          const body = messages.find((m) => m.body.includes('разблокировки'))?.body ?? '';
          code = /: (\d{6})\./.exec(body)?.[1];
          return code !== undefined;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    if (!code) throw new Error('no unblock code in the virtual phone');
    return code;
  }

  async enter(code: string) {
    await this.page.getByTestId('unblock-code').fill(code);
    await this.page.getByTestId('unblock-submit').click();
  }
}
