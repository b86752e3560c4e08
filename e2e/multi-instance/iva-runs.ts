/**
 * IVA runs over ten businesses for the multi-instance suite: set up through the UI once,
 * started from `/iva`, followed in `iva_requests`, and checked against the emulator's outbox.
 */
import type { Page } from "@playwright/test";
import type { Pool } from "pg";
import { currentPeriod, formatPeriod, type Period } from "../../lib/iva/period";
import type { EmulatorControl } from "../../lib/tusfacturas/emulator/control";
import { accounts, addBusiness, expect, signIn, signUp, type TestUser } from "../fixtures";
import { sleep, type InstanceRecord } from "./cluster";

export const IVA = "micuenta/iva_compras_ventas";
const TERMINAL = ["sent", "rejected", "failed", "unconfirmed", "skipped", "cancelled"];

/** Ten seeded accounts (1003–1012), one business each: the outbox tells them apart. */
const RUN_ACCOUNTS = [
  accounts.a1003,
  accounts.a1004,
  accounts.a1005,
  accounts.a1006,
  accounts.a1007,
  accounts.a1008,
  accounts.a1009,
  accounts.a1010,
  accounts.a1011,
  accounts.a1012,
];

export type RunBusiness = { id: string; razonSocial: string; apikey: string };
export type IvaSetup = { user: TestUser; businesses: RunBusiness[] };

export type RunRow = {
  id: string;
  businessId: string;
  status: string;
  leaseOwner: string | null;
  requestedAt: string | null;
  completedAt: string | null;
  messages: string[];
};

/** Signs up a user who owns the ten businesses (each save verifies its credentials). */
export async function setUpIvaBusinesses(page: Page): Promise<IvaSetup> {
  const user = await signUp(page);
  const businesses: RunBusiness[] = [];
  for (const [i, account] of RUN_ACCOUNTS.entries()) {
    const razonSocial = `Lote ${String(i + 1).padStart(2, "0")} ${account.apikey}`;
    businesses.push({
      id: await addBusiness(page, account, razonSocial),
      razonSocial,
      apikey: account.apikey,
    });
  }
  return { user, businesses };
}

export async function signInAs(page: Page, setup: IvaSetup): Promise<void> {
  await signIn(page, setup.user);
}

/** `monthsAgo` months before the current one (1 = the month the forms preselect). */
export function periodMonthsAgo(monthsAgo: number, now = new Date()): Period {
  const { anio, mes } = currentPeriod(now);
  const index = anio * 12 + (mes - 1) - monthsAgo;
  return { anio: Math.floor(index / 12), mes: (index % 12) + 1 };
}

/**
 * Fails with a clear message when the database lacks what the multi-instance mechanism adds
 * (`iva_requests.lease_owner`, `tablero_instances`).
 */
export async function expectLeaseSchema(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ what: string }>(
    `select 'iva_requests.lease_owner' as what from information_schema.columns
      where table_name = 'iva_requests' and column_name = 'lease_owner'
     union all
     select 'tablero_instances' from information_schema.tables where table_name = 'tablero_instances'`,
  );
  expect(
    rows.map((r) => r.what).sort(),
    "the database has iva_requests.lease_owner and tablero_instances (the leases of issue 9)",
  ).toEqual(["iva_requests.lease_owner", "tablero_instances"]);
}

/**
 * "Solicitar para varias empresas" at `/iva` for every business of the user, for `period` and
 * the user's own address; returns the run's id once the page follows it.
 */
export async function startRun(page: Page, period: Period, businesses: number): Promise<string> {
  await page.goto("/iva");
  const form = page.getByRole("form", { name: "Solicitar para varias empresas" });
  await form.getByLabel("Año").selectOption(String(period.anio));
  await form.getByLabel("Mes").selectOption(String(period.mes));
  await form.getByRole("button", { name: "Solicitar reportes" }).click();
  const confirmation = form.getByRole("group", { name: /Vas a pedir el reporte/ });
  await expect(confirmation).toContainText(`de ${formatPeriod(period)} de ${businesses} empresas`);
  await confirmation.getByRole("button", { name: "Confirmar y enviar" }).click();
  await page.waitForURL(/\/iva\?lote=[0-9a-f-]{36}$/);
  return new URL(page.url()).searchParams.get("lote")!;
}

export async function runRows(pool: Pool, batchId: string): Promise<RunRow[]> {
  const { rows } = await pool.query<{
    id: string;
    business_id: string;
    status: string;
    lease_owner: string | null;
    requested_at: Date | null;
    completed_at: Date | null;
    messages: string[];
  }>(
    `select id, business_id, status, lease_owner, requested_at, completed_at, messages
       from iva_requests where batch_id = $1 order by business_id`,
    [batchId],
  );
  return rows.map((r) => ({
    id: r.id,
    businessId: r.business_id,
    status: r.status,
    leaseOwner: r.lease_owner,
    requestedAt: r.requested_at?.toISOString() ?? null,
    completedAt: r.completed_at?.toISOString() ?? null,
    messages: r.messages,
  }));
}

export function describeRows(rows: readonly RunRow[], businesses: readonly RunBusiness[]): string {
  const name = (id: string) => businesses.find((b) => b.id === id)?.razonSocial ?? id;
  return rows
    .map((r) => `  ${name(r.businessId)}: ${r.status}${r.leaseOwner ? ` (${r.leaseOwner})` : ""}`)
    .join("\n");
}

/** IVA calls the emulator received, by apikey, for these businesses. */
export async function ivaCalls(
  emulator: EmulatorControl,
  businesses: readonly RunBusiness[],
): Promise<Map<string, number>> {
  const report = await emulator.allCalls();
  return new Map(businesses.map((b) => [b.apikey, report.byApikey[b.apikey]?.byMethod[IVA] ?? 0]));
}

/**
 * Waits until one of `instances` holds an item of the run "pending" whose call TusFacturas
 * has received (so it is surely in flight); returns that item and its instance.
 */
export async function waitForCallInFlight(input: {
  pool: Pool;
  emulator: EmulatorControl;
  batchId: string;
  businesses: readonly RunBusiness[];
  instances: readonly InstanceRecord[];
  timeoutMs?: number;
}): Promise<{ row: RunRow; owner: InstanceRecord; business: RunBusiness }> {
  const { pool, emulator, batchId, businesses, instances } = input;
  const deadline = Date.now() + (input.timeoutMs ?? 30_000);
  let rows: RunRow[] = [];
  while (Date.now() < deadline) {
    rows = await runRows(pool, batchId);
    const calls = await ivaCalls(emulator, businesses);
    for (const row of rows) {
      if (row.status !== "pending") continue;
      const owner = instances.find((i) => i.id !== null && i.id === row.leaseOwner);
      const business = businesses.find((b) => b.id === row.businessId);
      if (owner && business && (calls.get(business.apikey) ?? 0) > 0)
        return { row, owner, business };
    }
    await sleep(25);
  }
  throw new Error(
    `Ninguna instancia (${instances.map((i) => `${i.name}=${i.id ?? "sin id"}`).join(", ")}) ` +
      `tuvo un pedido "pending" con lease_owner propio y la llamada ya en TusFacturas.\n` +
      describeRows(rows, businesses),
  );
}

/** Waits until no item of the run is queued or pending; returns the rows. */
export async function waitUntilFinished(
  pool: Pool,
  batchId: string,
  businesses: readonly RunBusiness[],
  timeoutMs = 60_000,
): Promise<RunRow[]> {
  const deadline = Date.now() + timeoutMs;
  let rows: RunRow[] = [];
  while (Date.now() < deadline) {
    rows = await runRows(pool, batchId);
    if (rows.length > 0 && rows.every((r) => TERMINAL.includes(r.status))) return rows;
    await sleep(200);
  }
  throw new Error(
    `El lote no terminó en ${timeoutMs / 1000} s (cada pedido debería quedar en un estado final):\n` +
      describeRows(rows, businesses),
  );
}

/** Outbox entries (emails TusFacturas sent) for `period` and `email`, by apikey. */
export async function outboxByApikey(
  emulator: EmulatorControl,
  period: Period,
  email: string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const entry of await emulator.outbox()) {
    if (entry.anio !== period.anio || entry.mes !== period.mes) continue;
    if (entry.email.toLowerCase() !== email.toLowerCase()) continue;
    counts.set(entry.apikey, (counts.get(entry.apikey) ?? 0) + 1);
  }
  return counts;
}

/** Every business's IVA requests for `period` (any run, any status): none should be repeated. */
export async function requestsPerBusiness(
  pool: Pool,
  businesses: readonly RunBusiness[],
  period: Period,
): Promise<Map<string, string[]>> {
  const { rows } = await pool.query<{ business_id: string; status: string }>(
    `select business_id, status from iva_requests
      where business_id = any($1::uuid[]) and anio = $2 and mes = $3`,
    [businesses.map((b) => b.id), period.anio, period.mes],
  );
  const byBusiness = new Map<string, string[]>(businesses.map((b) => [b.id, []]));
  for (const row of rows) byBusiness.get(row.business_id)?.push(row.status);
  return byBusiness;
}
