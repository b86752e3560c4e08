/**
 * Starts an in-process emulator for a test file (random port, quiet, fixed clock) and resets it
 * before each test.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createTusFacturasClient, type TusFacturasClientOptions } from "@/lib/tusfacturas/client";
import { createEmulatorControl, type EmulatorControl } from "@/lib/tusfacturas/emulator/control";
import { startEmulator, type RunningEmulator } from "@/lib/tusfacturas/emulator/server";
import { loadAccountsFixture } from "@/lib/tusfacturas/fixtures/load";
import type { TusFacturasCredentials } from "@/lib/tusfacturas/types";

/** "Today" for the emulator: 15/11/2025 in Buenos Aires. */
export const EMULATOR_NOW = new Date("2025-11-15T15:00:00Z");

export type Harness = {
  readonly url: string;
  readonly control: EmulatorControl;
  /** A real client pointed at the emulator, fast retries. */
  client(options?: Partial<TusFacturasClientOptions>): ReturnType<typeof createTusFacturasClient>;
};

/** The seeded credential set of `apikey`. */
export function credentialsOf(apikey: string): TusFacturasCredentials {
  const account = loadAccountsFixture().accounts.find((a) => a.apikey === apikey);
  if (!account) throw new Error(`no seeded account ${apikey}`);
  return { apikey, apitoken: account.apitoken, usertoken: account.usertoken };
}

/** Registers the lifecycle hooks; use the returned harness inside tests only. */
export function setupEmulator(): Harness {
  let emulator: RunningEmulator | undefined;
  let control: EmulatorControl | undefined;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, quiet: true, now: () => EMULATOR_NOW });
    control = createEmulatorControl(emulator.url);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(async () => {
    await control?.reset();
  });

  const started = () => {
    if (!emulator || !control) throw new Error("emulator not started");
    return { emulator, control };
  };
  return {
    get url() {
      return started().emulator.url;
    },
    get control() {
      return started().control;
    },
    client: (options = {}) =>
      createTusFacturasClient({
        baseUrl: `${started().emulator.url}/app/api`,
        minSpacingMs: 0,
        retryBaseDelayMs: 5,
        timeoutMs: 2_000,
        ...options,
      }),
  };
}
