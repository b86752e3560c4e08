import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3311);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4311);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2611);
const MAILBOX_PORT = Number(process.env.E2E_MAILBOX_PORT ?? 2612);

// Evaluated again in every worker: values set here once are inherited through the env.
process.env.E2E_BASE_URL ??= `http://localhost:${PORT}`;
process.env.E2E_EMULATOR_URL ??= `http://127.0.0.1:${EMULATOR_PORT}`;
process.env.E2E_MAILBOX_URL ??= `http://127.0.0.1:${MAILBOX_PORT}`;
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `tablero-e2e-${Date.now()}`);

export default defineConfig({
  testDir: "e2e",
  // Its own config (e2e/multi-instance/playwright.config.ts), run by scripts/test.sh.
  testIgnore: ["multi-instance/**"],
  outputDir: "test-results/playwright",
  // Each test is a whole flow (sign-ups, businesses, several pages); on a loaded CI machine the
  // longest ones reached a minute. Every step still waits 10 s at most.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: "list",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: "es-AR",
    timezoneId: "America/Argentina/Buenos_Aires",
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      command: `npx tsx lib/tusfacturas/emulator/main.ts --port ${EMULATOR_PORT}`,
      url: `${process.env.E2E_EMULATOR_URL}/__control/calls`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // A real SMTP server (smtp-server) that Tablero sends to; specs read it over HTTP.
      command: `npx tsx scripts/test-mailbox.ts --smtp-port ${SMTP_PORT} --http-port ${MAILBOX_PORT}`,
      url: `${process.env.E2E_MAILBOX_URL}/messages`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // Run `next build` first (the test script does).
      command: `node node_modules/next/dist/bin/next start -p ${PORT}`,
      url: `${process.env.E2E_BASE_URL}/ingresar`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        TABLERO_DATA_DIR: process.env.E2E_DATA_DIR,
        AUTH_SECRET: randomBytes(32).toString("base64"),
        TABLERO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        TUSFACTURAS_API_URL: process.env.E2E_EMULATOR_URL,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        TABLERO_URL: process.env.E2E_BASE_URL,
        // A refused email is retried within seconds (e2e/email.spec.ts waits for it).
        TABLERO_EMAIL_ATTEMPTS: "3",
        TABLERO_EMAIL_RETRY_SECONDS: "1",
        // Long enough for a request held by the emulator to be watched in flight on a busy
        // machine (e2e/iva.spec.ts), short enough to wait out (e2e/upstream-failures.spec.ts).
        TUSFACTURAS_TIMEOUT_MS: "6000",
        // Short enough for the expired-link test to wait it out (e2e/members.spec.ts).
        TABLERO_INVITATION_MINUTES: "1",
        // Specs press "Actualizar" to count calls; the interval is tested in lib/spending.
        TABLERO_REFRESH_INTERVAL_SECONDS: "0",
        // Every spec signs up its own people, all from this machine.
        TABLERO_SIGNUPS_PER_HOUR: "10000",
      },
    },
  ],
});
