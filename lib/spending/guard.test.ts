import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CONSUMO_METHOD } from "@/lib/consumo/service";
import { CUENTA_CORRIENTE_METHOD } from "@/lib/cuenta-corriente/service";
import { auditEvents, spendingReservations } from "@/lib/db/schema";
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

  const reservations = (businessId: string) =>
    h.db
      .select({ reservedAt: spendingReservations.reservedAt })
      .from(spendingReservations)
      .where(eq(spendingReservations.businessId, businessId));

  it("counts a refresh still calling TusFacturas: another one of the business finds the budget taken", async () => {
    const t = await h.scenario(testAccount("1006"), { refreshIntervalMs: MINUTE });
    const spending = t.spending!;
    await spending.setBudget(t.businessId, 1);
    const who = { businessId: t.businessId, userId: t.userId, explicit: true };
    // A client's ledger being fetched: its request is recorded only when the call ends.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const ledger = spending.spend(
      { ...who, method: CUENTA_CORRIENTE_METHOD, subject: "20111111112" },
      () => answered,
    );
    await vi.waitFor(async () => expect(await reservations(t.businessId)).toHaveLength(1));

    // Meanwhile, consumo and another client's ledger (other locks, maybe other instances).
    const never = vi.fn(async () => {});
    await expect(spending.spend({ ...who, method: CONSUMO_METHOD }, never)).rejects.toThrow(
      /Se alcanzó el presupuesto de 1 requests de TusFacturas de este mes/,
    );
    expect(
      await spending.spend(
        { ...who, method: CUENTA_CORRIENTE_METHOD, subject: "20222222223", explicit: false },
        never,
      ),
    ).toBe(false);
    expect(never).not.toHaveBeenCalled();

    answer();
    expect(await ledger).toBe(true);
    // The call ended: its reservation goes (its requests, when it makes any, count instead).
    expect(await reservations(t.businessId)).toEqual([]);
    expect(await spending.spend({ ...who, method: CONSUMO_METHOD }, never)).toBe(true);
    expect(never).toHaveBeenCalledOnce();
  });

  it("frees the reservation of a call that failed, and forgets one a dead process left", async () => {
    const t = await h.scenario(testAccount("1003"), { refreshIntervalMs: MINUTE });
    const spending = t.spending!;
    await spending.setBudget(t.businessId, 1);
    const target = { businessId: t.businessId, userId: t.userId, method: CONSUMO_METHOD };

    await expect(
      spending.spend({ ...target, explicit: false }, () => Promise.reject(new Error("caída"))),
    ).rejects.toThrow("caída");
    expect(await reservations(t.businessId)).toEqual([]);

    // A process that died mid-call 16 minutes ago: its reservation no longer holds the budget.
    await h.db
      .insert(spendingReservations)
      .values({ businessId: t.businessId, reservedAt: new Date(t.now().getTime() - 16 * MINUTE) });
    expect(await spending.spend({ ...target, explicit: false }, async () => {})).toBe(true);
    expect(await reservations(t.businessId)).toEqual([]);
    // One from a minute ago still does.
    await h.db
      .insert(spendingReservations)
      .values({ businessId: t.businessId, reservedAt: new Date(t.now().getTime() - MINUTE) });
    expect(await spending.spend({ ...target, explicit: false }, async () => {})).toBe(false);
  });

  it("lets corrected credentials be verified at once, and still spaces the presses after", async () => {
    const t = await h.scenario(testAccount("1004"), { refreshIntervalMs: MINUTE });
    const right = { apikey: "1004", apitoken: "test1004token", usertoken: "test1004user" };
    await t.businesses.storeCredentials(t.businessId, { ...right, apitoken: "tipeado-mal" });
    await expect(
      t.service.refresh(t.businessId, t.userId, { verifying: true }),
    ).rejects.toMatchObject({ code: "invalid_credentials" });

    // Seconds later, the typo fixed: no «Ya se actualizó», the new set is verified.
    t.advance(5_000);
    await t.businesses.storeCredentials(t.businessId, right);
    const view = await t.service.refresh(t.businessId, t.userId, { verifying: true });
    expect(view.credentials.status).toBe("verified");
    expect(view.snapshot).not.toBeNull();
    expect(await t.calls()).toBe(2);

    // «Actualizar» right after waits for the interval as always.
    await expect(t.service.refresh(t.businessId, t.userId)).rejects.toThrow(/Ya se actualizó/);
    expect(await t.calls()).toBe(2);
  });
});
