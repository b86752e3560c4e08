import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditService } from "@/lib/audit/service";
import { createBusinessesService } from "@/lib/businesses/service";
import { tusfacturasRequests } from "@/lib/db/schema";
import { createSpendingGuard } from "@/lib/spending/guard";
import { databaseEngines, insertTestUser, type DatabaseEngine } from "@/lib/testing/test-database";
import { credentialsOf, setupEmulator } from "@/lib/testing/tusfacturas/emulator-harness";
import { recordUpstream, reportAttempt } from "./record";

type Handle = Awaited<ReturnType<DatabaseEngine["open"]>>;

const h = setupEmulator();
const A1003 = credentialsOf("1003");

describe.each(databaseEngines())("free lookups through the app's record on $name", (engine) => {
  let handle: Handle;
  let businessId: string;
  let userId: string;
  beforeAll(async () => {
    handle = await engine.open();
    userId = await insertTestUser(handle.db);
    const keyring = new Map([[1, Buffer.alloc(32, 7)]]);
    businessId = await createBusinessesService({ db: handle.db, keyring }).insertBusiness(userId, {
      razonSocial: "Consultas",
      cuit: "20055361682",
      credentials: A1003,
    });
  });
  afterAll(() => handle?.close());

  it("every attempt is recorded, marked free, and none counts as billed", async () => {
    const client = h.client({ onCall: reportAttempt });
    const at = new Date("2026-11-21T12:00:00Z");
    const call = { businessId, userId, now: () => at };
    // One 429 first: the retry is recorded too, and is free as well.
    await h.control.injectFault({ count: 1, apikey: "1003", kind: "http429" });
    const page = await recordUpstream(
      handle.db,
      { ...call, method: "facturacion/consulta_avanzada", subject: "2025-11-14" },
      () => client.consultaAvanzadaPorFecha(A1003, { fecha: "2025-11-14", pagina: 0, limite: 2 }),
    );
    expect(page.total).toBe(5);
    await recordUpstream(handle.db, { ...call, method: "micuenta/consumo" }, () =>
      client.consumo(A1003),
    );

    const rows = await handle.db
      .select({
        method: tusfacturasRequests.method,
        outcome: tusfacturasRequests.outcome,
        billed: tusfacturasRequests.billed,
      })
      .from(tusfacturasRequests)
      .where(eq(tusfacturasRequests.businessId, businessId))
      .orderBy(tusfacturasRequests.method, tusfacturasRequests.outcome);
    expect(rows).toEqual([
      { method: "facturacion/consulta_avanzada", outcome: "error", billed: false },
      { method: "facturacion/consulta_avanzada", outcome: "ok", billed: false },
      { method: "micuenta/consumo", outcome: "ok", billed: true },
    ]);
    expect(await h.control.calls("1003")).toMatchObject({ total: 3 });
    expect(await h.control.billed("1003")).toBe(1);

    const audit = createAuditService({ db: handle.db, now: () => at });
    await expect(audit.requestsThisMonth(businessId)).resolves.toEqual([
      { method: "micuenta/consumo", requests: 1 },
    ]);
    const spending = createSpendingGuard({
      db: handle.db,
      audit,
      now: () => at,
      refreshIntervalMs: 60_000,
    });
    await expect(spending.budget(businessId)).resolves.toMatchObject({ used: 1 });
  });
});
