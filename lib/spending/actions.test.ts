/**
 * The spending guard as a Contador meets it: the real refresh actions through the pipeline, on
 * the authorization harness's database and emulator, counting the calls the emulator received.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents } from "@/lib/db/schema";
import {
  CLIENT_CUIT,
  discoverActions,
  startWorld,
  type AnyAction,
  type World,
} from "@/lib/testing/authorization-harness";

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/index", async () =>
  (await import("@/lib/testing/authorization-harness")).authModule(),
);

let world: World;
let actions: Record<string, unknown>;

beforeAll(async () => {
  world = await startWorld();
  actions = await discoverActions();
});
afterAll(() => world?.close());

const action = (key: string) => actions[key] as AnyAction;

describe("a Contador refreshing in a loop", () => {
  it("gets one request a minute, then none once the month's budget is spent", async () => {
    const fx = await world.fixture();
    const calls = async () => (await world.state()).upstreamCalls1010;
    const before = await calls();
    world.signInAs(fx.users.accountant);

    const presses = [];
    for (let i = 0; i < 5; i++)
      presses.push(
        await action("lib/consumo/actions.ts#refreshConsumo")({ businessId: fx.businessId }),
      );
    expect(presses[0]).toMatchObject({ ok: true });
    for (const press of presses.slice(1)) {
      expect(press).toMatchObject({
        ok: false,
        error: {
          code: "conflict",
          message: expect.stringMatching(/^Ya se actualizó hace menos de 60 segundos/),
        },
      });
    }
    expect(await calls()).toBe(before + 1);

    // The owner's budget is what was spent: another client's ledger is refused too.
    await world.runtime.spending.setBudget(fx.businessId, 1);
    const ledger = await action("lib/cuenta-corriente/actions.ts#refreshCuentaCorriente")({
      businessId: fx.businessId,
      cuit: CLIENT_CUIT,
    });
    expect(ledger).toMatchObject({
      ok: false,
      error: {
        code: "conflict",
        message: expect.stringMatching(/^Se alcanzó el presupuesto de 1 requests de TusFacturas/),
      },
    });
    expect(await calls()).toBe(before + 1);

    const refusals = await world.db
      .select({ userId: auditEvents.userId, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.businessId, fx.businessId), eq(auditEvents.action, "spending.refused")),
      );
    expect(refusals).toHaveLength(5);
    expect(refusals.every((row) => row.userId === fx.users.accountant.id)).toBe(true);
  });
});
