import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBusinessesService } from "@/lib/businesses/service";
import { createClientesService } from "@/lib/clientes/service";
import type { Keyring } from "@/lib/crypto/secrets";
import { createCuentaCorrienteService } from "@/lib/cuenta-corriente/service";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  comprobanteVencimientos,
  cuentaCorrienteSnapshots,
  tusfacturasCredentials,
} from "@/lib/db/schema";
import type { JobPayloads } from "@/lib/jobs/queue";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { credentialsOf, setupEmulator } from "@/lib/testing/tusfacturas/emulator-harness";
import { reportAttempt } from "@/lib/upstream/record";
import { createVencimientosService } from "./service";

const h = setupEmulator();
const LOPEZ = "33715443215"; // 1002's client: FA 1034 (partly paid), FA 1066 and ND 21 unpaid
const PRUEBA = "30555666779"; // 1003's client: two facturas of punto de venta 2, not 1003's

describe.each(databaseEngines())("vencimientos service on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  async function scenario(apikey: "1002" | "1003", cuit: string, stopping = () => false) {
    const { db } = handle;
    const at = new Date("2026-11-20T12:00:00Z");
    const keyring: Keyring = new Map([[1, randomBytes(32)]]);
    const clientes = createClientesService({ db });
    const userId = await insertTestUser(db);
    const businessId = await createBusinessesService({ db, keyring }).insertBusiness(userId, {
      razonSocial: `Empresa ${apikey}`,
      cuit: "20055361682",
      credentials: credentialsOf(apikey),
    });
    await db
      .update(tusfacturasCredentials)
      .set({ status: "verified" })
      .where(eq(tusfacturasCredentials.businessId, businessId));
    await clientes.insertClient(businessId, { cuit, nombre: "Cliente" });
    const client = h.client({ onCall: reportAttempt });
    const jobs: JobPayloads["vencimientos"][] = [];
    const queue = {
      send: async <Q extends keyof JobPayloads>(_tx: unknown, _q: Q, data: JobPayloads[Q]) => {
        jobs.push(data as JobPayloads["vencimientos"]);
      },
    };
    const deps = { db, client, keyring, locks: handle.locks, now: () => at };
    const vencimientos = createVencimientosService({ ...deps, queue, instance: { stopping } });
    const cuentaCorriente = createCuentaCorrienteService({
      ...deps,
      freshnessMs: 60_000,
      clientes,
      vencimientos,
    });
    await cuentaCorriente.refresh(businessId, cuit, userId);
    return { businessId, userId, vencimientos, cuentaCorriente, jobs };
  }

  const calls = async (apikey: string) => (await h.control.calls(apikey)).total;

  it("looks up a ledger's unpaid comprobantes once, free, in as few calls as ranges allow", async () => {
    const { businessId, vencimientos, cuentaCorriente, jobs } = await scenario("1002", LOPEZ);
    // Storing the ledger queued its lookups; the page shows them pending meanwhile.
    expect(jobs).toEqual([{ businessId, cuit: LOPEZ }]);
    await expect(vencimientos.forLedger(businessId, LOPEZ)).resolves.toEqual({
      byKey: {},
      pending: 3,
    });
    const before = await calls("1002");
    const billed = await h.control.billed("1002"); // the cuenta corriente itself

    // FACTURA A 1034 and 1066 in one range, NOTA DE DEBITO A 21 on its own; none billed.
    await expect(vencimientos.work({ businessId, cuit: LOPEZ })).resolves.toBe(2);
    expect((await calls("1002")) - before).toBe(2);
    expect((await h.control.billed("1002")) - billed).toBe(0);

    const view = await vencimientos.forLedger(businessId, LOPEZ);
    expect(view).toEqual({
      pending: 0,
      byKey: {
        "FACTURA A|1|1034": { found: true, vence: "2025-10-01", estado: "pago_parcial" },
        "FACTURA A|1|1066": { found: true, vence: "2025-10-31", estado: "impaga" },
        "NOTA DE DEBITO A|1|21": { found: true, vence: "2025-10-31", estado: "impaga" },
      },
    });

    // A second run, or a visit's job after it, asks nothing.
    await expect(vencimientos.work({ businessId, cuit: LOPEZ })).resolves.toBe(0);
    expect((await calls("1002")) - before).toBe(2);

    // The cartera weighs what is owed against the stored due dates: all of it is overdue.
    const [row] = await cuentaCorriente.cartera(businessId);
    expect(row?.ledger).toMatchObject({
      restaAbonarCentavos: 140_370_33,
      vencidoCentavos: 140_370_33,
    });
  });

  it("a stopping instance hands the job back between lookups, keeping what it learnt", async () => {
    // Stopping from the second lookup on (a SIGTERM during the first).
    let asked = 0;
    let stoppingNow = () => asked++ >= 1;
    const { businessId, vencimientos } = await scenario("1002", LOPEZ, () => stoppingNow());
    const before = await calls("1002");

    await expect(vencimientos.work({ businessId, cuit: LOPEZ })).rejects.toThrow(/handed back/);
    expect((await calls("1002")) - before).toBe(1);
    // The range asked for is stored; its retry, on an instance that is not stopping, asks
    // only for the rest.
    expect(await vencimientos.forLedger(businessId, LOPEZ)).toMatchObject({ pending: 1 });
    stoppingNow = () => false;
    await expect(vencimientos.work({ businessId, cuit: LOPEZ })).resolves.toBe(1);
    expect((await calls("1002")) - before).toBe(2);
    expect(await vencimientos.forLedger(businessId, LOPEZ)).toMatchObject({ pending: 0 });
  });

  it("remembers comprobantes TusFacturas does not know as sin dato", async () => {
    const { businessId, vencimientos } = await scenario("1003", PRUEBA);
    const before = await calls("1003");
    const billed = await h.control.billed("1003");
    await expect(vencimientos.work({ businessId, cuit: PRUEBA })).resolves.toBe(1);
    const rows = await handle.db
      .select({ numero: comprobanteVencimientos.numero, found: comprobanteVencimientos.found })
      .from(comprobanteVencimientos)
      .where(eq(comprobanteVencimientos.businessId, businessId))
      .orderBy(comprobanteVencimientos.numero);
    expect(rows).toEqual([
      { numero: 1, found: false },
      { numero: 2, found: false },
    ]);
    await expect(vencimientos.work({ businessId, cuit: PRUEBA })).resolves.toBe(0);
    expect((await calls("1003")) - before).toBe(1);
    expect((await h.control.billed("1003")) - billed).toBe(0);
    await expect(vencimientos.forLedger(businessId, PRUEBA)).resolves.toMatchObject({
      pending: 0,
    });
  });

  it("fills in the unpaid comprobantes of a copy stored before they were kept", async () => {
    const { businessId, vencimientos, cuentaCorriente } = await scenario("1002", LOPEZ);
    await handle.db
      .update(cuentaCorrienteSnapshots)
      .set({ unpaid: null })
      .where(eq(cuentaCorrienteSnapshots.businessId, businessId));
    expect((await cuentaCorriente.cartera(businessId))[0]?.ledger?.vencidoCentavos).toBeNull();
    await expect(vencimientos.forLedger(businessId, LOPEZ)).resolves.toMatchObject({
      pending: 1,
    });
    // The previous test's lookups belong to another business: this one asks again.
    await expect(vencimientos.work({ businessId, cuit: LOPEZ })).resolves.toBe(2);
    expect((await cuentaCorriente.cartera(businessId))[0]?.ledger?.vencidoCentavos).toBe(
      140_370_33,
    );
  });
});
