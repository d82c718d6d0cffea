import { test as base } from '@playwright/test';

export * from '@playwright/test';

/**
 * Playwright's `test`, plus one rule: every browser context a test opens with
 * `browser.newContext()` is closed when the test ends. The browser is shared by every spec a
 * worker runs, and a tablet left open keeps reconnecting its socket and pinging a server that has
 * stopped — dozens of them slowed later specs on a 2-core CI machine.
 */
export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});
