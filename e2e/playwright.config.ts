import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built system (API + shell + remotes from dist/) in Debian's
 * Chromium. Each spec file starts its own server on a fresh database (support/server.ts).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: '../tmp/e2e-results',
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'ru-RU',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
