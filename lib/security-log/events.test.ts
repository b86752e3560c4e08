/**
 * Each kind of security event, written where it happens: the real actions through the
 * pipeline on the authorization harness's database. (Sign-in's own failures happen inside
 * Auth.js's `authorize`, which does not load under Vitest: e2e/multi-instance/security-log.spec.ts.)
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { securityEvents, users } from "@/lib/db/schema";
import {
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
const PASSWORD = "una contraseña bien larga y rara 2026";

describe("security events", () => {
  it("ended sessions, password and two-factor changes, refusals and a deletion are each recorded", async () => {
    const fx = await world.fixture();
    const { owner, viewer } = fx.users;
    const of = async (userId: string) =>
      world.db
        .select({
          kind: securityEvents.kind,
          businessId: securityEvents.businessId,
          subject: securityEvents.subject,
        })
        .from(securityEvents)
        .where(eq(securityEvents.userId, userId));

    // "Cerrar todas las demás" with another browser signed in.
    await world.runtime.sessions.open({ userId: owner.id, userAgent: "Otro", address: null });
    world.signInAs(owner);
    expect(await action("lib/sessions/actions.ts#endOtherSessions")({})).toMatchObject({
      ok: true,
      data: { ended: 1 },
    });

    // "Cambiar contraseña".
    await world.db
      .update(users)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(users.id, owner.id));
    world.signInAs(owner);
    expect(
      await action("lib/account/actions.ts#changePassword")({
        current: PASSWORD,
        next: "otra contraseña distinta y larga 2027",
        confirm: "otra contraseña distinta y larga 2027",
      }),
    ).toMatchObject({ ok: true });

    // Two-factor required of the business, then turned off by the owner.
    world.signInAs(owner);
    expect(
      await action("lib/two-factor/actions.ts#setRequireTwoFactor")({
        businessId: fx.businessId,
        required: true,
      }),
    ).toMatchObject({ ok: true });
    world.signInAs(owner);
    await action("lib/two-factor/actions.ts#setRequireTwoFactor")({
      businessId: fx.businessId,
      required: false,
    });
    world.signInAs(owner);
    expect(await action("lib/two-factor/actions.ts#disableTwoFactor")({})).toMatchObject({
      ok: true,
    });

    // A Lectura member tries to delete the business; then the owner deletes it.
    world.signInAs(viewer);
    expect(
      await action("lib/businesses/actions.ts#deleteBusiness")({ businessId: fx.businessId }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    world.signInAs(owner);
    expect(
      await action("lib/businesses/actions.ts#deleteBusiness")({ businessId: fx.businessId }),
    ).toMatchObject({ ok: true });

    expect(await of(owner.id)).toEqual(
      expect.arrayContaining([
        { kind: "session.revoked", businessId: null, subject: "todas las demás (1)" },
        { kind: "password.changed", businessId: fx.businessId, subject: null },
        { kind: "two_factor.required", businessId: fx.businessId, subject: expect.any(String) },
        { kind: "two_factor.disabled", businessId: fx.businessId, subject: null },
        { kind: "business.deleted", businessId: fx.businessId, subject: fx.razonSocial },
      ]),
    );
    const [refusal] = await world.db
      .select()
      .from(securityEvents)
      .where(
        and(eq(securityEvents.userId, viewer.id), eq(securityEvents.kind, "authorization.refused")),
      );
    expect(refusal).toMatchObject({
      businessId: fx.businessId,
      subject: "deleteBusiness",
      detail: "su rol (Lectura) no permite business:delete",
    });
  });
});
