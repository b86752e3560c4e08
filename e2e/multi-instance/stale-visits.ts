/**
 * "N concurrent visits to a stale page, spread over the instances": what it costs in billed
 * TusFacturas calls and 429 answers, counted by the emulator. Shared by the multi-instance
 * suite and `npm run bench`.
 */
import type { Page } from "@playwright/test";
import type { Pool } from "pg";
import type { EmulatorControl } from "../../lib/tusfacturas/emulator/control";
import { accounts, addBusiness, addClient } from "../fixtures";
import { sleep, type InstanceRecord } from "./cluster";

export const CONSUMO = "micuenta/consumo";
export const CUENTA_CORRIENTE = "clientes/cuenta-corriente";

/** Accounts of the suite's own emulator: one per resource, so counts are exact. */
export const consumoAccount = accounts.a1001;
export const ledgerAccount = accounts.a1002;
/** A client of 1002 in the emulator's seed (six movements). */
export const ledgerClient = { nombre: "LOPEZ HNOS. S.H.", cuit: "33715443215" };

/** 1001's figures once refreshed (its seeded ones say 12 de 100). */
export const REFRESHED_CONSUMO = { comprobantes_generados: 33, comprobantes_disponibles: 67 };
export const REFRESHED_CONSUMO_LABEL = "33 de 100 comprobantes usados";

export type StaleResource =
  { kind: "consumo"; businessId: string } | { kind: "ledger"; businessId: string; cuit: string };

export type Visit = { url: string; status: number; body: string; ms: number };

export type BurstResult = {
  /** Calls of the resource's method the emulator received during the burst. */
  billed: number;
  /** Of all calls of the account during the burst, those answered 429. */
  throttled: number;
  visits: Visit[];
  /** `fetched_at` (ISO) of the newest stored copy after the burst; null when there is none. */
  freshFetchedAt: string | null;
  /** When the burst started (for "stored after" checks). */
  startedAt: Date;
};

/** Adds 1001's business through the UI (its save makes one consumo call); returns its id. */
export async function prepareConsumoBusiness(page: Page): Promise<string> {
  return addBusiness(page, consumoAccount, "Consumo entre instancias");
}

/**
 * Adds 1002's business and LOPEZ HNOS. to its clients through the UI and opens the ledger once,
 * so a copy is stored; returns the business's id.
 */
export async function prepareLedgerBusiness(page: Page, pool: Pool): Promise<string> {
  const businessId = await addBusiness(page, ledgerAccount, "Cuenta corriente entre instancias");
  await addClient(page, businessId, ledgerClient);
  await page.goto(`/empresas/${businessId}/clientes/${ledgerClient.cuit}`);
  for (let i = 0; i < 100; i++) {
    const { rows } = await pool.query(
      "select 1 from cuenta_corriente_snapshots where business_id = $1 and cuit = $2",
      [businessId, ledgerClient.cuit],
    );
    if (rows.length > 0) return businessId;
    await sleep(100);
  }
  throw new Error("La primera visita a la cuenta corriente no guardó ninguna copia.");
}

/**
 * Ages the stored copy and the last recorded attempt by a day, so the next visit finds it
 * older than the freshness window (decided from both).
 */
export async function makeStale(pool: Pool, resource: StaleResource): Promise<void> {
  if (resource.kind === "consumo") {
    await pool.query(
      "update consumo_snapshots set fetched_at = fetched_at - interval '1 day' where business_id = $1",
      [resource.businessId],
    );
  } else {
    await pool.query(
      "update cuenta_corriente_snapshots set fetched_at = fetched_at - interval '1 day' where business_id = $1 and cuit = $2",
      [resource.businessId, resource.cuit],
    );
  }
  await pool.query(
    "update tusfacturas_requests set at = at - interval '1 day' where business_id = $1",
    [resource.businessId],
  );
}

async function newestFetchedAt(pool: Pool, resource: StaleResource): Promise<string | null> {
  const { rows } =
    resource.kind === "consumo"
      ? await pool.query<{ fetched_at: Date }>(
          "select fetched_at from consumo_snapshots where business_id = $1 order by fetched_at desc limit 1",
          [resource.businessId],
        )
      : await pool.query<{ fetched_at: Date }>(
          "select fetched_at from cuenta_corriente_snapshots where business_id = $1 and cuit = $2 order by fetched_at desc limit 1",
          [resource.businessId, resource.cuit],
        );
  return rows[0]?.fetched_at.toISOString() ?? null;
}

export function pagePath(resource: StaleResource): string {
  return resource.kind === "consumo"
    ? `/empresas/${resource.businessId}/consumo`
    : `/empresas/${resource.businessId}/clientes/${resource.cuit}`;
}

/** One plain HTTP page load with the session cookie, reading the whole streamed body. */
async function visit(url: string, cookie: string): Promise<Visit> {
  const start = performance.now();
  try {
    const response = await fetch(url, {
      headers: { cookie },
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
    const body = await response.text();
    return { url, status: response.status, body, ms: performance.now() - start };
  } catch (error) {
    return { url, status: 0, body: String(error), ms: performance.now() - start };
  }
}

/**
 * Makes the resource stale, has TusFacturas answer its method in `latencyMs`, then loads its
 * page `visits` times at once, spread round-robin over `instances`, and counts at the emulator.
 */
export async function staleBurst(input: {
  pool: Pool;
  emulator: EmulatorControl;
  apikey: string;
  resource: StaleResource;
  instances: readonly Pick<InstanceRecord, "url">[];
  cookie: string;
  visits?: number;
  latencyMs?: number;
}): Promise<BurstResult> {
  const { pool, emulator, apikey, resource, instances, cookie } = input;
  const visits = input.visits ?? 20;
  const method = resource.kind === "consumo" ? CONSUMO : CUENTA_CORRIENTE;
  await makeStale(pool, resource);
  await emulator.injectFault({
    apikey,
    method,
    kind: "latency",
    latencyMs: input.latencyMs ?? 1500,
    count: visits,
  });
  const callsBefore = (await emulator.calls(apikey)).byMethod[method] ?? 0;
  const throttledBefore = await emulator.throttled(apikey);
  const startedAt = new Date();
  const urls = Array.from(
    { length: visits },
    (_, i) => `${instances[i % instances.length]!.url}${pagePath(resource)}`,
  );
  const results = await Promise.all(urls.map((url) => visit(url, cookie)));
  // A retry an instance might still send after its visit answered counts too.
  await sleep(1000);
  const billed = ((await emulator.calls(apikey)).byMethod[method] ?? 0) - callsBefore;
  const throttled = (await emulator.throttled(apikey)) - throttledBefore;
  return {
    billed,
    throttled,
    visits: results,
    freshFetchedAt: await newestFetchedAt(pool, resource),
    startedAt,
  };
}
