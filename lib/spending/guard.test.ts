import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents } from "@/lib/db/schema";
import {
  FRESHNESS_MS,
  startConsumoHarness,
  testAccount,
  type ConsumoHarness,
} from "@/lib/testing/consumo-harness";
import { databaseEngines } from "@/lib/testing/test-database";
import { defaultBudget } from "./guard";

const MINUTE = 60_000;

describe("the default monthly budget", () => {
  it("is 5% of the plan's cupo as last seen, at least 20", () => {
    expect(defaultBudget(null)).toBe(20);
    expect(defaultBudget(100)).toBe(20);
    expect(defaultBudget(1000)).toBe(50);
    expect(defaultBudget(1001)).toBe(51);
  });
});

describe.each(databaseEngines())("the spending guard on $name", (engine) => {
  let h: ConsumoHarness;
  beforeAll(async () => {
    h = await startConsumoHarness(engine);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.control.reset());

  const refusals = (businessId: string) =>
    h.db
      .select({ detail: auditEvents.detail, userId: auditEvents.userId })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.businessId, businessId), eq(auditEvents.action, "spending.refused")),
      );

  it("lets one explicit refresh a minute through, however often it is pressed, and says when", async () => {
    const t = await h.scenario(testAccount("1004"), { refreshIntervalMs: MINUTE });
    await t.service.refresh(t.businessId, t.userId);
    for (let i = 0; i < 5; i++) {
      await expect(t.service.refresh(t.businessId, t.userId)).rejects.toThrow(
        /Ya se actualizó hace menos de 60 segundos: se muestra la copia guardada\. Podés volver a actualizar desde las \d\d:\d\d/,
      );
      t.advance(5_000);
    }
    expect(await t.calls()).toBe(1);
    expect(await refusals(t.businessId)).toHaveLength(5);

    t.advance(MINUTE);
    await t.service.refresh(t.businessId, t.userId);
    expect(await t.calls()).toBe(2);
  });

  it("stops at the owner's budget, for presses and for visits, until it is raised", async () => {
    const t = await h.scenario(testAccount("1005"), { refreshIntervalMs: MINUTE });
    await t.spending!.setBudget(t.businessId, 3);
    for (let i = 0; i < 6; i++) {
      await t.service.refresh(t.businessId, t.userId).catch((error: Error) => {
        expect(error.message).toMatch(
          /Se alcanzó el presupuesto de 3 requests de TusFacturas de este mes para esta empresa/,
        );
      });
      t.advance(2 * MINUTE);
    }
    expect(await t.calls()).toBe(3);
    expect(await t.spending!.budget(t.businessId)).toEqual({
      limit: 3,
      custom: true,
      used: 3,
      cupo: 1000,
    });

    // A visit to a stale copy shows it as stored, without a request.
    t.advance(FRESHNESS_MS);
    const view = await t.service.load(t.businessId, t.userId);
    expect(view.snapshot).not.toBeNull();
    expect(await t.calls()).toBe(3);
    // Three presses refused; a visit's refusal within the hour of another adds no line…
    expect(await refusals(t.businessId)).toHaveLength(3);
    // …and one later does.
    t.advance(60 * MINUTE);
    await t.service.load(t.businessId, t.userId);
    expect(await t.calls()).toBe(3);
    expect(await refusals(t.businessId)).toHaveLength(4);

    await t.spending!.setBudget(t.businessId, 4);
    await t.service.refresh(t.businessId, t.userId);
    expect(await t.calls()).toBe(4);
  });
});
