/**
 * The user-level actions (`userAction`: a session, no business) × every kind of caller: signed
 * out is refused, and nobody reaches another user's data (another business, another user's IVA
 * run, an invitation for someone else). Refusals change no row and call no TusFacturas. The list
 * of actions itself is checked in authorization-matrix.test.ts.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { memberships, users } from "@/lib/db/schema";
import {
  actors,
  discoverActions,
  expectRefused,
  startWorld,
  type Actor,
  type AnyAction,
  type Fixture,
  type World,
} from "@/lib/testing/authorization-harness";
import { actionMatrix, entriesOf, type UserEntry } from "@/lib/testing/authorization-matrix";

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
const ACCEPT = "lib/members/actions.ts#acceptInvitation";
const START_BATCH = "lib/iva/actions.ts#startIvaBatch";
const END_SESSION = "lib/sessions/actions.ts#endSession";

describe.each(entriesOf("user"))("%s", (key, entry: UserEntry) => {
  it.each(actors)("as %s", async (actor: Actor) => {
    const fx = await world.fixture();
    const user = world.userOf(fx, actor);
    const expected = entry.expect[actor];
    const call = () => action(key)(entry.input(fx));
    if (expected !== "ok") {
      expectRefused(await world.expectNoEffect(user, call), expected);
      return;
    }
    world.signInAs(user);
    const result = await call();
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    if (result.ok) await entry.afterOk?.({ world, fx, actor, data: result.data });
  });
});

describe("acceptInvitation", () => {
  it("works for the invited email only, giving exactly the invited role", async () => {
    const fx = await world.fixture();
    world.signInAs(fx.users.invitee);
    const result = await action(ACCEPT)({ token: fx.invitationToken });
    expect(result).toEqual({ ok: true, data: { businessId: fx.businessId } });
    expect(
      await world.db
        .select({ businessId: memberships.businessId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, fx.users.invitee.id)),
    ).toEqual([{ businessId: fx.businessId, role: "accountant" }]);
  });

  it("the invited email not yet verified: refused, nothing changes", async () => {
    const fx = await world.fixture();
    await world.db
      .update(users)
      .set({ emailVerifiedAt: null })
      .where(eq(users.id, fx.users.invitee.id));
    const result = await world.expectNoEffect(fx.users.invitee, () =>
      action(ACCEPT)({ token: fx.invitationToken }),
    );
    expectRefused(result, "conflict");
    expect(result).toMatchObject({ error: { message: /confirmá tu email/ } });
  });

  it.each([
    ["a token that was never issued", "x".repeat(43), "not_found"],
    ["a malformed token", "../../etc", "invalid"],
  ])("with %s: refused, nothing changes", async (_, token, code) => {
    const fx = await world.fixture();
    expectRefused(
      await world.expectNoEffect(fx.users.outsider, () => action(ACCEPT)({ token })),
      code,
    );
  });
});

describe("startIvaBatch", () => {
  const input = (fx: Fixture, businessIds: string[], email: string) => ({
    ...fx.period,
    email,
    businessIds,
    requestKey: randomUUID(),
    send: true,
    repeat: false,
  });

  it("mixing the user's own business with another's: not found, and nothing is recorded", async () => {
    const fx = await world.fixture();
    const result = await world.expectNoEffect(fx.users.outsider, () =>
      action(START_BATCH)(
        input(fx, [fx.outsiderBusinessId, fx.businessId], fx.users.outsider.email),
      ),
    );
    expectRefused(result, "not_found");
  });

  it("naming a business that does not exist: not found", async () => {
    const fx = await world.fixture();
    const result = await world.expectNoEffect(fx.users.owner, () =>
      action(START_BATCH)(input(fx, [randomUUID()], fx.users.owner.email)),
    );
    expectRefused(result, "not_found");
  });

  it("mixing a business where the user is Lectura: forbidden for the whole run", async () => {
    const fx = await world.fixture();
    // The viewer of the fixture's business becomes owner of another one.
    await world.db
      .insert(memberships)
      .values({ userId: fx.users.viewer.id, businessId: fx.outsiderBusinessId, role: "owner" });
    const result = await world.expectNoEffect(fx.users.viewer, () =>
      action(START_BATCH)(input(fx, [fx.outsiderBusinessId, fx.businessId], fx.users.viewer.email)),
    );
    expectRefused(result, "forbidden");
  });
});

describe("public actions", () => {
  it.each(Object.entries(actionMatrix).filter(([, entry]) => entry.kind === "public"))(
    "%s is public only with a stated reason, and lives in lib/auth/actions.ts",
    (key, entry) => {
      expect(key.startsWith("lib/auth/actions.ts#")).toBe(true);
      expect(entry.kind === "public" && entry.reason.length > 20).toBe(true);
    },
  );
});

describe("endSession", () => {
  it("never ends another user's session", async () => {
    const fx = await world.fixture();
    const { getRuntime } = await import("@/lib/runtime");
    const { sessions } = await getRuntime();
    const victim = await sessions.open({
      userId: fx.users.owner.id,
      userAgent: "victim",
      address: null,
    });
    world.signInAs(fx.users.outsider);
    const result = await action(END_SESSION)({ sessionId: victim });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await sessions.check(victim!, fx.users.owner.id)).toBe(true);
  });
});
