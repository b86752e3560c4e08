import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseEngines } from "@/lib/testing/test-database";
import {
  startConsumoHarness,
  testAccount,
  type ConsumoHarness,
} from "@/lib/testing/consumo-harness";

const figures = (generados: number, cupo = 100, disponibles = cupo - generados) => ({
  generados,
  cupo,
  disponibles,
});

describe.each(databaseEngines())("consumo history on $name", (engine) => {
  let h: ConsumoHarness;
  beforeAll(async () => {
    h = await startConsumoHarness(engine);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.control.reset());

  it("reads both cycles of the business in one query, and never calls TusFacturas", async () => {
    // The scenario's clock: 09:00 on 20 November 2026 in Buenos Aires.
    const t = await h.scenario(testAccount("1003"));
    const other = await h.scenario(testAccount("1004"));
    await t.storeSnapshot("2026-09-30T12:00:00Z", figures(99)); // two cycles ago: not read
    await t.storeSnapshot("2026-10-10T12:00:00Z", figures(20));
    await t.storeSnapshot("2026-10-31T12:00:00Z", figures(90));
    await t.storeSnapshot("2026-11-10T12:00:00Z", figures(10));
    await t.storeSnapshot("2026-11-20T12:00:00Z", figures(30, 100, 10));
    // Another business's snapshot at the same instants would change the pace if it leaked in.
    await other.storeSnapshot("2026-11-15T12:00:00Z", figures(80));
    const before = t.selects();

    const history = await t.service.history(t.businessId);

    expect(t.selects() - before).toBe(1);
    expect(history.previous.map((p) => p.fetchedAt.toISOString())).toEqual([
      "2026-10-10T12:00:00.000Z",
      "2026-10-31T12:00:00.000Z",
    ]);
    expect(history.current).toEqual([
      { fetchedAt: new Date("2026-11-10T12:00:00Z"), ...figures(10) },
      { fetchedAt: new Date("2026-11-20T12:00:00Z"), ...figures(30, 100, 10) },
    ]);
    expect(history.cycleEnd).toEqual(new Date("2026-12-01T03:00:00Z"));
    expect(history.projection).toEqual({
      kind: "projected",
      exhaustsAt: new Date("2026-11-25T12:00:00Z"),
      withinCycle: true,
      perDay: 2,
    });
    expect(await t.calls()).toBe(0);
  });

  it("splits at a drop of generados within the month, and is empty without snapshots", async () => {
    const t = await h.scenario(testAccount("1005"));
    expect(await t.service.history(t.businessId)).toMatchObject({
      current: [],
      previous: [],
      projection: { kind: "noHistory" },
    });

    await t.storeSnapshot("2026-11-02T12:00:00Z", figures(40));
    await t.storeSnapshot("2026-11-05T12:00:00Z", figures(60));
    await t.storeSnapshot("2026-11-06T12:00:00Z", figures(3));
    const history = await t.service.history(t.businessId);

    expect(history.previous.map((p) => p.generados)).toEqual([40, 60]);
    expect(history.current.map((p) => p.generados)).toEqual([3]);
    expect(history.projection).toEqual({ kind: "onePoint" });
    expect(await t.calls()).toBe(0);
  });
});
