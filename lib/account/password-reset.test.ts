/**
 * "¿Olvidaste tu contraseña?" on each engine with the real services: the link goes out through
 * the real job queue to a real SMTP server, and the link from that email is what is used.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditService } from "@/lib/audit/service";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { admitSignIn, signInKeys } from "@/lib/auth/sign-in-limits";
import { createThrottleService } from "@/lib/auth/throttle";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  accountTokens,
  auditEvents,
  businesses,
  memberships,
  outboundEmails,
  recoveryCodes,
  users,
} from "@/lib/db/schema";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { createMailService } from "@/lib/mail/service";
import { createSmtpTransport, type MailTransport } from "@/lib/mail/transport";
import { createSessionsService } from "@/lib/sessions/service";
import { startMailbox, type Mailbox } from "@/lib/testing/mailbox";
import { databaseEngines } from "@/lib/testing/test-database";
import { createPasswordResetService, LINK_NOT_USABLE } from "./password-reset";
import { createAccountTokensService } from "./tokens";

const HOUR = 3_600_000;
const OLD_PASSWORD = "pájaro-ventana-limón-17";
const NEW_PASSWORD = "tranvía-cometa-azulejo-41";
const CONNECTION = "203.0.113.5";

describe.each(databaseEngines())("password reset on $name", (engine) => {
  let handle: DatabaseHandle;
  let mailbox: Mailbox;
  let queue: JobQueue;
  let transport: MailTransport;
  let clock = Date.now();
  const now = () => new Date(clock);
  // One keyring for every service here: the worker opens what any of them sealed.
  const keyring = new Map([[1, randomBytes(32)]]);

  function services(mailOn = true) {
    const { db } = handle;
    const mail = createMailService({
      db,
      queue,
      transport: mailOn ? transport : null,
      baseUrl: "https://tablero.test",
      attempts: 3,
      retrySeconds: 1,
      instance: { id: "test-instance" },
      leaseMs: 30_000,
      keyring,
    });
    const sessions = createSessionsService({ db, now, absoluteMs: 12 * HOUR, idleMs: HOUR });
    const reset = createPasswordResetService({
      db,
      now,
      mail,
      sessions,
      tokens: createAccountTokensService({ db, now }),
      audit: createAuditService({ db, now }),
      throttle: createThrottleService({ db, now }),
    });
    return { mail, sessions, reset };
  }

  beforeAll(async () => {
    [handle, mailbox] = await Promise.all([engine.open(), startMailbox()]);
    queue = await startJobQueue(handle, {
      maintenanceSeconds: 1,
      expireSeconds: 30,
      emailAttempts: 3,
      emailRetrySeconds: 1,
    });
    transport = createSmtpTransport(mailbox.smtpUrl, "Tablero <no-responder@tablero.test>");
    const mail = services().mail;
    await queue.work("email", ({ emailId }) => mail.deliver(emailId));
  });
  afterAll(async () => {
    await queue?.stop();
    transport?.close();
    await Promise.all([handle?.close(), mailbox?.close()]);
  });

  async function newUser(verified = false) {
    const email = `ana-${randomUUID().slice(0, 8)}@tablero.test`;
    const [user] = await handle.db
      .insert(users)
      .values({
        name: "Ana Pérez",
        email,
        passwordHash: await hashPassword(OLD_PASSWORD),
        emailVerifiedAt: verified ? now() : null,
      })
      .returning();
    return user!;
  }

  async function userRow(id: string) {
    const [row] = await handle.db.select().from(users).where(eq(users.id, id));
    return row!;
  }

  /** Asks for a link for `email` and returns the token of the email that arrives. */
  async function linkFor(email: string): Promise<string> {
    const since = Date.now();
    await services().reset.sendLink(email);
    const received = await mailbox.waitFor(email, { subject: /nueva contraseña/, since });
    const link = received.links.find((l) => l.includes("/restablecer/"))!;
    expect(link).toMatch(/^https:\/\/tablero\.test\/restablecer\/[\w-]{43}$/);
    return link.split("/").pop()!;
  }

  it("a known address gets a working link; an unknown one gets no token and no email", async () => {
    const user = await newUser();
    const token = await linkFor(user.email.toUpperCase());
    expect(
      await createAccountTokensService({ db: handle.db, now }).isUsable(token, "reset-password"),
    ).toBe(true);

    const unknown = `nadie-${randomUUID().slice(0, 8)}@tablero.test`;
    await services().reset.sendLink(unknown);
    expect(
      await handle.db.select().from(outboundEmails).where(eq(outboundEmails.to, unknown)),
    ).toEqual([]);
    expect(
      await handle.db.select().from(accountTokens).where(eq(accountTokens.email, unknown)),
    ).toEqual([]);
    expect(mailbox.messages(unknown)).toEqual([]);
  });

  it("the link sets the password, ends every session, verifies the address and emails the change", async () => {
    const user = await newUser();
    const business = (
      await handle.db
        .insert(businesses)
        .values({ razonSocial: "Kiosco Ana", cuit: "20556677884" })
        .returning()
    )[0]!;
    await handle.db
      .insert(memberships)
      .values({ userId: user.id, businessId: business.id, role: "owner" });
    const { sessions, reset } = services();
    const open = () => sessions.open({ userId: user.id, userAgent: "test", address: null });
    const [first, second] = [(await open())!, (await open())!];
    const token = await linkFor(user.email);

    await reset.reset(token, NEW_PASSWORD, CONNECTION);

    const after = await userRow(user.id);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, OLD_PASSWORD)).toBe(false);
    expect(after.emailVerifiedAt).toEqual(now());
    expect(await sessions.check(first, user.id)).toBe(false);
    expect(await sessions.check(second, user.id)).toBe(false);
    expect(await sessions.list(user.id, null)).toEqual([]);
    expect(
      await handle.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.businessId, business.id)),
    ).toEqual([{ action: "account.password_reset" }]);
    const changed = await mailbox.waitFor(user.email, { subject: /Cambió la contraseña/ });
    expect(changed.text).toContain("https://tablero.test/olvide-mi-contrasena");

    // The link worked once.
    await expect(reset.reset(token, "otra-clave-muy-larga-y-rara-99", CONNECTION)).rejects.toThrow(
      LINK_NOT_USABLE,
    );
    expect((await userRow(user.id)).passwordHash).toBe(after.passwordHash);
  });

  /** Two-factor on, set up by whoever signed up (columns as the two-factor service leaves them). */
  async function withTwoFactor(userId: string) {
    await handle.db
      .update(users)
      .set({ totpSealed: "v1.sellada", totpKeyVersion: 1, totpEnabledAt: now(), totpLastStep: 7 })
      .where(eq(users.id, userId));
    await handle.db
      .insert(recoveryCodes)
      .values(["a", "b"].map((c) => ({ userId, codeHash: `${c}-${userId}`, createdAt: now() })));
  }

  const twoFactorOf = async (userId: string) => {
    const row = await userRow(userId);
    const codes = await handle.db
      .select()
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, userId));
    return {
      sealed: row.totpSealed,
      keyVersion: row.totpKeyVersion,
      enabledAt: row.totpEnabledAt,
      lastStep: row.totpLastStep,
      codes: codes.length,
    };
  };

  it("an address never verified before: the reset also turns off the two-factor whoever signed up set", async () => {
    const user = await newUser();
    await withTwoFactor(user.id);
    const token = await linkFor(user.email);
    await services().reset.reset(token, NEW_PASSWORD, CONNECTION);
    expect(await twoFactorOf(user.id)).toEqual({
      sealed: null,
      keyVersion: null,
      enabledAt: null,
      lastStep: null,
      codes: 0,
    });
    expect((await userRow(user.id)).emailVerifiedAt).toEqual(now());

    // A verified address's own two-factor stays as it was.
    const owner = await newUser(true);
    await withTwoFactor(owner.id);
    await services().reset.reset(await linkFor(owner.email), NEW_PASSWORD, CONNECTION);
    expect(await twoFactorOf(owner.id)).toEqual({
      sealed: "v1.sellada",
      keyVersion: 1,
      enabledAt: now(),
      lastStep: 7,
      codes: 2,
    });
  });

  it("a refused password leaves an unverified account's two-factor as it was", async () => {
    const user = await newUser();
    await withTwoFactor(user.id);
    const token = await linkFor(user.email);
    await expect(services().reset.reset(token, "corta", CONNECTION)).rejects.toMatchObject({
      code: "invalid",
    });
    expect((await twoFactorOf(user.id)).codes).toBe(2);
    expect((await userRow(user.id)).totpEnabledAt).toEqual(now());
  });

  it("a weak password is refused in Spanish and leaves the link usable and the account as it was", async () => {
    const user = await newUser();
    const { sessions, reset } = services();
    const session = (await sessions.open({ userId: user.id, userAgent: "t", address: null }))!;
    const token = await linkFor(user.email);
    const refusal = await reset
      .reset(token, "contraseña123", CONNECTION)
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/^Esa contraseña es fácil de adivinar\./),
      fieldErrors: { password: [expect.any(String)] },
    });
    const unchanged = await userRow(user.id);
    expect(unchanged.passwordHash).toBe(user.passwordHash);
    expect(unchanged.emailVerifiedAt).toBeNull();
    expect(await sessions.check(session, user.id)).toBe(true);
    // The same link, with a good password.
    await reset.reset(token, NEW_PASSWORD, CONNECTION);
    expect(await sessions.check(session, user.id)).toBe(false);
  });

  it("a link sent to an address the account no longer has does not verify the new one", async () => {
    const user = await newUser();
    const token = await linkFor(user.email);
    const moved = `nueva-${user.email}`;
    await handle.db.update(users).set({ email: moved }).where(eq(users.id, user.id));
    await services().reset.reset(token, NEW_PASSWORD, CONNECTION);
    expect((await userRow(user.id)).emailVerifiedAt).toBeNull();
    // The change is told to the address the account has now.
    await mailbox.waitFor(moved, { subject: /Cambió la contraseña/ });
  });

  it("forgets this connection's failed sign-ins with the old password, not another's", async () => {
    const user = await newUser();
    const throttle = createThrottleService({ db: handle.db, now });
    const here = signInKeys(user.email, CONNECTION);
    const elsewhere = signInKeys(user.email, "198.51.100.66");
    // Guesses until each connection is made to wait.
    for (const keys of [here, elsewhere]) {
      while (await admitSignIn(throttle, keys));
      expect(await admitSignIn(throttle, keys)).toBe(false);
    }
    const token = await linkFor(user.email);
    await services().reset.reset(token, NEW_PASSWORD, CONNECTION);
    expect(await admitSignIn(throttle, here)).toBe(true);
    expect(await admitSignIn(throttle, elsewhere)).toBe(false);
  });

  it("an address already verified keeps its date", async () => {
    const user = await newUser(true);
    const token = await linkFor(user.email);
    clock += 60_000;
    await services().reset.reset(token, NEW_PASSWORD, CONNECTION);
    expect((await userRow(user.id)).emailVerifiedAt).toEqual(user.emailVerifiedAt);
  });

  it("allows 3 links an hour per address, known or not, then says when to try again", async () => {
    const { reset } = services();
    for (const email of [(await newUser()).email, `nadie-${randomUUID()}@tablero.test`]) {
      const connection = `198.51.100.${Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < 3; i++) {
        await reset.admit(email, connection);
        clock += 1000;
      }
      await expect(reset.admit(email.toUpperCase(), connection)).rejects.toThrow(
        "Ya pedimos varios enlaces para ese email. Probá de nuevo en 60 minutos.",
      );
      clock += 30 * 60_000;
      await expect(reset.admit(email, `${connection}0`)).rejects.toThrow(
        "Probá de nuevo en 30 minutos.",
      );
      clock += 30 * 60_000;
      await reset.admit(email, connection);
    }
  });

  it("allows 20 requests an hour from one connection, whichever addresses", async () => {
    const { reset } = services();
    const connection = "203.0.113.99";
    for (let i = 0; i < 20; i++)
      await reset.admit(`persona-${i}-${randomUUID()}@x.test`, connection);
    await expect(reset.admit(`otra-${randomUUID()}@x.test`, connection)).rejects.toThrow(
      "Se pidieron demasiados enlaces desde esta conexión. Probá de nuevo en 60 minutos.",
    );
    // Another connection is not held up.
    await reset.admit(`otra-${randomUUID()}@x.test`, "203.0.113.100");
  });

  it("with email off, a request is refused saying so, and nothing is counted", async () => {
    const { reset } = services(false);
    const email = `ana-${randomUUID()}@tablero.test`;
    for (let i = 0; i < 5; i++) {
      await expect(reset.admit(email, "192.0.2.1")).rejects.toThrow(
        "Este servidor de Tablero no puede enviar emails. Pedile al administrador que te ayude a recuperar el acceso.",
      );
    }
    await services().reset.admit(email, "192.0.2.1");
  });

  it("of two uses of one link at the same time, one sets the password and the other is refused", async () => {
    const user = await newUser();
    const token = await linkFor(user.email);
    const { reset } = services();
    const outcomes = await Promise.allSettled([
      reset.reset(token, NEW_PASSWORD, CONNECTION),
      reset.reset(token, "otra-clave-muy-larga-y-rara-99", CONNECTION),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const hash = (await userRow(user.id)).passwordHash;
    const winner =
      outcomes[0]!.status === "fulfilled" ? NEW_PASSWORD : "otra-clave-muy-larga-y-rara-99";
    expect(await verifyPassword(hash, winner)).toBe(true);
  });
});
