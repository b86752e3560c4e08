import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { createAuditService } from "@/lib/audit/service";
import { createBusinessesService } from "@/lib/businesses/service";
import { createClientesService } from "@/lib/clientes/service";
import { cuitCheckDigit } from "@/lib/cuit";
import type { Keyring } from "@/lib/crypto/secrets";
import {
  cuentaCorrienteSnapshots,
  tusfacturasCredentials,
  tusfacturasRequests,
} from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/client";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createTusFacturasClient, TusFacturasError } from "@/lib/tusfacturas";
import { createEmulatorControl, type EmulatorControl } from "@/lib/tusfacturas/emulator/control";
import { startEmulator, type RunningEmulator } from "@/lib/tusfacturas/emulator/server";
import { createSpendingGuard } from "@/lib/spending/guard";
import { reportAttempt } from "@/lib/upstream/record";
import { unpackMovimientos } from "./packed";
import { createCuentaCorrienteService, CUENTA_CORRIENTE_METHOD } from "./service";

const FRESHNESS_MS = 15 * 60_000;
const PRUEBA = "30555666779"; // "CUIT DE PRUEBA": the docs' two rows of 112,10
const SIN_MOVIMIENTOS = "30700987651";
const NO_EN_TUSFACTURAS = "27285051466";

describe.each(databaseEngines())("cuenta corriente service on $name", (engine) => {
  let handle: DatabaseHandle;
  let emulator: RunningEmulator;
  let control: EmulatorControl;
  beforeAll(async () => {
    [handle, emulator] = await Promise.all([
      engine.open(),
      startEmulator({ port: 0, quiet: true }),
    ]);
    control = createEmulatorControl(emulator.url);
  });
  afterAll(() => Promise.all([handle?.close(), emulator?.close()]));
  beforeEach(() => control.reset());

  async function scenario(
    apikey: "1003" | "1004" | "1005",
    verified = true,
    { budget }: { budget?: number } = {},
  ) {
    const { db } = handle;
    let clock = Date.parse("2026-11-20T12:00:00.000Z");
    const now = () => new Date(clock);
    // With a budget: the app's spending guard, its monthly budget set by an owner.
    const spending =
      budget === undefined
        ? undefined
        : createSpendingGuard({
            db,
            audit: createAuditService({ db, now }),
            now,
            refreshIntervalMs: 60_000,
          });
    const keyring: Keyring = new Map([[1, randomBytes(32)]]);
    const clientes = createClientesService({ db });
    const userId = await insertTestUser(db);
    const businessId = await createBusinessesService({ db, keyring }).insertBusiness(userId, {
      razonSocial: `Empresa ${apikey}`,
      cuit: "20055361682",
      credentials: { apikey, apitoken: `test${apikey}token`, usertoken: `test${apikey}user` },
    });
    if (verified)
      await db
        .update(tusfacturasCredentials)
        .set({ status: "verified" })
        .where(eq(tusfacturasCredentials.businessId, businessId));
    for (const [cuit, nombre] of [
      [PRUEBA, "CUIT DE PRUEBA"],
      [SIN_MOVIMIENTOS, "CLIENTE SIN MOVIMIENTOS"],
      [NO_EN_TUSFACTURAS, "NO ESTÁ EN TUSFACTURAS"],
    ] as const)
      await clientes.insertClient(businessId, { cuit, nombre });
    const service = createCuentaCorrienteService({
      db,
      client: createTusFacturasClient({
        baseUrl: emulator.url,
        retryBaseDelayMs: 1,
        onCall: (event) => {
          clock += 1;
          reportAttempt(event);
        },
      }),
      keyring,
      locks: handle.locks,
      freshnessMs: FRESHNESS_MS,
      now,
      clientes,
      spending,
    });
    if (spending && budget !== undefined) await spending.setBudget(businessId, budget);
    return {
      service,
      userId,
      businessId,
      advance: (ms: number) => (clock += ms),
      calls: async () => (await control.calls(apikey)).total,
      snapshots: (cuit: string) =>
        db
          .select()
          .from(cuentaCorrienteSnapshots)
          .where(
            and(
              eq(cuentaCorrienteSnapshots.businessId, businessId),
              eq(cuentaCorrienteSnapshots.cuit, cuit),
            ),
          ),
      requests: () =>
        db
          .select({ method: tusfacturasRequests.method, subject: tusfacturasRequests.subject })
          .from(tusfacturasRequests)
          .where(eq(tusfacturasRequests.businessId, businessId)),
    };
  }

  it("refresh stores the ledger with the cartera's figures precomputed", async () => {
    const t = await scenario("1003");
    const view = await t.service.refresh(t.businessId, PRUEBA, t.userId);

    expect(view.cliente).toMatchObject({ cuit: PRUEBA, nombre: "CUIT DE PRUEBA" });
    expect(view.snapshot?.movimientos).toBe(2);
    const stored = await t.service.movimientos(t.businessId, PRUEBA, view.snapshot!.id);
    expect(
      unpackMovimientos(stored!).map((m) => [m.fecha, m.debeCentavos, m.saldoCentavos]),
    ).toEqual([
      ["2017-05-11", 11_210, 11_210],
      ["2017-05-11", 11_210, 22_420],
    ]);
    expect(view.lastError).toBeNull();
    const [row] = await t.snapshots(PRUEBA);
    expect(row).toMatchObject({
      movimientosCount: 2,
      saldoCentavos: 22_420,
      restaAbonarCentavos: 22_420,
      oldestUnpaidFecha: "2017-05-11",
    });
    expect(await t.calls()).toBe(1);
    expect(await t.requests()).toEqual([{ method: CUENTA_CORRIENTE_METHOD, subject: PRUEBA }]);
  });

  it("visits within the window make no call; a stale copy is refreshed once for five visits", async () => {
    const t = await scenario("1004");
    await t.service.refresh(t.businessId, PRUEBA, t.userId);
    t.advance(FRESHNESS_MS - 10);
    await t.service.load(t.businessId, PRUEBA, t.userId);
    expect((await t.service.peek(t.businessId, PRUEBA)).refreshing).toBe(false);
    expect(await t.calls()).toBe(1);

    t.advance(10);
    expect((await t.service.peek(t.businessId, PRUEBA)).refreshing).toBe(true);
    await Promise.all(
      Array.from({ length: 5 }, () => t.service.load(t.businessId, PRUEBA, t.userId)),
    );
    expect(await t.calls()).toBe(2);
  });

  it("refreshes of several clients at once never spend past the month's budget", async () => {
    const t = await scenario("1005", true, { budget: 2 });
    // Slow answers: every refresh is admitted before any has recorded its request.
    await control.injectFault({ apikey: "1005", kind: "latency", latencyMs: 150, count: 10 });

    const results = await Promise.allSettled(
      [PRUEBA, SIN_MOVIMIENTOS, NO_EN_TUSFACTURAS].map((cuit) =>
        t.service.refresh(t.businessId, cuit, t.userId),
      ),
    );

    expect(await t.calls()).toBe(2);
    // One refused by the budget (which one depends on the order they got their turn); the
    // client TusFacturas does not know is an upstream error, billed like any answer.
    const budgetRefusals = results.filter(
      (result) =>
        result.status === "rejected" &&
        /Se alcanzó el presupuesto de 2 requests de TusFacturas de este mes/.test(
          (result.reason as Error).message,
        ),
    );
    expect(budgetRefusals).toHaveLength(1);
  });

  it.runIf(engine.name === "postgres")(
    "many ledgers of a business with a slow TusFacturas do not hold up another business's refresh",
    async () => {
      const slowBusiness = await scenario("1005");
      const other = await scenario("1004");
      const more = ["3071234567", "3071234569", "3071234570", "3071234572", "3071234573"].map(
        (firstTen) => `${firstTen}${cuitCheckDigit(firstTen)}`,
      );
      const clientes = createClientesService({ db: handle.db });
      for (const cuit of more)
        await clientes.insertClient(slowBusiness.businessId, { cuit, nombre: `Cliente ${cuit}` });
      await control.injectFault({ apikey: "1005", kind: "latency", latencyMs: 800, count: 20 });

      // Seven ledgers refreshing at once, their calls taking turns at TusFacturas.
      const slow = Promise.allSettled(
        [PRUEBA, SIN_MOVIMIENTOS, ...more].map((cuit) =>
          slowBusiness.service.refresh(slowBusiness.businessId, cuit, slowBusiness.userId),
        ),
      );
      // Time for every one of them to reach its lock (and, locked per client, a connection).
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = performance.now();
      await other.service.refresh(other.businessId, PRUEBA, other.userId);
      // Not after the slow business's turn: locked per client, its refreshes held every lock
      // connection of the process while they waited, and this one waited behind them.
      expect(performance.now() - started).toBeLessThan(700);
      await slow;
      expect(await slowBusiness.calls()).toBe(7);
    },
  );

  it("a client without movements is an empty ledger, not a failure", async () => {
    const t = await scenario("1003");
    const view = await t.service.refresh(t.businessId, SIN_MOVIMIENTOS, t.userId);
    const stored = await t.service.movimientos(t.businessId, SIN_MOVIMIENTOS, view.snapshot!.id);
    expect(unpackMovimientos(stored!)).toEqual([]);
    expect(view.lastError).toBeNull();
    expect((await t.snapshots(SIN_MOVIMIENTOS))[0]).toMatchObject({
      movimientosCount: 0,
      saldoCentavos: 0,
      oldestUnpaidFecha: null,
    });
  });

  it("TusFacturas' own message for an unknown client is kept and shown", async () => {
    const t = await scenario("1005");
    await expect(
      t.service.refresh(t.businessId, NO_EN_TUSFACTURAS, t.userId),
    ).rejects.toBeInstanceOf(TusFacturasError);
    const view = await t.service.load(t.businessId, NO_EN_TUSFACTURAS, t.userId);
    expect(view.snapshot).toBeNull();
    expect(view.lastError?.message).toBe(
      "TusFacturas rechazó el pedido: El cliente no existe en tu cartera",
    );
    // The failed attempt counts for the window: the visit did not call again.
    expect(await t.calls()).toBe(1);
  });

  it("a CUIT outside the business's cartera is not found and costs nothing", async () => {
    const t = await scenario("1003");
    const outside = t.service.refresh(t.businessId, "30712293841", t.userId);
    await expect(outside).rejects.toBeInstanceOf(DomainError);
    await expect(outside).rejects.toMatchObject({ code: "not_found" });
    expect(await t.calls()).toBe(0);
  });

  it("unverified credentials are never used by a visit", async () => {
    const t = await scenario("1003", false);
    const view = await t.service.load(t.businessId, PRUEBA, t.userId);
    expect(view.credentials).toBe("unverified");
    expect(view.snapshot).toBeNull();
    expect(await t.calls()).toBe(0);
  });

  it("the cartera reads stored figures only, most owed first", async () => {
    const t = await scenario("1004");
    await t.service.refresh(t.businessId, SIN_MOVIMIENTOS, t.userId);
    await t.service.refresh(t.businessId, PRUEBA, t.userId);
    const before = await t.calls();

    const cartera = await t.service.cartera(t.businessId);

    expect(cartera.map((row) => [row.cuit, row.ledger?.saldoCentavos ?? null])).toEqual([
      [PRUEBA, 22_420],
      [SIN_MOVIMIENTOS, 0],
      [NO_EN_TUSFACTURAS, null],
    ]);
    expect(await t.calls()).toBe(before);
  });

  it("keeps only the three newest copies of a ledger", async () => {
    const t = await scenario("1003");
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await t.service.refresh(t.businessId, PRUEBA, t.userId)).snapshot!.id);
      t.advance(1_000);
    }
    expect(await t.snapshots(PRUEBA)).toHaveLength(3);
    expect(await t.service.movimientos(t.businessId, PRUEBA, ids[0]!)).toBeNull();
    expect(await t.service.movimientos(t.businessId, PRUEBA, ids[3]!)).not.toBeNull();
  });

  it("a copy's first screen is built once, and only for its own business and client", async () => {
    const t = await scenario("1003");
    const ASC = { orden: "asc" } as const;
    const { snapshot } = await t.service.refresh(t.businessId, PRUEBA, t.userId);
    const first = await t.service.firstScreen(
      t.businessId,
      PRUEBA,
      snapshot!.id,
      ASC,
      "2026-11-20",
    );
    expect(first?.rows.map((row) => [row.fecha, row.saldoCentavos])).toEqual([
      ["2017-05-11", 11_210],
      ["2017-05-11", 22_420],
    ]);
    // A filter change on the same copy: the ledger built for the first visit (the same rows).
    const filtered = await t.service.firstScreen(
      t.businessId,
      PRUEBA,
      snapshot!.id,
      { orden: "desc" },
      "2026-11-20",
    );
    expect(filtered?.rows).toEqual([first!.rows[1], first!.rows[0]]);
    expect(filtered?.rows[0]).toBe(first!.rows[1]);
    // Under another client's CUIT the copy is not found, built or not.
    expect(
      await t.service.firstScreen(t.businessId, SIN_MOVIMIENTOS, snapshot!.id, ASC, "2026-11-20"),
    ).toBeNull();
    // A new copy is built from its own movements.
    t.advance(1_000);
    const newer = await t.service.refresh(t.businessId, PRUEBA, t.userId);
    const again = await t.service.firstScreen(
      t.businessId,
      PRUEBA,
      newer.snapshot!.id,
      ASC,
      "2026-11-20",
    );
    expect(again?.rows).toEqual(first!.rows);
    expect(again?.rows[0]).not.toBe(first!.rows[0]);
  });

  it("a copy's movements are read only through its own business and client, with no call", async () => {
    const t = await scenario("1003");
    const other = await scenario("1004");
    const { snapshot } = await t.service.refresh(t.businessId, PRUEBA, t.userId);
    const before = await t.calls();

    // Another business with the same client in its cartera, or another client of the same one.
    expect(await other.service.movimientos(other.businessId, PRUEBA, snapshot!.id)).toBeNull();
    expect(await t.service.movimientos(t.businessId, SIN_MOVIMIENTOS, snapshot!.id)).toBeNull();
    await expect(
      t.service.movimientos(t.businessId, "30712293841", snapshot!.id),
    ).rejects.toMatchObject({ code: "not_found" });
    // Reading a stored copy, even a stale one, never asks TusFacturas.
    t.advance(FRESHNESS_MS * 2);
    expect(await t.service.movimientos(t.businessId, PRUEBA, snapshot!.id)).not.toBeNull();
    expect(await t.calls()).toBe(before);
    expect(await other.calls()).toBe(0);
  });
});
