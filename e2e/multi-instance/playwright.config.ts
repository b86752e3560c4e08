/**
 * The multi-instance suite: several `next start` processes on one fresh PostgreSQL database
 * (TEST_DATABASE_URL's server) and this suite's own emulator. Run `next build` first:
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
 *     npx playwright test -c e2e/multi-instance/playwright.config.ts
 *
 * Instance logs: test-results/multi-instance/logs/.
 */
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "../chromium";
import { instanceUrl } from "./ports";

const EMULATOR_PORT = Number(process.env.E2E_MULTI_EMULATOR_PORT ?? 4331);
const SMTP_PORT = Number(process.env.E2E_MULTI_SMTP_PORT ?? 2631);
const MAILBOX_PORT = Number(process.env.E2E_MULTI_MAILBOX_PORT ?? 2632);
const root = path.resolve(import.meta.dirname, "../..");

// Evaluated again in every worker: values set here once are inherited through the env.
process.env.E2E_MULTI_EMULATOR_URL ??= `http://127.0.0.1:${EMULATOR_PORT}`;
// This suite's own SMTP server: the instances send to it (global-setup.ts), and the shared
// fixtures (e2e/mailbox.ts) read it, never the main suite's.
process.env.E2E_MULTI_SMTP_URL ??= `smtp://127.0.0.1:${SMTP_PORT}`;
process.env.E2E_MULTI_MAILBOX_URL ??= `http://127.0.0.1:${MAILBOX_PORT}`;
process.env.E2E_MAILBOX_URL = process.env.E2E_MULTI_MAILBOX_URL;

export default defineConfig({
  testDir: ".",
  outputDir: path.join(root, "test-results/multi-instance/playwright"),
  globalSetup: "./global-setup.ts",
  globalTeardown: "./global-teardown.ts",
  // Instances start, stop and run IVA batches with 1.5 s upstream latency.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: "list",
  use: {
    // Setup goes through instance A; the session cookie works on every instance (same host).
    baseURL: instanceUrl("A"),
    locale: "es-AR",
    timezoneId: "America/Argentina/Buenos_Aires",
    trace: "retain-on-failure",
    navigationTimeout: 30_000,
    actionTimeout: 20_000,
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      command: `npx tsx lib/tusfacturas/emulator/main.ts --port ${EMULATOR_PORT} --quiet`,
      cwd: root,
      url: `${process.env.E2E_MULTI_EMULATOR_URL}/__control/health`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // Sign-up confirms the address by email (e2e/fixtures.ts `signUp` opens the link).
      command: `npx tsx scripts/test-mailbox.ts --smtp-port ${SMTP_PORT} --http-port ${MAILBOX_PORT}`,
      cwd: root,
      url: `${process.env.E2E_MULTI_MAILBOX_URL}/messages`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
  ],
});
