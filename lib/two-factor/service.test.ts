import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAuditService } from "@/lib/audit/service";
import { createBusinessesService } from "@/lib/businesses/service";
import type { Keyring } from "@/lib/crypto/secrets";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents, recoveryCodes, users } from "@/lib/db/schema";
import { createSessionsService } from "@/lib/sessions/service";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { hashRecoveryCode, normalizeRecoveryCode } from "./codes";
import { createTwoFactorService, EMAIL_NOT_VERIFIED } from "./service";

vi.mock("server-only", () => ({}));

const MINUTE = 60_000;
const keyring: Keyring = new Map([[1, randomBytes(32)]]);

describe.each(databaseEngines())("two-factor on $name", (engine) => {
  let handle: DatabaseHandle;
  let clock = Date.parse("2026-11-30T12:00:10.000Z");
  const now = () => new Date(clock);
  const service = () =>
    createTwoFactorService({
      db: handle.db,
      keyring,
      now,
      audit: createAuditService({ db: handle.db, now }),
    });
  /** The app's code at the test clock, `steps` periods of 30 s away. */
  const codeAt = (secret: string, steps = 0) =>
    generate({ secret, epoch: Math.floor(clock / 1000) + steps * 30 });

  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  /** Two-factor is for verified addresses only: the users here have confirmed theirs. */
  async function verifiedUser() {
    const id = await insertTestUser(handle.db);
    await handle.db.update(users).set({ emailVerifiedAt: now() }).where(eq(users.id, id));
    return id;
  }

  const userRow = async (id: string) =>
    (await handle.db.select().from(users).where(eq(users.id, id)))[0]!;

  /** A user with two-factor on; returns the key and the recovery codes shown. */
  async function enrolled() {
    const id = await verifiedUser();
    const { secret, setupId } = await service().beginSetup({ id, email: `${id}@tablero.test` });
    const codes = await service().confirmSetup(id, await codeAt(secret), setupId);
    clock += 30_000; // the confirming code's step is spent; later tests use the next one
    return { id, secret, codes };
  }

  it("set-up: the key is stored sealed (never as it was shown) and not in force until confirmed", async () => {
    const id = await verifiedUser();
    const setup = await service().beginSetup({ id, email: "ana@tablero.test" });
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(setup.qrDataUrl.split(",")[1]!, "base64").toString();
    expect(svg).toContain("<svg");

    const row = await userRow(id);
    expect(row.totpSealed).toMatch(/^v1\./);
    expect(row.totpSealed).not.toContain(setup.secret);
    expect(row.totpKeyVersion).toBe(1);
    expect(row.totpEnabledAt).toBeNull();
    expect(await service().isEnabled(id)).toBe(false);
    // Sealed for this user: the value copied onto another account does not open there.
    const other = await verifiedUser();
    await handle.db
      .update(users)
      .set({ totpSealed: row.totpSealed, totpEnabledAt: now() })
      .where(eq(users.id, other));
    await expect(service().verify(other, await codeAt(setup.secret))).rejects.toThrow(
      /No se pudo descifrar/,
    );
  });

  it("a wrong code does not turn it on; the right one does, with ten recovery codes stored hashed", async () => {
    const id = await verifiedUser();
    const { secret, setupId } = await service().beginSetup({ id, email: "bea@tablero.test" });
    const wrong = (Number(await codeAt(secret)) + 1).toString().padStart(6, "0").slice(-6);
    await expect(service().confirmSetup(id, wrong, setupId)).rejects.toMatchObject({
      code: "invalid",
    });
    expect((await userRow(id)).totpEnabledAt).toBeNull();

    const codes = await service().confirmSetup(id, await codeAt(secret), setupId);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect((await userRow(id)).totpEnabledAt).toEqual(now());
    const stored = await handle.db
      .select({ hash: recoveryCodes.codeHash })
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, id));
    expect(stored.map((r) => r.hash).sort()).toEqual(
      codes.map((c) => hashRecoveryCode(normalizeRecoveryCode(c)!)).sort(),
    );
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.slice(0, 4));
    expect(await service().status(id)).toEqual({
      enabledAt: now(),
      remainingCodes: 10,
      emailVerified: true,
    });
    await expect(service().beginSetup({ id, email: "bea@tablero.test" })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("confirming needs the set-up's own id: a key begun elsewhere or replaced since is not turned on", async () => {
    const id = await verifiedUser();
    const first = await service().beginSetup({ id, email: "caro@tablero.test" });
    // Someone else's (or an earlier) flow: the right code without this set-up's id.
    await expect(
      service().confirmSetup(id, await codeAt(first.secret), "otra"),
    ).rejects.toMatchObject({ code: "conflict" });
    const second = await service().beginSetup({ id, email: "caro@tablero.test" });
    expect(second.setupId).not.toBe(first.setupId);
    await expect(
      service().confirmSetup(id, await codeAt(second.secret), first.setupId),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await userRow(id)).totpEnabledAt).toBeNull();
    expect(
      await service().confirmSetup(id, await codeAt(second.secret), second.setupId),
    ).toHaveLength(10);
    clock += 30_000;
  });

  it("an address never verified cannot turn it on: not begun, and a key begun before is not confirmed", async () => {
    const id = await insertTestUser(handle.db);
    expect(await service().status(id)).toEqual({
      enabledAt: null,
      remainingCodes: 0,
      emailVerified: false,
    });
    await expect(service().beginSetup({ id, email: "dani@tablero.test" })).rejects.toMatchObject({
      code: "conflict",
      message: EMAIL_NOT_VERIFIED,
    });
    expect((await userRow(id)).totpSealed).toBeNull();
    // A key left pending while the address was verified, which then changed to an unverified one.
    await handle.db.update(users).set({ emailVerifiedAt: now() }).where(eq(users.id, id));
    const { secret, setupId } = await service().beginSetup({ id, email: "dani@tablero.test" });
    await handle.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, id));
    await expect(service().confirmSetup(id, await codeAt(secret), setupId)).rejects.toMatchObject({
      code: "conflict",
      message: EMAIL_NOT_VERIFIED,
    });
    expect(await service().isEnabled(id)).toBe(false);
  });

  it("a code works within one step either side of now, not two", async () => {
    const { id, secret } = await enrolled();
    clock += 60_000; // past the steps the set-up used
    expect(await service().verify(id, await codeAt(secret, 2))).toBeNull();
    expect(await service().verify(id, await codeAt(secret, -1))).toBe("totp");
    clock += 30_000;
    expect(await service().verify(id, await codeAt(secret, 1))).toBe("totp");
    clock += 5 * MINUTE;
    expect(await service().verify(id, await codeAt(secret, -2))).toBeNull();
  });

  it("a code works once: the same step, or an earlier one, is refused afterwards", async () => {
    const { id, secret } = await enrolled();
    const code = await codeAt(secret);
    const earlier = await codeAt(secret, -1);
    expect(await service().verify(id, code)).toBe("totp");
    expect(await service().verify(id, code)).toBeNull();
    expect(await service().verify(id, earlier)).toBeNull();
    // Sent twice at once (two tabs, a replayed request): one wins.
    clock += 30_000;
    const next = await codeAt(secret);
    const both = await Promise.all([service().verify(id, next), service().verify(id, next)]);
    expect(both.sort()).toEqual([null, "totp"].sort());
  });

  it("a recovery code works once, in any case and with or without dashes, and is logged", async () => {
    const { id, codes } = await enrolled();
    const ownerBusiness = await createBusinessesService({
      db: handle.db,
      keyring,
      now,
    }).insertBusiness(id, {
      razonSocial: "Recupero S.A.",
      cuit: "30712293841",
      credentials: { apikey: "1", apitoken: "t", usertoken: "u" },
    });
    const typed = codes[3]!.toLowerCase().replaceAll("-", " ");
    expect(await service().verify(id, typed)).toBe("recovery");
    expect(await service().verify(id, codes[3]!)).toBeNull();
    const [both1, both2] = await Promise.all([
      service().verify(id, codes[4]!),
      service().verify(id, codes[4]!),
    ]);
    expect([both1, both2].filter(Boolean)).toEqual(["recovery"]);
    expect(await service().verify(id, "AAAA-BBBB-CCCC-DDDD")).toBeNull();
    expect((await service().status(id)).remainingCodes).toBe(8);
    const logged = await handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.businessId, ownerBusiness));
    expect(logged.filter((e) => e.action === "twoFactor.recovery")).toHaveLength(2);
  });

  it("new recovery codes replace the old ones", async () => {
    const { id, codes } = await enrolled();
    const fresh = await service().regenerateRecoveryCodes(id);
    expect(await service().verify(id, codes[0]!)).toBeNull();
    expect(await service().verify(id, fresh[0]!)).toBe("recovery");
    expect((await service().status(id)).remainingCodes).toBe(9);
  });

  it("disabling erases the key and every recovery code; sign-in needs no code after", async () => {
    const { id, secret, codes } = await enrolled();
    await service().disable(id);
    const row = await userRow(id);
    expect([row.totpSealed, row.totpKeyVersion, row.totpEnabledAt, row.totpLastStep]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(
      await handle.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id)),
    ).toEqual([]);
    expect(await service().isEnabled(id)).toBe(false);
    expect(await service().verify(id, await codeAt(secret))).toBeNull();
    expect(await service().verify(id, codes[0]!)).toBeNull();
    expect(await service().status(id)).toEqual({
      enabledAt: null,
      remainingCodes: 0,
      emailVerified: true,
    });
  });

  it("re-authentication is fresh for 10 minutes after sign-in or a confirmation", async () => {
    const sessions = createSessionsService({
      db: handle.db,
      now,
      absoluteMs: 12 * 60 * MINUTE,
      idleMs: 30 * MINUTE,
      reauthMs: 10 * MINUTE,
    });
    const userId = await verifiedUser();
    const id = (await sessions.open({ userId, userAgent: null, address: null }))!;
    const fresh = () => sessions.recentlyAuthenticated(id, userId);
    clock += 9 * MINUTE;
    expect(await fresh()).toBe(true);
    await sessions.check(id, userId);
    clock += 2 * MINUTE;
    // Using the session keeps it alive but proves nothing about who is at the keyboard.
    expect(await fresh()).toBe(false);
    expect(await sessions.markAuthenticated(id, userId)).toBe(true);
    expect(await fresh()).toBe(true);
    expect(await sessions.recentlyAuthenticated(id, await verifiedUser())).toBe(false);
    await sessions.end(userId, id);
    expect(await fresh()).toBe(false);
    expect(await sessions.markAuthenticated(id, userId)).toBe(false);
  });
});
