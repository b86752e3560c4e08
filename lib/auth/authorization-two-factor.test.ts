/**
 * The matrix's second dimension: how recently the caller proved who they are, and whether a
 * business that requires two-factor lets in a member without it. Every business action and
 * every sensitive user action, against the real pipeline and database (the harness of
 * authorization-matrix.test.ts). Refusals change no row and call no TusFacturas.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { businesses } from "@/lib/db/schema";
import {
  discoverActions,
  expectRefused,
  startWorld,
  type AnyAction,
  type Fixture,
  type World,
} from "@/lib/testing/authorization-harness";
import { entriesOf, type BusinessEntry, type UserEntry } from "@/lib/testing/authorization-matrix";

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
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const SET_REQUIRED = "lib/two-factor/actions.ts#setRequireTwoFactor";

async function requireTwoFactorOf(fx: Fixture) {
  await world.db
    .update(businesses)
    .set({ requireTwoFactor: true })
    .where(eq(businesses.id, fx.businessId));
}

describe.each(entriesOf("business"))("%s", (key, entry: BusinessEntry) => {
  if (entry.reauth) {
    it("as owner signed in 11 minutes ago: confirm first, nothing changes", async () => {
      const fx = await world.fixture();
      await world.setAuthenticatedAt(fx.users.owner, minutesAgo(11));
      const result = await world.expectNoEffect(fx.users.owner, () => action(key)(entry.input(fx)));
      expectRefused(result, "reauth_required");
    });
    it("as a member it does not allow, signed in long ago: still forbidden", async () => {
      const fx = await world.fixture();
      const other = entry.allowed.includes("accountant") ? fx.users.viewer : fx.users.accountant;
      await world.setAuthenticatedAt(other, minutesAgo(60));
      expectRefused(
        await world.expectNoEffect(other, () => action(key)(entry.input(fx))),
        "forbidden",
      );
    });
  } else if (key !== SET_REQUIRED) {
    it("as owner signed in 11 minutes ago: not asked to confirm", async () => {
      const fx = await world.fixture();
      await world.setAuthenticatedAt(fx.users.owner, minutesAgo(11));
      world.signInAs(fx.users.owner);
      const result = await action(key)(entry.input(fx));
      expect(result, JSON.stringify(result)).toMatchObject({ ok: entry.allowed.includes("owner") });
      // Background work it started ends here, not in a later case's "nothing changes".
      await entry.settle?.({ world, fx });
    });
  }

  it("in a business that requires two-factor: members without it are refused", async () => {
    const fx = await world.fixture();
    await requireTwoFactorOf(fx);
    for (const member of [fx.users.accountant, fx.users.viewer]) {
      const result = await world.expectNoEffect(member, () => action(key)(entry.input(fx)));
      expectRefused(result, "two_factor_required");
    }
  });
});

describe.each(entriesOf("user").filter(([, entry]) => entry.reauth))(
  "%s",
  (key, entry: UserEntry) => {
    it("as owner signed in 11 minutes ago: confirm first, nothing changes", async () => {
      const fx = await world.fixture();
      await world.setAuthenticatedAt(fx.users.owner, minutesAgo(11));
      const result = await world.expectNoEffect(fx.users.owner, () => action(key)(entry.input(fx)));
      expectRefused(result, "reauth_required");
    });
  },
);

describe("setRequireTwoFactor", () => {
  it("the owner turns it on (their own two-factor is on) and members without it are locked out", async () => {
    const fx = await world.fixture();
    world.signInAs(fx.users.owner);
    expect(await action(SET_REQUIRED)({ businessId: fx.businessId, required: true })).toEqual({
      ok: true,
      data: { required: true },
    });
    const { requireBusiness } = await import("@/lib/auth/access");
    world.signInAs(fx.users.accountant);
    const thrown = await requireBusiness(fx.businessId, "business:read").then(
      () => null,
      (error: unknown) => (error as { digest?: string }).digest,
    );
    expect(thrown).toBe(`NEXT_REDIRECT;replace;/cuenta/dos-pasos?empresa=${fx.businessId};307;`);
    world.signInAs(fx.users.owner);
    await expect(requireBusiness(fx.businessId, "business:read")).resolves.toMatchObject({
      role: "owner",
    });
  });

  it("an owner without two-factor cannot turn it on", async () => {
    const fx = await world.fixture();
    await world.runtime.twoFactor.disable(fx.users.owner.id);
    const result = await world.expectNoEffect(fx.users.owner, () =>
      action(SET_REQUIRED)({ businessId: fx.businessId, required: true }),
    );
    expectRefused(result, "conflict");
  });

  it("turning it off needs a recent confirmation", async () => {
    const fx = await world.fixture();
    await requireTwoFactorOf(fx);
    await world.setAuthenticatedAt(fx.users.owner, minutesAgo(11));
    const off = () => action(SET_REQUIRED)({ businessId: fx.businessId, required: false });
    expectRefused(await world.expectNoEffect(fx.users.owner, off), "reauth_required");
    await world.setAuthenticatedAt(fx.users.owner, new Date());
    expect(await off()).toEqual({ ok: true, data: { required: false } });
    const [row] = await world.db
      .select({ required: businesses.requireTwoFactor })
      .from(businesses)
      .where(eq(businesses.id, fx.businessId));
    expect(row).toEqual({ required: false });
  });
});

describe("a business that requires two-factor, seen by a member without it", () => {
  it("the portfolio names it, locked, with none of its data; the owner's card is whole", async () => {
    const fx = await world.fixture();
    await requireTwoFactorOf(fx);
    const cardOf = async (userId: string) =>
      (await world.runtime.portfolio.portfolioPage(userId)).cards.find(
        (card) => card.businessId === fx.businessId,
      );
    expect(await cardOf(fx.users.accountant.id)).toMatchObject({
      razonSocial: fx.razonSocial,
      locked: true,
      consumo: null,
      credentialStatus: null,
      alerts: [{ kind: "twoFactor" }],
    });
    expect(await cardOf(fx.users.owner.id)).toMatchObject({
      locked: false,
      credentialStatus: "verified",
    });
  });

  it("the search finds the business but none of its clients", async () => {
    const fx = await world.fixture();
    await requireTwoFactorOf(fx);
    const found = async (userId: string) =>
      (await world.runtime.navigation.searchNavigation(userId, fx.tag)).map((r) => r.id);
    expect(await found(fx.users.viewer.id)).toEqual([fx.businessId]);
    expect(await found(fx.users.owner.id)).toEqual(
      expect.arrayContaining([fx.businessId, fx.clientId]),
    );
  });

  it("an IVA run including it is refused before anything is recorded", async () => {
    const fx = await world.fixture();
    await requireTwoFactorOf(fx);
    const options = await world.runtime.iva.businessOptions(fx.users.accountant.id);
    expect(options.find((o) => o.businessId === fx.businessId)).toMatchObject({
      unavailable: expect.stringContaining("pide verificación en dos pasos"),
    });
    const result = await world.expectNoEffect(fx.users.accountant, () =>
      action("lib/iva/actions.ts#startIvaBatch")({
        ...fx.period,
        email: `reportes-${fx.tag}@tablero.test`,
        businessIds: [fx.businessId],
        requestKey: crypto.randomUUID(),
        send: true,
        repeat: false,
      }),
    );
    expectRefused(result, "two_factor_required");
  });
});

describe("confirmIdentity («Confirmá que sos vos»)", () => {
  const PASSWORD = "tranvía-cometa-azulejo-41";
  const CONFIRM = "lib/sessions/actions.ts#confirmIdentity";
  const DELETE = "lib/businesses/actions.ts#deleteBusiness";

  it("with the password and then the code, a stale session may go on; wrong ones change nothing", async () => {
    const fx = await world.fixture();
    const { hashPassword } = await import("@/lib/auth/password");
    const { users } = await import("@/lib/db/schema");
    const { generate } = await import("otplib");
    await world.db
      .update(users)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(users.id, fx.users.owner.id));
    // A key this test knows, in place of the fixture's.
    await world.runtime.twoFactor.disable(fx.users.owner.id);
    const { secret, setupId } = await world.runtime.twoFactor.beginSetup(fx.users.owner);
    await world.runtime.twoFactor.confirmSetup(
      fx.users.owner.id,
      await generate({ secret }),
      setupId,
    );
    await world.setAuthenticatedAt(fx.users.owner, minutesAgo(11));
    const deleteIt = () => action(DELETE)({ businessId: fx.businessId });

    expectRefused(await world.expectNoEffect(fx.users.owner, deleteIt), "reauth_required");
    expect(await action(CONFIRM)({ password: "otra-cosa" })).toMatchObject({
      ok: false,
      error: { code: "invalid", fieldErrors: { password: ["La contraseña no es correcta."] } },
    });
    // The right password alone: the code is asked for, and the session is still stale.
    expectRefused(await action(CONFIRM)({ password: PASSWORD }), "two_factor_required");
    const wrongCode = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 3600 });
    expect(await action(CONFIRM)({ password: PASSWORD, code: wrongCode })).toMatchObject({
      ok: false,
      error: {
        code: "invalid",
        fieldErrors: { code: ["El código de verificación no es correcto."] },
      },
    });
    expectRefused(await world.expectNoEffect(fx.users.owner, deleteIt), "reauth_required");

    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(await action(CONFIRM)({ password: PASSWORD, code })).toEqual({
      ok: true,
      data: { confirmed: true },
    });
    expect(await deleteIt()).toEqual({ ok: true, data: { businessId: fx.businessId } });
  });

  it("guessing counts like failed sign-ins: after five, even the right password waits", async () => {
    const fx = await world.fixture();
    const { hashPassword } = await import("@/lib/auth/password");
    const { users } = await import("@/lib/db/schema");
    await world.db
      .update(users)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(users.id, fx.users.viewer.id));
    world.signInAs(fx.users.viewer);
    for (let i = 0; i < 5; i++) {
      expect(await action(CONFIRM)({ password: `no-${i}` })).toMatchObject({
        error: { code: "invalid", fieldErrors: { password: expect.any(Array) } },
      });
    }
    expect(await action(CONFIRM)({ password: `no-5` })).toMatchObject({ ok: false });
    expect(await action(CONFIRM)({ password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: "invalid", message: expect.stringMatching(/^Demasiados intentos fallidos/) },
    });
  });

  it("wrong codes count per account, whatever the address: after five, even the right code waits", async () => {
    const fx = await world.fixture();
    const { hashPassword } = await import("@/lib/auth/password");
    const { throttles, users } = await import("@/lib/db/schema");
    const { throttleRules } = await import("@/lib/auth/throttle");
    const { generate } = await import("otplib");
    await world.db
      .update(users)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(users.id, fx.users.owner.id));
    await world.runtime.twoFactor.disable(fx.users.owner.id);
    const { secret, setupId } = await world.runtime.twoFactor.beginSetup(fx.users.owner);
    await world.runtime.twoFactor.confirmSetup(
      fx.users.owner.id,
      await generate({ secret }),
      setupId,
    );
    world.signInAs(fx.users.owner);
    // Each guess from another address: the email+address count never reaches its limit.
    const fromElsewhere = () =>
      world.db.delete(throttles).where(eq(throttles.rule, throttleRules.signInPair.name));
    const wrongCode = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 3600 });
    for (let i = 0; i < 5; i++) {
      await fromElsewhere();
      expect(await action(CONFIRM)({ password: PASSWORD, code: wrongCode })).toMatchObject({
        error: {
          code: "invalid",
          fieldErrors: { code: ["El código de verificación no es correcto."] },
        },
      });
    }
    await fromElsewhere();
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(await action(CONFIRM)({ password: PASSWORD, code })).toMatchObject({
      ok: false,
      error: {
        code: "invalid",
        message: expect.stringMatching(
          /^Demasiados intentos fallidos\. Probá de nuevo en \d+ segundos?\.$/,
        ),
      },
    });
    // Once the wait is over, the right code goes through and forgets the wrong ones.
    await world.db
      .update(throttles)
      .set({ blockedUntil: new Date(Date.now() - 1000) })
      .where(eq(throttles.rule, throttleRules.twoFactorCode.name));
    expect(await action(CONFIRM)({ password: PASSWORD, code })).toEqual({
      ok: true,
      data: { confirmed: true },
    });
    expect(
      await world.db
        .select()
        .from(throttles)
        .where(eq(throttles.rule, throttleRules.twoFactorCode.name)),
    ).toEqual([]);
  });
});

describe("the monthly request budget", () => {
  const SET_BUDGET = "lib/spending/actions.ts#setRequestBudget";

  it("lowering it needs no confirmation; raising it or going back to the default does", async () => {
    const fx = await world.fixture();
    await world.setAuthenticatedAt(fx.users.owner, minutesAgo(11));
    world.signInAs(fx.users.owner);
    const set = (budget: string) => action(SET_BUDGET)({ businessId: fx.businessId, budget });

    expect(await set("5")).toMatchObject({ ok: true, data: { limit: 5, custom: true } });
    expectRefused(await world.expectNoEffect(fx.users.owner, () => set("6")), "reauth_required");
    expectRefused(await world.expectNoEffect(fx.users.owner, () => set("")), "reauth_required");

    await world.setAuthenticatedAt(fx.users.owner, minutesAgo(1));
    world.signInAs(fx.users.owner);
    expect(await set("")).toMatchObject({ ok: true, data: { custom: false } });
  });
});
