/**
 * The multi-instance half of `npm run bench`: billed TusFacturas calls for N concurrent visits
 * to a stale consumo page and to a stale cuenta corriente, spread over two `next start`
 * instances on one PostgreSQL database, with TusFacturas answering in 1.5 s. Reuses the
 * multi-instance suite's harness (e2e/multi-instance). Needs a PostgreSQL server:
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (a fresh database is made there and dropped).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { createEmulatorControl } from "@/lib/tusfacturas/emulator/control";
import { serveMailbox, startMailbox } from "@/lib/testing/mailbox";
import { startEmulator } from "@/lib/tusfacturas/emulator/server";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { signUp } from "../e2e/fixtures";
import {
  createDatabase,
  dropDatabase,
  newSecrets,
  openPool,
  startInstance,
  stopInstance,
  waitReady,
  type InstanceRecord,
} from "../e2e/multi-instance/cluster";
import {
  consumoAccount,
  ledgerAccount,
  ledgerClient,
  prepareConsumoBusiness,
  prepareLedgerBusiness,
  staleBurst,
  type BurstResult,
} from "../e2e/multi-instance/stale-visits";
import { buildIfNeeded } from "./build-if-needed";

export const VISITS = 20;
export const LATENCY_MS = 1500;
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3391) + 10;

export type MultiInstanceFigures = { consumo: BurstResult; ledger: BurstResult };

/** Null when no PostgreSQL server is configured. */
export function benchDatabaseUrl(): string | null {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
}

export async function measureMultiInstance(adminUrl: string): Promise<MultiInstanceFigures> {
  buildIfNeeded();
  const emulator = await startEmulator({ port: 0, quiet: true });
  const control = createEmulatorControl(emulator.url);
  // Sign-up confirms the address by email: the instances send here, `signUp` reads it.
  const mailbox = await startMailbox();
  const mailboxApi = await serveMailbox(mailbox);
  process.env.E2E_MAILBOX_URL = mailboxApi.url;
  const database = await createDatabase(adminUrl, "tablero_bench");
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "tablero-bench-multi-"));
  const config = {
    databaseUrl: database.url,
    emulatorUrl: emulator.url,
    ...newSecrets(),
    workDir,
    logDir: path.join(workDir, "logs"),
    env: {
      SMTP_URL: mailbox.smtpUrl,
      TABLERO_URL: `http://localhost:${BASE_PORT}`,
      TABLERO_EMAIL_RETRY_SECONDS: "1",
    },
  };
  const pool = openPool(database.url);
  const instances: InstanceRecord[] = [];
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    // One after the other: this measures billing, not starting together.
    for (const [i, name] of ["A", "B"].entries()) {
      const started = startInstance(config, name, BASE_PORT + i);
      instances.push(started);
      instances[i] = await waitReady(started, { timeoutMs: 90_000 });
    }
    const context = await browser.newContext({ baseURL: instances[0]!.url });
    const page = await context.newPage();
    await signUp(page);
    const consumoId = await prepareConsumoBusiness(page);
    const ledgerId = await prepareLedgerBusiness(page, pool);
    const cookie = (await context.cookies(instances[0]!.url))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const common = { pool, emulator: control, instances, cookie, visits: VISITS };
    const consumo = await staleBurst({
      ...common,
      apikey: consumoAccount.apikey,
      resource: { kind: "consumo", businessId: consumoId },
      latencyMs: LATENCY_MS,
    });
    const ledger = await staleBurst({
      ...common,
      apikey: ledgerAccount.apikey,
      resource: { kind: "ledger", businessId: ledgerId, cuit: ledgerClient.cuit },
      latencyMs: LATENCY_MS,
    });
    return { consumo, ledger };
  } finally {
    await browser.close();
    await Promise.all(instances.map((i) => stopInstance(i, 15_000)));
    await pool.end();
    await dropDatabase(adminUrl, database.name).catch(() => undefined);
    await emulator.close();
    await mailboxApi.close();
    await mailbox.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** "1 request facturado, 0 respuestas 429, 20 de 20 visitas con 200, la más lenta 1.912 ms". */
export function describeBurst(burst: BurstResult): string {
  const ok = burst.visits.filter((v) => v.status === 200).length;
  const slowest = Math.max(...burst.visits.map((v) => v.ms));
  const requests =
    burst.billed === 1 ? "1 request facturado" : `${burst.billed} requests facturados`;
  const throttled = burst.throttled === 1 ? "1 respuesta 429" : `${burst.throttled} respuestas 429`;
  return (
    `${requests}, ${throttled}, ${ok} de ${burst.visits.length} visitas con 200, ` +
    `la más lenta ${new Intl.NumberFormat("es-AR").format(Math.round(slowest))} ms`
  );
}
