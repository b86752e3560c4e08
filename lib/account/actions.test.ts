/**
 * «Cambiar contraseña» through the real action pipeline and the process's services: the new
 * password, the other sessions ended, the activity line and the «Cambió la contraseña» email
 * are one commit.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { auditEvents, outboundEmails, users } from "@/lib/db/schema";
import { LINK_NOT_USABLE } from "./password-reset";
import { startWorld, type World } from "@/lib/testing/authorization-harness";

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/index", async () =>
  (await import("@/lib/testing/authorization-harness")).authModule(),
);

const OLD = "pájaro-ventana-limón-17";
const NEW = "tranvía-cometa-azulejo-41";
const INTRUDER = "gaviota-farol-pimienta-93";

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

describe("changePassword", () => {
  it("changes the hash, ends the other sessions, logs it and queues the email to the address", async () => {
    const fx = await world.fixture();
    const person = fx.users.accountant;
    await world.db
      .update(users)
      .set({ passwordHash: await hashPassword(OLD) })
      .where(eq(users.id, person.id));
    const { sessions } = world.runtime;
    const elsewhere = (await sessions.open({ userId: person.id, userAgent: "x", address: null }))!;
    world.signInAs(person);
    const { changePassword } = await import("./actions");

    const result = await changePassword({ current: OLD, next: NEW, confirm: NEW });

    expect(result).toEqual({ ok: true, data: { endedSessions: 1 } });
    const [row] = await world.db.select().from(users).where(eq(users.id, person.id));
    expect(await verifyPassword(row!.passwordHash, NEW)).toBe(true);
    expect(await sessions.check(elsewhere, person.id)).toBe(false);
    expect(
      await world.db
        .select({ kind: outboundEmails.kind, subject: outboundEmails.subject })
        .from(outboundEmails)
        .where(eq(outboundEmails.to, person.email)),
    ).toContainEqual({
      kind: "password-changed",
      subject: "Cambió la contraseña de tu cuenta de Tablero",
    });
    expect(
      await world.db
        .select({ userId: auditEvents.userId })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.businessId, fx.businessId),
            eq(auditEvents.action, "account.password_change"),
          ),
        ),
    ).toEqual([{ userId: person.id }]);
  });

  it("retires the reset links already sent: whoever read them cannot set a password afterwards", async () => {
    const fx = await world.fixture();
    const person = fx.users.owner;
    await world.db
      .update(users)
      .set({ passwordHash: await hashPassword(OLD) })
      .where(eq(users.id, person.id));
    const { tokens, passwordReset } = world.runtime;
    const link = await tokens.issue(world.db, {
      userId: person.id,
      email: person.email,
      purpose: "reset-password",
    });
    world.signInAs(person);
    const { changePassword } = await import("./actions");

    expect(await changePassword({ current: OLD, next: NEW, confirm: NEW })).toMatchObject({
      ok: true,
    });

    await expect(passwordReset.reset(link, INTRUDER, null)).rejects.toThrow(LINK_NOT_USABLE);
    const [row] = await world.db.select().from(users).where(eq(users.id, person.id));
    expect(await verifyPassword(row!.passwordHash, NEW)).toBe(true);
    expect(await verifyPassword(row!.passwordHash, INTRUDER)).toBe(false);
  });

  it("a wrong current password changes nothing and sends nothing", async () => {
    const fx = await world.fixture();
    const person = fx.users.viewer;
    await world.db
      .update(users)
      .set({ passwordHash: await hashPassword(OLD) })
      .where(eq(users.id, person.id));
    world.signInAs(person);
    const { changePassword } = await import("./actions");
    const result = await changePassword({ current: "no-es-la-mía", next: NEW, confirm: NEW });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(
      await world.db.select().from(outboundEmails).where(eq(outboundEmails.to, person.email)),
    ).toEqual([]);
  });
});
