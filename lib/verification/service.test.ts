/**
 * Verified addresses on both engines, with the real token store, throttle, job queue and SMTP
 * server: sign-up answers alike for a new and a taken email (the owner gets "ya tenés cuenta"),
 * a link works once, before it expires, only for its purpose and only for the address it went to.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccountTokensService } from "@/lib/account/tokens";
import { createThrottleService } from "@/lib/auth/throttle";
import type { DatabaseHandle } from "@/lib/db/client";
import { outboundEmails, users } from "@/lib/db/schema";
import { createMailService, type MailService } from "@/lib/mail/service";
import { startMailHarness, type MailHarness } from "@/lib/testing/mail-harness";
import type { Mailbox } from "@/lib/testing/mailbox";
import { databaseEngines } from "@/lib/testing/test-database";
import { createVerificationService, MAIL_OFF } from "./service";

const BASE_URL = "http://tablero.test";
const HOUR = 3_600_000;

describe.each(databaseEngines())("verified addresses on $name", (engine) => {
  let harness: MailHarness;
  let handle: DatabaseHandle;
  let mailbox: Mailbox;
  let mail: MailService;
  let clock = new Date("2026-11-20T12:00:00.000Z");
  const now = () => clock;

  beforeAll(async () => {
    harness = await startMailHarness(engine, { baseUrl: BASE_URL });
    ({ handle, mailbox, mail } = harness);
  });
  afterAll(() => harness?.close());

  function service() {
    const { db } = handle;
    return createVerificationService({
      db,
      mail,
      tokens: createAccountTokensService({ db, now }),
      throttle: createThrottleService({ db, now }),
      now,
    });
  }

  const newEmail = () => `persona.${randomBytes(4).toString("hex")}@tablero.test`;

  /** Sends every queued email to the SMTP server, as the `email` job does. */
  async function deliverAll(to: string) {
    const rows = await handle.db
      .select({ id: outboundEmails.id })
      .from(outboundEmails)
      .where(eq(outboundEmails.to, to));
    for (const row of rows) await mail.deliver(row.id);
  }

  /** Signs up `email` and returns the token of the link that reached its inbox. */
  async function signUpAndOpenInbox(email: string, invitation?: string): Promise<string> {
    const since = Date.now();
    await service().signUp({ name: "Ana", email, password: "una-clave-bien-larga", invitation });
    await deliverAll(email);
    const received = await mailbox.waitFor(email, { subject: /Confirmá tu email/, since });
    const link = received.links.find((l) => l.includes("/verificar/"))!;
    return new URL(link).pathname.split("/").pop()!;
  }

  async function account(email: string) {
    const [row] = await handle.db.select().from(users).where(eq(users.email, email));
    return row;
  }

  it("a new email: an unverified account and a link that verifies it once", async () => {
    const email = newEmail();
    const token = await signUpAndOpenInbox(email);
    expect((await account(email))?.emailVerifiedAt).toBeNull();
    expect((await service().status((await account(email))!.id)).verified).toBe(false);

    expect(await service().verify(token)).toEqual({ outcome: "verified", email });
    expect((await account(email))?.emailVerifiedAt).toEqual(clock);
    // Single use: the same link again says the address is already confirmed.
    expect(await service().verify(token)).toEqual({ outcome: "already_verified" });
    expect((await service().status((await account(email))!.id)).verified).toBe(true);
  });

  it("a taken email: nothing is created, the same answer, and the owner gets 'ya tenés cuenta'", async () => {
    const email = newEmail();
    const first = await service().signUp({
      name: "Dueña",
      email,
      password: "una-clave-bien-larga",
    });
    const before = await account(email);
    const since = Date.now();
    const second = await service().signUp({
      name: "Otra persona",
      email: email.toUpperCase(),
      password: "otra-clave-bien-larga",
    });
    expect(second).toEqual(first);
    // The account is untouched: same name, same password.
    expect(await account(email)).toEqual(before);
    await deliverAll(email);
    const received = await mailbox.waitFor(email, { subject: /Ya tenés una cuenta/, since });
    expect(received.text).toContain("Hola, Dueña:");
    expect(received.links).toContain(`${BASE_URL}/ingresar`);
  });

  it("a link carries the invitation the person signed up from", async () => {
    const invitation = "i".repeat(43);
    const email = newEmail();
    const since = Date.now();
    await service().signUp({ name: "Ana", email, password: "una-clave-bien-larga", invitation });
    await deliverAll(email);
    const received = await mailbox.waitFor(email, { subject: /Confirmá tu email/, since });
    expect(received.links.some((l) => l.endsWith(`?invitacion=${invitation}`))).toBe(true);
  });

  it("an expired link is refused and verifies nothing", async () => {
    const email = newEmail();
    const token = await signUpAndOpenInbox(email);
    const start = clock;
    clock = new Date(start.getTime() + 24 * HOUR);
    try {
      expect(await service().verify(token)).toEqual({ outcome: "expired" });
    } finally {
      clock = start;
    }
    expect((await account(email))?.emailVerifiedAt).toBeNull();
  });

  it("a link of another purpose, or made up, is refused", async () => {
    const email = newEmail();
    await service().signUp({ name: "Ana", email, password: "una-clave-bien-larga" });
    const user = (await account(email))!;
    const resetToken = await handle.db.transaction((tx) =>
      createAccountTokensService({ db: handle.db, now }).issue(tx, {
        userId: user.id,
        email,
        purpose: "reset-password",
      }),
    );
    expect(await service().verify(resetToken)).toEqual({ outcome: "invalid" });
    expect(await service().verify("x".repeat(43))).toEqual({ outcome: "invalid" });
    expect(await service().verify("../../etc")).toEqual({ outcome: "invalid" });
    expect((await account(email))?.emailVerifiedAt).toBeNull();
  });

  it("a link sent to an address the account no longer has verifies nothing", async () => {
    const email = newEmail();
    const token = await signUpAndOpenInbox(email);
    const user = (await account(email))!;
    const changed = newEmail();
    await handle.db.update(users).set({ email: changed }).where(eq(users.id, user.id));
    expect(await service().verify(token)).toEqual({ outcome: "email_changed" });
    expect((await account(changed))?.emailVerifiedAt).toBeNull();
  });

  it("a new link retires the earlier one", async () => {
    const email = newEmail();
    const first = await signUpAndOpenInbox(email);
    const user = (await account(email))!;
    const since = Date.now();
    expect(await service().resend(user.id, "203.0.113.7")).toEqual({ status: "sent" });
    await deliverAll(email);
    const received = await mailbox.waitFor(email, { subject: /Confirmá tu email/, since });
    const second = new URL(received.links.find((l) => l.includes("/verificar/"))!).pathname
      .split("/")
      .pop()!;
    expect(second).not.toBe(first);
    expect(await service().verify(first)).toEqual({ outcome: "used" });
    expect(await service().verify(second)).toEqual({ outcome: "verified", email });
    // Verified: "Reenviar" sends nothing more.
    expect(await service().resend(user.id, "203.0.113.7")).toEqual({ status: "verified" });
  });

  it("with email off (no SMTP_URL): the account exists, nothing is queued, and every answer says why", async () => {
    const { db } = handle;
    const off = createVerificationService({
      db,
      mail: createMailService({
        db,
        queue: { send: () => Promise.reject(new Error("email is off: nothing is queued")) },
        transport: null,
        baseUrl: BASE_URL,
        attempts: 3,
        retrySeconds: 1,
        instance: { id: "test-instance" },
        leaseMs: 30_000,
        keyring: new Map([[1, randomBytes(32)]]),
      }),
      tokens: createAccountTokensService({ db, now }),
      throttle: createThrottleService({ db, now }),
      now,
    });
    const email = newEmail();
    expect(await off.signUp({ name: "Ana", email, password: "una-clave-bien-larga" })).toEqual({
      mailEnabled: false,
    });
    const user = (await account(email))!;
    expect(user.emailVerifiedAt).toBeNull();
    // Recorded as never sent, so the banner can tell; no body kept.
    expect(
      await db
        .select({ status: outboundEmails.status, text: outboundEmails.text })
        .from(outboundEmails)
        .where(eq(outboundEmails.to, email)),
    ).toEqual([{ status: "failed", text: null }]);
    expect(await off.status(user.id)).toEqual({
      verified: false,
      email,
      lastEmail: "failed",
      mailEnabled: false,
    });
    await expect(off.resend(user.id, "203.0.113.9")).rejects.toMatchObject({
      code: "conflict",
      message: MAIL_OFF,
    });
  });

  it("emails to one address are limited, and the answer says when to try again", async () => {
    const email = newEmail();
    await service().signUp({ name: "Ana", email, password: "una-clave-bien-larga" });
    const user = (await account(email))!;
    await service().resend(user.id, "203.0.113.8");
    await service().resend(user.id, "203.0.113.8");
    const count = async () =>
      (await handle.db.select().from(outboundEmails).where(eq(outboundEmails.to, email))).length;
    expect(await count()).toBe(3);
    await expect(service().resend(user.id, "203.0.113.8")).rejects.toMatchObject({
      message: "Pediste demasiados emails seguidos. Probá de nuevo en 1 minuto.",
    });
    // Sign-up with the same address is held by the same limit, whatever the page answers.
    await expect(
      service().signUp({ name: "Ana", email, password: "una-clave-bien-larga" }),
    ).rejects.toMatchObject({ message: /^Pediste demasiados emails seguidos\. Probá de nuevo en/ });
    expect(await count()).toBe(3);
  });
});
