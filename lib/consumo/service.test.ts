import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tusfacturasCredentials } from "@/lib/db/schema";
import { databaseEngines } from "@/lib/testing/test-database";
import { TusFacturasError } from "@/lib/tusfacturas";
import { CONSUMO_METHOD } from "./service";
import {
  FRESHNESS_MS,
  startConsumoHarness,
  testAccount,
  type ConsumoHarness,
} from "@/lib/testing/consumo-harness";

const UNAVAILABLE =
  "TusFacturas no está disponible en este momento. Probá de nuevo en unos minutos.";
const INVALID_CREDENTIALS = "Las credenciales de TusFacturas no son válidas.";

describe.each(databaseEngines())("consumo service on $name", (engine) => {
  let h: ConsumoHarness;
  beforeAll(async () => {
    h = await startConsumoHarness(engine);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.control.reset());

  it("refresh stores the figures TusFacturas sent, as sent, and marks the credentials verified", async () => {
    // The docs' own example does not add up (100 − 12 − 21 ≠ 79): Tablero must not recompute.
    await h.control.setConsumo({
      apikey: "1003",
      abonos_pendientes: 21,
      comprobantes_generados: 12,
      comprobantes_cupo: 100,
      comprobantes_disponibles: 79,
    });
    const t = await h.scenario(testAccount("1003"));
    expect((await t.credentialsRow())?.status).toBe("unverified");

    const view = await t.service.refresh(t.businessId, t.userId);

    const fetchedAt = t.now().toISOString();
    expect(view).toEqual({
      snapshot: {
        abonosPendientes: 21,
        comprobantesGenerados: 12,
        comprobantesCupo: 100,
        comprobantesDisponibles: 79,
        fetchedAt,
      },
      lastError: null,
      credentials: { status: "verified", detail: null, lastVerifiedAt: fetchedAt },
    });
    expect(await t.calls()).toBe(1);
    expect(await t.snapshots()).toHaveLength(1);
    expect(await t.requests()).toEqual([
      {
        userId: t.userId,
        method: CONSUMO_METHOD,
        at: t.now(),
        outcome: "ok",
        errorCode: null,
        errorMessage: null,
      },
    ]);
  });

  it("load within the freshness window serves the stored snapshot without calling TusFacturas", async () => {
    const t = await h.scenario(testAccount("1004"));
    const first = await t.service.refresh(t.businessId, t.userId);
    await h.control.setConsumo({ apikey: "1004", comprobantes_generados: 51 });

    t.advance(FRESHNESS_MS - 1);
    const views = [
      await t.service.load(t.businessId, t.userId),
      await t.service.load(t.businessId, null),
      await t.service.load(t.businessId, t.userId),
    ];

    expect(views).toEqual([first, first, first]);
    expect(first.snapshot?.comprobantesGenerados).toBe(50);
    expect(await t.calls()).toBe(1);
    expect(await t.requests()).toHaveLength(1);
  });

  it("after the window passes, five concurrent loads make exactly one request", async () => {
    const t = await h.scenario(testAccount("1004"));
    await t.service.refresh(t.businessId, t.userId);
    await h.control.setConsumo({
      apikey: "1004",
      comprobantes_generados: 51,
      comprobantes_disponibles: 439,
    });

    t.advance(FRESHNESS_MS);
    const views = await Promise.all(
      Array.from({ length: 5 }, () => t.service.load(t.businessId, t.userId)),
    );

    for (const view of views) {
      expect(view.snapshot).toMatchObject({
        comprobantesGenerados: 51,
        comprobantesDisponibles: 439,
        fetchedAt: t.now().toISOString(),
      });
    }
    expect(await t.calls()).toBe(2);
    expect(await t.snapshots()).toHaveLength(2);
    expect(await t.requests()).toHaveLength(2);
  });

  it("peek tells a page whether a visit would refresh, without calling TusFacturas", async () => {
    const t = await h.scenario(testAccount("1004"));
    const stored = await t.service.refresh(t.businessId, t.userId);

    t.advance(FRESHNESS_MS - 1);
    expect(await t.service.peek(t.businessId)).toEqual({ view: stored, refreshing: false });
    t.advance(1);
    expect(await t.service.peek(t.businessId)).toEqual({ view: stored, refreshing: true });
    expect(await t.calls()).toBe(1);
  });

  it("a visit that read a stale copy just before another refresh finished pays for nothing", async () => {
    const t = await h.scenario(testAccount("1004"));
    await t.service.refresh(t.businessId, t.userId);
    t.advance(FRESHNESS_MS);

    await t.service.load(t.businessId, t.userId);
    // A second visit whose first read happened before that refresh stored its snapshot:
    // the refresh it starts checks the stored copy again before calling.
    const late = await t.service.refresh(t.businessId, t.userId, { onlyIfStale: true });

    expect(late.snapshot?.fetchedAt).toBe(t.now().toISOString());
    expect(await t.calls()).toBe(2);
  });

  it("a failed automatic attempt spares the plan further automatic calls until the window passes", async () => {
    const t = await h.scenario(testAccount("1005"));
    const good = await t.service.refresh(t.businessId, t.userId);
    t.advance(FRESHNESS_MS);
    await h.fault("1005", { kind: "http500", count: 3 });

    const failed = await t.service.load(t.businessId, t.userId);
    expect(failed.snapshot).toEqual(good.snapshot);
    expect(failed.lastError).toEqual({ message: UNAVAILABLE, at: t.now().toISOString() });
    expect(await t.calls()).toBe(1 + 3);

    t.advance(FRESHNESS_MS - 1);
    expect(await t.service.load(t.businessId, t.userId)).toEqual(failed);
    expect(await t.calls()).toBe(4);

    t.advance(1);
    const recovered = await t.service.load(t.businessId, t.userId);
    expect(recovered.lastError).toBeNull();
    expect(recovered.snapshot?.fetchedAt).toBe(t.now().toISOString());
    expect(await t.calls()).toBe(5);
  });

  it("wrong credentials stay unverified with the reason, and load stops calling", async () => {
    const t = await h.scenario({ ...testAccount("1005"), apitoken: "token-que-no-existe" });

    const error = await t.service.refresh(t.businessId, t.userId).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TusFacturasError);
    expect((error as TusFacturasError).code).toBe("invalid_credentials");
    expect(await t.credentialsRow()).toMatchObject({
      status: "unverified",
      statusDetail: INVALID_CREDENTIALS,
      lastVerifiedAt: null,
    });
    expect(await t.requests()).toMatchObject([
      { outcome: "error", errorCode: "invalid_credentials", errorMessage: INVALID_CREDENTIALS },
    ]);
    expect(await t.calls()).toBe(1);

    for (const step of [0, FRESHNESS_MS, FRESHNESS_MS]) {
      t.advance(step);
      const view = await t.service.load(t.businessId, t.userId);
      expect(view.snapshot).toBeNull();
      expect(view.credentials).toEqual({
        status: "unverified",
        detail: INVALID_CREDENTIALS,
        lastVerifiedAt: null,
      });
      expect(view.lastError?.message).toBe(INVALID_CREDENTIALS);
    }
    expect(await t.calls()).toBe(1);
  });

  it("credentials replaced while a refresh is in flight are not verified by the old answer", async () => {
    const t = await h.scenario(testAccount("1003"));
    const release = t.holdAnswers();

    const oldRefresh = t.service.refresh(t.businessId, t.userId);
    await expect.poll(() => t.calls(), { interval: 5 }).toBe(1);
    await t.businesses.storeCredentials(t.businessId, testAccount("1004"));
    release();
    await oldRefresh;

    expect(await t.credentialsRow()).toMatchObject({
      status: "unverified",
      statusDetail: null,
      lastVerifiedAt: null,
    });
    expect((await h.control.calls("1004")).total).toBe(0);
  });

  it("verifying replaced credentials calls with them, not joining the old set's refresh", async () => {
    const t = await h.scenario(testAccount("1003"));
    const release = t.holdAnswers();

    const oldRefresh = t.service.refresh(t.businessId, t.userId);
    await expect.poll(() => t.calls(), { interval: 5 }).toBe(1);
    // What "Reemplazar credenciales" does: store, then verify with one consumo call.
    await t.businesses.storeCredentials(t.businessId, {
      ...testAccount("1004"),
      usertoken: "usuario-equivocado",
    });
    const verification = t.service.refresh(t.businessId, t.userId).catch((e: unknown) => e);
    await expect.poll(async () => (await h.control.calls("1004")).total, { interval: 5 }).toBe(1);
    release();

    await oldRefresh;
    const error = await verification;
    expect(error).toBeInstanceOf(TusFacturasError);
    expect((error as TusFacturasError).code).toBe("invalid_credentials");
    expect(await t.credentialsRow()).toMatchObject({
      status: "unverified",
      statusDetail: INVALID_CREDENTIALS,
      lastVerifiedAt: null,
    });
  });

  it("makes no call and writes no request row when the business has no credentials", async () => {
    const t = await h.scenario(testAccount("1003"));
    await h.db
      .delete(tusfacturasCredentials)
      .where(eq(tusfacturasCredentials.businessId, t.businessId));

    const view = await t.service.load(t.businessId, t.userId);

    expect(view).toEqual({
      snapshot: null,
      lastError: null,
      credentials: { status: "missing", detail: null, lastVerifiedAt: null },
    });
    await expect(t.service.refresh(t.businessId, t.userId)).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await t.calls()).toBe(0);
    expect(await t.requests()).toEqual([]);
  });
});
