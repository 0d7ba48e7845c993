import type { Locator, Page } from 'playwright-core';

/** What Swagger UI shows under "Server response" after Execute. */
export interface ShownResponse {
  status: number;
  body: string;
  curl: string;
}

/**
 * Swagger UI driven through its visible controls, as a person would use it. Operations are found by the ids
 * Swagger UI gives them (`operations-<tag>-<operationId>`); every step waits for an element, never for time.
 */
export class SwaggerUiPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.swagger-ui .information-container').waitFor();
  }

  operation(tag: string, operationId: string): Locator {
    return this.page.locator(`#operations-${tag}-${operationId}`);
  }

  /** Expands the operation, clicks "Try it out" and, when given, replaces the request body. */
  async tryItOut(op: Locator, body?: unknown): Promise<void> {
    await op.locator('.opblock-summary-control').click();
    await op.getByRole('button', { name: 'Try it out' }).click();
    if (body !== undefined) await op.locator('textarea.body-param__text').fill(JSON.stringify(body, null, 2));
  }

  /** Replaces the request body of an operation already in "Try it out". */
  async fillBody(op: Locator, body: unknown): Promise<void> {
    await op.locator('textarea.body-param__text').fill(JSON.stringify(body, null, 2));
  }

  /** Clicks "Execute" and reads the live response once it is rendered (an earlier one is cleared first). */
  async execute(op: Locator): Promise<ShownResponse> {
    const row = op.locator('.live-responses-table tbody tr.response');
    const clear = op.getByRole('button', { name: 'Clear' });
    if (await clear.count()) {
      await clear.click();
      await row.waitFor({ state: 'detached' });
    }
    await op.getByRole('button', { name: 'Execute' }).click();
    await row.locator('.highlight-code code').waitFor();
    return {
      status: Number(await row.locator('.response-col_status').innerText()),
      body: (await row.locator('.highlight-code code').textContent()) ?? '',
      curl: (await op.locator('.curl-command').textContent()) ?? '',
    };
  }

  /** Authorize → the field of `scheme` (as named in the document) → Authorize → Close. */
  async authorize(scheme: string, value: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Authorize' }).first().click();
    const dialog = this.page.locator('.modal-ux');
    const section = dialog.locator('.auth-container').filter({ has: this.page.locator('h4 code', { hasText: new RegExp(`^${scheme}$`) }) });
    await section.getByRole('textbox').fill(value);
    await section.getByRole('button', { name: 'Apply credentials' }).click();
    await section.getByRole('button', { name: 'Remove authorization' }).waitFor();
    await dialog.locator('button.close-modal').click();
    await dialog.waitFor({ state: 'detached' });
  }
}
