/**
 * Test-only: the client import service on a real database and job queue, with the real
 * TusFacturas client pointed at an in-process emulator (the lookups serve its seeded ledgers).
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { createBusinessesService } from "@/lib/businesses/service";
import {
  createClientImportService,
  type ClientImportService,
  type ClientImportView,
} from "@/lib/clientes/tusfacturas-import/service";
import type { Keyring } from "@/lib/crypto/secrets";
import { tusfacturasCredentials } from "@/lib/db/schema";
import { startJobQueue } from "@/lib/jobs/queue";
import { createTusFacturasClient } from "@/lib/tusfacturas";
import { createEmulatorControl } from "@/lib/tusfacturas/emulator/control";
import { startEmulator } from "@/lib/tusfacturas/emulator/server";
import { credentialsOf, EMULATOR_NOW } from "@/lib/testing/tusfacturas/emulator-harness";
import { reportAttempt } from "@/lib/upstream/record";
import { eventually } from "./authorization-harness";
import { insertTestUser, type DatabaseEngine } from "./test-database";

export type ClientImportHarness = Awaited<ReturnType<typeof startClientImportHarness>>;

/** A fresh database on `engine`, an emulator and the queue; `close()` in `afterAll`. */
export async function startClientImportHarness(engine: DatabaseEngine) {
  const [handle, emulator] = await Promise.all([
    engine.open(),
    startEmulator({ port: 0, quiet: true, now: () => EMULATOR_NOW }),
  ]);
  const { db } = handle;
  const control = createEmulatorControl(emulator.url);
  const queue = await startJobQueue(handle, {
    maintenanceSeconds: 1,
    expireSeconds: 30,
    emailAttempts: 3,
    emailRetrySeconds: 1,
  });
  const keyring: Keyring = new Map([[1, randomBytes(32)]]);
  const businesses = createBusinessesService({ db, keyring });
  let current: ClientImportService | undefined;
  await queue.work("client-import", async ({ importId }) => {
    await current?.work(importId);
  });

  /**
   * A service as one server process has it (the queue's jobs go to the latest); `stopping`
   * says when its instance begins to stop, given how many lookups it made.
   */
  function service(options: { stopping?: (calls: number) => boolean; latencyMs?: number } = {}) {
    let calls = 0;
    const client = createTusFacturasClient({
      baseUrl: `${emulator.url}/app/api`,
      timeoutMs: 5_000,
      minSpacingMs: 0,
      retryBaseDelayMs: 5,
      onCall: (event) => {
        calls += 1;
        reportAttempt(event);
      },
      fetch: async (input, init) => {
        if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
        return fetch(input, init);
      },
    });
    const stopping = options.stopping;
    current = createClientImportService({
      db,
      client,
      keyring,
      now: () => new Date(),
      queue,
      locks: handle.locks,
      instance: { stopping: () => stopping?.(calls) ?? false },
    });
    return current;
  }

  /** A user with a business on emulator account `apikey` (credentials verified unless told). */
  async function business(apikey: string, { verified = true } = {}) {
    const userId = await insertTestUser(db);
    const businessId = await businesses.insertBusiness(userId, {
      razonSocial: `Empresa ${apikey}`,
      cuit: "20055361682",
      credentials: credentialsOf(apikey),
    });
    if (verified)
      await db
        .update(tusfacturasCredentials)
        .set({ status: "verified" })
        .where(eq(tusfacturasCredentials.businessId, businessId));
    return { userId, businessId };
  }

  /** Waits until the import is no longer running, and answers its view. */
  async function settled(svc: ClientImportService, businessId: string, importId: string) {
    let view: ClientImportView | null = null;
    await eventually(async () => {
      view = await svc.view(businessId, importId);
      return view !== null && view.status !== "running";
    }, 30_000);
    return view!;
  }

  return {
    db,
    control,
    service,
    business,
    settled,
    async close() {
      await queue.stop();
      await emulator.close();
      await handle.close();
    },
  };
}
