import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clientImports, clients, tusfacturasRequests } from "@/lib/db/schema";
import {
  startClientImportHarness,
  type ClientImportHarness,
} from "@/lib/testing/client-import-harness";
import { databaseEngines } from "@/lib/testing/test-database";

vi.mock("server-only", () => ({}));

// Account 1001's sales from 01/08/2025 to 15/11/2025 (107 days): two clients with a CUIT,
// two consumidores finales with a DNI only (lib/tusfacturas/fixtures/accounts.json).
const RANGE = { desde: "2025-08-01", hasta: "2025-11-15" };
const DAYS = 107;
const TREBOL = "30708123451";
const RAMIREZ = "20401234560";

describe.each(databaseEngines())("client import on $name", (engine) => {
  let h: ClientImportHarness;
  beforeAll(async () => {
    h = await startClientImportHarness(engine);
  }, 60_000);
  afterAll(() => h?.close());
  beforeEach(() => h.control.reset());

  it("walks every day once, free, and lists whom it found: counts, last dates, DNI apart", async () => {
    const svc = h.service();
    const { userId, businessId } = await h.business("1001");
    await h.db.insert(clients).values({ businessId, cuit: TREBOL, nombre: "El Trébol" });

    const { importId, started } = await svc.start({ businessId, userId, ...RANGE });
    expect(started).toBe(true);
    const view = await h.settled(svc, businessId, importId);

    expect(view).toMatchObject({ status: "done", daysTotal: DAYS, daysDone: DAYS, error: null });
    expect(view.clients).toEqual([
      {
        cuit: RAMIREZ,
        razonSocial: "ALBERTO RAMIREZ",
        comprobantes: 1,
        ultimaFecha: "2025-08-05",
        enCartera: false,
      },
      {
        cuit: TREBOL,
        razonSocial: "SUPERMERCADO EL TREBOL S.A.",
        comprobantes: 1,
        ultimaFecha: "2025-11-14",
        enCartera: true,
      },
    ]);
    expect(view.withoutCuit).toEqual([
      {
        documentoTipo: "DNI",
        documentoNro: "25999888",
        razonSocial: "JORGE GIMENEZ",
        comprobantes: 1,
        ultimaFecha: "2025-11-13",
      },
      {
        documentoTipo: "DNI",
        documentoNro: "30111222",
        razonSocial: "LUCIA FERNANDEZ",
        comprobantes: 2,
        ultimaFecha: "2025-11-13",
      },
    ]);
    // One lookup per day, none of them billed, each recorded as free.
    expect((await h.control.calls("1001")).total).toBe(DAYS);
    expect(await h.control.billed("1001")).toBe(0);
    const recorded = await h.db
      .select({ billed: tusfacturasRequests.billed })
      .from(tusfacturasRequests)
      .where(eq(tusfacturasRequests.businessId, businessId));
    expect(recorded).toHaveLength(DAYS);
    expect(recorded.every((row) => !row.billed)).toBe(true);
  });

  it("a retried job goes on from the last day done, never walking a finished day again", async () => {
    const { userId, businessId } = await h.business("1001");
    // This instance starts stopping after 30 days: its job is handed back mid-walk.
    const first = h.service({ stopping: (calls) => calls >= 30 });
    const { importId } = await first.start({ businessId, userId, ...RANGE });
    const stopped = async () => {
      const [row] = await h.db
        .select({ daysDone: clientImports.daysDone })
        .from(clientImports)
        .where(eq(clientImports.id, importId));
      return row!.daysDone;
    };
    await vi.waitFor(async () => expect(await stopped()).toBe(30), { timeout: 15_000 });
    // Another instance takes the retried job.
    const second = h.service();
    const view = await h.settled(second, businessId, importId);

    expect(view).toMatchObject({ status: "done", daysDone: DAYS });
    expect(view.clients.map((c) => c.cuit)).toEqual([RAMIREZ, TREBOL]);
    expect(view.withoutCuit.map((c) => c.comprobantes)).toEqual([1, 2]);
    expect((await h.control.calls("1001")).total).toBe(DAYS);
  });

  it("pauses as failed, with the reason, when TusFacturas cannot be reached; resumes", async () => {
    const svc = h.service();
    const { userId, businessId } = await h.business("1003");
    // The first lookup and its two retries fail.
    await h.control.injectFault({ count: 3, kind: "http500", apikey: "1003" });
    const { importId } = await svc.start({ businessId, userId, ...RANGE });
    const failed = await h.settled(svc, businessId, importId);
    expect(failed).toMatchObject({ status: "failed", daysDone: 0 });
    expect(failed.error).toMatch(/TusFacturas/);

    await svc.resume(businessId, importId);
    const view = await h.settled(svc, businessId, importId);
    expect(view).toMatchObject({ status: "done", daysDone: DAYS, error: null });
    expect(view.clients).toEqual([
      expect.objectContaining({ cuit: "30555666779", comprobantes: 1, ultimaFecha: "2025-11-14" }),
    ]);
    expect(view.withoutCuit.map((c) => [c.razonSocial, c.comprobantes])).toEqual([
      ["CONSUMIDOR FINAL", 1],
      ["JUAN CARLOS PEREZ", 2],
      ["ROSA MUÑOZ", 1],
    ]);
    expect((await h.control.calls("1003")).total).toBe(DAYS + 3);
    expect(await h.control.billed("1003")).toBe(0);
  });

  it("«Cancelar» stops at the next day and keeps what was found", async () => {
    const svc = h.service({ latencyMs: 20 });
    const { userId, businessId } = await h.business("1001");
    const { importId } = await svc.start({ businessId, userId, ...RANGE });
    await vi.waitFor(
      async () => expect((await svc.view(businessId, importId))!.daysDone).toBeGreaterThan(5),
      { timeout: 15_000 },
    );
    await svc.cancel(businessId, importId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const view = (await svc.view(businessId, importId))!;
    expect(view.status).toBe("cancelled");
    expect(view.daysDone).toBeLessThan(DAYS);
    // RAMIREZ's 05/08 is the 5th day: found before the cancel, kept.
    expect(view.clients.map((c) => c.cuit)).toEqual([RAMIREZ]);
    const calls = (await h.control.calls("1001")).total;
    expect(calls).toBeLessThanOrEqual(view.daysDone + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await h.control.calls("1001")).total).toBe(calls);
    await expect(svc.cancel(businessId, importId)).rejects.toMatchObject({ code: "conflict" });
  });

  it("runs one import at a time per business: a second start answers the running one", async () => {
    const svc = h.service({ latencyMs: 20 });
    const { userId, businessId } = await h.business("1001");
    const [a, b] = await Promise.all([
      svc.start({ businessId, userId, ...RANGE }),
      svc.start({ businessId, userId, desde: "2025-11-01", hasta: "2025-11-15" }),
    ]);
    expect(a.importId).toBe(b.importId);
    expect([a.started, b.started].sort()).toEqual([false, true]);
    const again = await svc.start({ businessId, userId, ...RANGE });
    expect(again).toEqual({ importId: a.importId, started: false });
    const rows = await h.db
      .select({ id: clientImports.id })
      .from(clientImports)
      .where(eq(clientImports.businessId, businessId));
    expect(rows).toHaveLength(1);
    await svc.cancel(businessId, a.importId);
  });

  it("refuses to start without verified credentials, recording nothing", async () => {
    const svc = h.service();
    const { userId, businessId } = await h.business("1001", { verified: false });
    await expect(svc.start({ businessId, userId, ...RANGE })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/no están verificadas/),
    });
    expect(await svc.view(businessId)).toBeNull();
    expect((await h.control.calls("1001")).total).toBe(0);
  });

  it("imports only CUITs that import found, once, into its own business", async () => {
    const svc = h.service();
    const { userId, businessId } = await h.business("1001");
    const other = await h.business("1001");
    const { importId } = await svc.start({ businessId, userId, ...RANGE });
    await h.settled(svc, businessId, importId);

    // A DNI, a CUIT it did not find: refused.
    for (const cuits of [["30111222000"], ["30555666779"], [RAMIREZ, "27285051466"]])
      await expect(svc.importClients(businessId, importId, cuits)).rejects.toMatchObject({
        code: "invalid",
      });
    // Another business naming this import does not find it.
    await expect(svc.importClients(other.businessId, importId, [RAMIREZ])).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(svc.cancel(other.businessId, importId)).rejects.toMatchObject({
      code: "not_found",
    });

    expect(await svc.importClients(businessId, importId, [RAMIREZ, TREBOL])).toEqual({
      added: [
        { cuit: RAMIREZ, nombre: "ALBERTO RAMIREZ" },
        { cuit: TREBOL, nombre: "SUPERMERCADO EL TREBOL S.A." },
      ],
      already: 0,
    });
    expect(await svc.importClients(businessId, importId, [RAMIREZ])).toEqual({
      added: [],
      already: 1,
    });
    const view = (await svc.view(businessId, importId))!;
    expect(view.clients.every((c) => c.enCartera)).toBe(true);
    expect(
      await h.db
        .select({ cuit: clients.cuit })
        .from(clients)
        .where(and(eq(clients.businessId, other.businessId))),
    ).toEqual([]);
    expect(await svc.view(other.businessId, importId)).toBeNull();
  });
});
