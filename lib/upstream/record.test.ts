import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, tusfacturasRequests } from "@/lib/db/schema";
import { databaseEngines, insertTestUser, type DatabaseEngine } from "@/lib/testing/test-database";
import { createAuditService } from "@/lib/audit/service";
import { createBusinessesService } from "@/lib/businesses/service";
import { createSpendingGuard } from "@/lib/spending/guard";
import { TusFacturasError } from "@/lib/tusfacturas";

type Handle = Awaited<ReturnType<DatabaseEngine["open"]>>;

/** A second, separate copy of record.ts, as Next's other bundle layers have. */
async function freshCopy() {
  vi.resetModules();
  return import("./record");
}

describe.each(databaseEngines())("recordUpstream on $name", (engine) => {
  let handle: Handle;
  let businessId: string;
  let userId: string;
  beforeAll(async () => {
    handle = await engine.open();
    userId = await insertTestUser(handle.db);
    const keyring = new Map([[1, Buffer.alloc(32, 7)]]);
    businessId = await createBusinessesService({ db: handle.db, keyring }).insertBusiness(userId, {
      razonSocial: "Registro",
      cuit: "20055361682",
      credentials: { apikey: "1", apitoken: "a", usertoken: "b" },
    });
  });
  afterAll(() => handle?.close());

  it("counts attempts reported by another copy of the module, and logs one audit line", async () => {
    const { recordUpstream } = await freshCopy();
    const { reportAttempt } = await freshCopy();
    const at = new Date("2026-11-20T12:00:00Z");
    await expect(
      recordUpstream(
        handle.db,
        { businessId, userId, method: "micuenta/consumo", now: () => at },
        async () => {
          reportAttempt({ ok: false, code: "unavailable" });
          reportAttempt({ ok: false, code: "unavailable" });
          throw new TusFacturasError("unavailable");
        },
      ),
    ).rejects.toThrow();
    const requests = await handle.db
      .select({ outcome: tusfacturasRequests.outcome, message: tusfacturasRequests.errorMessage })
      .from(tusfacturasRequests)
      .where(eq(tusfacturasRequests.businessId, businessId));
    expect(requests).toEqual([
      { outcome: "error", message: null },
      {
        outcome: "error",
        message: "TusFacturas no está disponible en este momento. Probá de nuevo en unos minutos.",
      },
    ]);
    const audit = await handle.db
      .select({
        action: auditEvents.action,
        outcome: auditEvents.outcome,
        requests: auditEvents.requests,
      })
      .from(auditEvents)
      .where(eq(auditEvents.businessId, businessId));
    expect(audit).toEqual([{ action: "consumo.refresh", outcome: "error", requests: 2 }]);
  });

  it("records free lookups marked free, and counts none of them as billed", async () => {
    const { recordUpstream, reportAttempt } = await import("./record");
    const at = new Date("2026-11-21T12:00:00Z");
    const method = "facturacion/consulta_avanzada";
    await recordUpstream(handle.db, { businessId, userId, method, now: () => at }, async () => {
      reportAttempt({ ok: false, code: "rate_limited", billed: false });
      reportAttempt({ ok: true, billed: false });
    });
    const rows = await handle.db
      .select({ method: tusfacturasRequests.method, billed: tusfacturasRequests.billed })
      .from(tusfacturasRequests)
      .where(eq(tusfacturasRequests.businessId, businessId));
    expect(rows.filter((r) => r.method === method)).toEqual([
      { method, billed: false },
      { method, billed: false },
    ]);
    // The two billed consumo attempts of the test above, and nothing else.
    expect(rows.filter((r) => r.billed)).toHaveLength(2);
    const audit = createAuditService({ db: handle.db, now: () => at });
    await expect(audit.requestsThisMonth(businessId)).resolves.toEqual([
      { method: "micuenta/consumo", requests: 2 },
    ]);
    const spending = createSpendingGuard({
      db: handle.db,
      audit,
      now: () => at,
      refreshIntervalMs: 60_000,
    });
    await expect(spending.budget(businessId)).resolves.toMatchObject({ used: 2 });
  });
});
