/**
 * The measurements of the imports part of `npm run bench` (`--imports`, printed by
 * bench-imports.ts): against the in-process emulator's
 * generated business (lib/tusfacturas/emulator/bench-business.ts), through the services the
 * app runs and the client the app builds (credential lanes, 100 ms between calls):
 * - the import of clients over 12 months with 50 comprobantes a day: the pg-boss job
 *   `client-import` walking `facturacion/consulta_avanzada` day by day, in 20 s slices;
 * - the due-date lookups of a ledger with 500 unpaid comprobantes (lib/vencimientos: "TN"
 *   ranges and single `facturacion/consulta`), the job's function called directly.
 * On embedded PGlite, and on PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { createBusinessesService } from "@/lib/businesses/service";
import { createClientesService } from "@/lib/clientes/service";
import { createClientImportService } from "@/lib/clientes/tusfacturas-import/service";
import type { Keyring } from "@/lib/crypto/secrets";
import { createCuentaCorrienteService } from "@/lib/cuenta-corriente/service";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { cuentaCorrienteSnapshots, tusfacturasCredentials } from "@/lib/db/schema";
import { startJobQueue } from "@/lib/jobs/queue";
import { createScratchPostgres, insertTestUser } from "@/lib/testing/test-database";
import { createTusFacturasClient, type TusFacturasCallEvent } from "@/lib/tusfacturas";
import {
  BENCH_BUSINESS_CREDENTIALS,
  BENCH_BUSINESS_SPEC,
  benchBusinessAccount,
} from "@/lib/tusfacturas/emulator/bench-business";
import { addDays } from "@/lib/tusfacturas/emulator/comprobantes";
import { createEmulatorControl, type EmulatorControl } from "@/lib/tusfacturas/emulator/control";
import { startEmulator } from "@/lib/tusfacturas/emulator/server";
import { reportAttempt } from "@/lib/upstream/record";
import { planLookups } from "@/lib/vencimientos/plan";
import { lookupKeysOf, type UnpaidComprobante } from "@/lib/vencimientos/unpaid";
import { createVencimientosService } from "@/lib/vencimientos/service";
import { benchDatabaseUrl } from "./bench-multi-instance";

/** The client's default gap between two calls of one credential set (lib/tusfacturas/client.ts). */
export const PACE_MS = 100;
const { apikey } = BENCH_BUSINESS_CREDENTIALS;
const { desde, dias, deudor } = BENCH_BUSINESS_SPEC;

export type Calls = {
  total: number;
  byMethod: Record<string, number>;
  billed: number;
  throttled: number;
  /** Sum of the attempts' HTTP time, as the client measured it. */
  httpMs: number;
};

export type ImportFigures = {
  ms: number;
  calls: Calls;
  jobs: number;
  daysDone: number;
  clients: number;
};

export type LookupFigures = {
  ms: number;
  calls: Calls;
  unpaid: number;
  plan: { ranges: number; singles: number };
};

type Engine = { name: string; open: () => Promise<DatabaseHandle> };

function engines(): Engine[] {
  const list: Engine[] = [{ name: "PGlite", open: () => openDatabase({ pgliteDir: "memory" }) }];
  const url = benchDatabaseUrl();
  if (url)
    list.push({
      name: "PostgreSQL",
      open: async () => {
        const scratch = await createScratchPostgres(url);
        const handle = await openDatabase({ url: scratch.url });
        return { ...handle, close: () => handle.close().finally(scratch.drop) };
      },
    });
  return list;
}

/** Counts what the emulator saw and what the client timed, from now on. */
async function callCounter(control: EmulatorControl, httpMs: { sum: number }) {
  const before = {
    calls: await control.calls(apikey),
    billed: await control.billed(apikey),
    throttled: await control.throttled(apikey),
    httpMs: httpMs.sum,
  };
  return async (): Promise<Calls> => {
    const calls = await control.calls(apikey);
    const byMethod: Record<string, number> = {};
    for (const [method, n] of Object.entries(calls.byMethod)) {
      const delta = n - (before.calls.byMethod[method as keyof typeof calls.byMethod] ?? 0);
      if (delta > 0) byMethod[method] = delta;
    }
    return {
      total: calls.total - before.calls.total,
      byMethod,
      billed: (await control.billed(apikey)) - before.billed,
      throttled: (await control.throttled(apikey)) - before.throttled,
      httpMs: httpMs.sum - before.httpMs,
    };
  };
}

async function measureEngine(
  engine: Engine,
  emulatorUrl: string,
): Promise<{ walk: ImportFigures; lookups: LookupFigures }> {
  const handle = await engine.open();
  const { db } = handle;
  const control = createEmulatorControl(emulatorUrl);
  const httpMs = { sum: 0 };
  // As lib/upstream/client.ts builds the app's one client, pointed at the emulator.
  const client = createTusFacturasClient({
    baseUrl: `${emulatorUrl}/app/api`,
    timeoutMs: 30_000,
    onCall: (event: TusFacturasCallEvent) => {
      httpMs.sum += event.durationMs;
      reportAttempt(event);
    },
    exclusive: (key, task) => handle.lanes.withLock(`tusfacturas:${key}`, task),
  });
  // As lib/runtime/index.ts starts it with the default lease (30 s) and timeout (30 s).
  const queue = await startJobQueue(handle, {
    maintenanceSeconds: 30,
    expireSeconds: 90,
    emailAttempts: 3,
    emailRetrySeconds: 1,
  });
  try {
    const keyring: Keyring = new Map([[1, randomBytes(32)]]);
    const now = () => new Date();
    const userId = await insertTestUser(db);
    const businessId = await createBusinessesService({ db, keyring, now }).insertBusiness(userId, {
      razonSocial: "Mayorista del Bench S.A.",
      cuit: "30712293841",
      credentials: BENCH_BUSINESS_CREDENTIALS,
    });
    await db
      .update(tusfacturasCredentials)
      .set({ status: "verified" })
      .where(eq(tusfacturasCredentials.businessId, businessId));
    const deps = { db, client, keyring, now, locks: handle.locks };

    const clientImport = createClientImportService({
      ...deps,
      queue,
      instance: { stopping: () => false },
    });
    let jobs = 0;
    await queue.work("client-import", ({ importId }) => {
      jobs += 1;
      return clientImport.work(importId);
    });
    const importCalls = await callCounter(control, httpMs);
    const startedAt = performance.now();
    const hasta = addDays(desde, dias - 1);
    const { importId } = await clientImport.start({ businessId, userId, desde, hasta });
    let view = await clientImport.view(businessId, importId);
    while (view?.status === "running") {
      await new Promise((resolve) => setTimeout(resolve, 50));
      view = await clientImport.view(businessId, importId);
    }
    const walkMs = performance.now() - startedAt;
    if (view?.status !== "done") throw new Error(`La importación terminó ${view?.status}.`);
    const walk: ImportFigures = {
      ms: walkMs,
      calls: await importCalls(),
      jobs,
      daysDone: view.daysDone,
      clients: view.clients.length + view.withoutCuit.length,
    };

    // The debtor's ledger, stored by one (billed) cuenta corriente request, not counted below.
    const clientes = createClientesService({ db, now });
    await clientes.insertClient(businessId, { cuit: deudor.cuit, nombre: deudor.nombre });
    const vencimientos = createVencimientosService(deps);
    await createCuentaCorrienteService({
      ...deps,
      freshnessMs: 60_000,
      clientes,
      vencimientos,
    }).refresh(businessId, deudor.cuit, userId);
    const [snapshot] = await db
      .select({ unpaid: cuentaCorrienteSnapshots.unpaid })
      .from(cuentaCorrienteSnapshots)
      .where(eq(cuentaCorrienteSnapshots.businessId, businessId));
    const refs = lookupKeysOf((snapshot?.unpaid ?? []) as UnpaidComprobante[]);
    const plan = planLookups(refs, new Set());
    const lookupCalls = await callCounter(control, httpMs);
    const lookupStart = performance.now();
    await vencimientos.work({ businessId, cuit: deudor.cuit });
    const lookups: LookupFigures = {
      ms: performance.now() - lookupStart,
      calls: await lookupCalls(),
      unpaid: refs.length,
      plan: {
        ranges: plan.filter((c) => c.kind === "range").length,
        singles: plan.filter((c) => c.kind === "single").length,
      },
    };
    return { walk, lookups };
  } finally {
    await queue.stop();
    await handle.close();
  }
}

/** Both measurements on every configured engine, one emulator for all. */
export async function measureImports(): Promise<
  { engine: string; walk: ImportFigures; lookups: LookupFigures }[]
> {
  const emulator = await startEmulator({
    port: 0,
    quiet: true,
    extraAccounts: [benchBusinessAccount()],
  });
  try {
    const results = [];
    for (const engine of engines()) {
      results.push({ engine: engine.name, ...(await measureEngine(engine, emulator.url)) });
    }
    return results;
  } finally {
    await emulator.close();
  }
}
