import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { createBusiness, deleteBusiness, replaceCredentials } from "@/lib/businesses/actions";
import { businessIdSchema } from "@/lib/businesses/schemas";
import { createBusinessesService } from "@/lib/businesses/service";
import type { Keyring } from "@/lib/crypto/secrets";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import {
  businesses,
  securityEvents,
  tusfacturasCredentials,
  users,
  userSessions,
} from "@/lib/db/schema";
import { createSessionsService } from "@/lib/sessions/service";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createLogger, type Logger } from "@/lib/log";
import { businessAction } from "./pipeline";

// The session and the database are the two things the pipeline asks the outside world for;
// the handlers get their services from the runtime, here built on the same test database.
const outside = vi.hoisted(() => ({
  user: null as SessionUser | null,
  db: undefined as Database | undefined,
  keyring: new Map([[1, Buffer.from(crypto.getRandomValues(new Uint8Array(32)))]]) as Keyring,
  /** The clock the sessions service reads (re-authentication freshness). */
  clock: Date.now(),
}));
vi.mock("@/lib/auth/session", () => ({ currentUser: () => Promise.resolve(outside.user) }));
vi.mock("@/lib/db", () => ({
  getDb: () =>
    outside.db ? Promise.resolve(outside.db) : Promise.reject(new Error("no test database")),
}));
vi.mock("@/lib/runtime", async () => {
  const { createBusinessesService } = await import("@/lib/businesses/service");
  const { createSessionsService } = await import("@/lib/sessions/service");
  const { createSecurityLog } = await import("@/lib/security-log/service");
  return {
    getRuntime: () =>
      outside.db
        ? Promise.resolve({
            businesses: createBusinessesService({ db: outside.db, keyring: outside.keyring }),
            sessions: createSessionsService({
              db: outside.db,
              now: () => new Date(outside.clock),
              absoluteMs: 12 * 3_600_000,
              idleMs: 30 * 60_000,
            }),
            securityLog: createSecurityLog({ db: outside.db, now: () => new Date(outside.clock) }),
          })
        : Promise.reject(new Error("no test database")),
  };
});

const keyring = outside.keyring;
const credentials = { apikey: "1003", apitoken: "test1003token", usertoken: "test1003user" };

const NOT_FOUND = { code: "not_found", message: "No encontramos esa empresa." };
const INTERNAL = "Ocurrió un error inesperado. Probá de nuevo en unos minutos.";

/** A business action whose handler renames the business, so any run would show in the row. */
const handlerRuns: unknown[] = [];
const renameBusiness = businessAction({
  name: "renameBusinessForTest",
  permission: "business:read",
  schema: businessIdSchema.extend({
    razonSocial: z.string().trim().min(2, "Ingresá la razón social."),
  }),
  async handler({ businessId, razonSocial }, context) {
    handlerRuns.push(context);
    await outside.db!.update(businesses).set({ razonSocial }).where(eq(businesses.id, businessId));
    return { businessId, razonSocial, role: context.role };
  },
});

const explode = businessAction({
  name: "explodeForTest",
  permission: "business:read",
  schema: businessIdSchema,
  handler() {
    return Promise.reject(
      new Error('duplicate key: connection "postgres://admin:hunter2@db.internal/tablero"'),
    );
  },
});

describe.each(databaseEngines())("action pipeline on $name", (engine) => {
  let handle: DatabaseHandle;
  let owner: SessionUser;
  let stranger: SessionUser;
  let businessId: string;

  const asUser = async (id: string): Promise<SessionUser> => {
    const [user] = await handle.db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, id));
    if (!user) throw new Error("no such user");
    // currentUser is replaced here (the session check itself is tested in lib/sessions); the
    // session is a real row, which sensitive actions read for when it was authenticated.
    const sessionId = await createSessionsService({
      db: handle.db,
      now: () => new Date(outside.clock),
      absoluteMs: 12 * 3_600_000,
      idleMs: 30 * 60_000,
    }).open({ userId: id, userAgent: null, address: null });
    return { ...user, sessionId: sessionId!, twoFactor: false, emailVerified: true };
  };
  const businessRow = async (id = businessId) =>
    (await handle.db.select().from(businesses).where(eq(businesses.id, id)))[0];
  const businessCount = async () => (await handle.db.select({ n: count() }).from(businesses))[0]?.n;

  beforeAll(async () => {
    handle = await engine.open();
    outside.db = handle.db;
    owner = await asUser(await insertTestUser(handle.db, "Dueña"));
    stranger = await asUser(await insertTestUser(handle.db, "Extraño"));
  });
  afterAll(async () => {
    outside.db = undefined;
    await handle?.close();
  });
  beforeEach(async () => {
    outside.user = null;
    outside.clock = Date.now();
    await handle.db.update(userSessions).set({ authenticatedAt: new Date(outside.clock) });
    handlerRuns.length = 0;
    businessId = await createBusinessesService({ db: handle.db, keyring }).insertBusiness(
      owner.id,
      {
        razonSocial: "Original S.A.",
        cuit: "30712293841",
        credentials,
      },
    );
  });

  it("without a session: unauthenticated, and nothing runs or changes", async () => {
    const before = await businessCount();

    expect(await deleteBusiness({ businessId })).toEqual({
      ok: false,
      error: { code: "unauthenticated", message: "Tu sesión terminó. Ingresá de nuevo." },
    });
    expect(await renameBusiness({ businessId, razonSocial: "Hackeada" })).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
    expect(
      await createBusiness({ razonSocial: "Nueva", cuit: "30712293841", ...credentials }),
    ).toMatchObject({ ok: false, error: { code: "unauthenticated" } });

    expect(handlerRuns).toEqual([]);
    expect(await businessCount()).toBe(before);
    expect((await businessRow())?.razonSocial).toBe("Original S.A.");
  });

  it("a user who is not a member gets not_found; the handler never runs", async () => {
    outside.user = stranger;

    expect(await renameBusiness({ businessId, razonSocial: "Hackeada" })).toEqual({
      ok: false,
      error: NOT_FOUND,
    });
    expect(await deleteBusiness({ businessId })).toEqual({ ok: false, error: NOT_FOUND });
    // Same answer as for a business that does not exist at all.
    expect(await deleteBusiness({ businessId: randomUUID() })).toEqual({
      ok: false,
      error: NOT_FOUND,
    });

    expect(handlerRuns).toEqual([]);
    expect((await businessRow())?.razonSocial).toBe("Original S.A.");
    // Each refusal is in the security log for the operator, not in the business's own log
    // (which a stranger could otherwise fill).
    const refusals = await handle.db
      .select({
        kind: securityEvents.kind,
        businessId: securityEvents.businessId,
        subject: securityEvents.subject,
        detail: securityEvents.detail,
      })
      .from(securityEvents)
      .where(eq(securityEvents.userId, stranger.id));
    expect(refusals).toEqual(
      expect.arrayContaining([
        {
          kind: "authorization.refused",
          businessId: null,
          subject: `renameBusinessForTest (empresa ${businessId})`,
          detail: "no es miembro",
        },
        {
          kind: "authorization.refused",
          businessId: null,
          subject: `deleteBusiness (empresa ${businessId})`,
          detail: "no es miembro",
        },
      ]),
    );
  });

  it.each([
    ["a non-UUID string", { businessId: "no-es-un-id" }],
    ["an SQL fragment", { businessId: "' or 1=1 --" }],
    ["a number", { businessId: 42 }],
    ["no businessId", { razonSocial: "Algo" }],
    ["null input", null],
    ["a string input", "businessId"],
  ])("a malformed businessId (%s) gets not_found", async (_, input) => {
    outside.user = owner;

    expect(await renameBusiness(input)).toEqual({ ok: false, error: NOT_FOUND });
    expect(await deleteBusiness(input)).toEqual({ ok: false, error: NOT_FOUND });
    expect(handlerRuns).toEqual([]);
  });

  it("a member with invalid input gets field errors and nothing changes", async () => {
    outside.user = owner;
    const [before] = await handle.db
      .select()
      .from(tusfacturasCredentials)
      .where(eq(tusfacturasCredentials.businessId, businessId));

    const result = await replaceCredentials({
      businessId,
      apikey: "1004",
      apitoken: "  ",
      usertoken: "con espacios",
    });

    expect(result).toEqual({
      ok: false,
      error: {
        code: "invalid",
        message: "Revisá los datos marcados.",
        fieldErrors: {
          apitoken: ["Ingresá el API token."],
          usertoken: ["El User token solo puede tener letras, números, guiones y puntos."],
        },
      },
    });
    expect(await renameBusiness({ businessId, razonSocial: "x" })).toMatchObject({
      ok: false,
      error: { code: "invalid", fieldErrors: { razonSocial: ["Ingresá la razón social."] } },
    });
    const [after] = await handle.db
      .select()
      .from(tusfacturasCredentials)
      .where(eq(tusfacturasCredentials.businessId, businessId));
    expect(after).toEqual(before);
    expect(handlerRuns).toEqual([]);
  });

  it("an unexpected exception becomes a generic Spanish message without its text", async () => {
    outside.user = owner;
    const lines: string[] = [];
    // The process's logger, replaced by one writing to memory.
    const slot = globalThis as { tableroLogger?: Logger };
    slot.tableroLogger = createLogger({ write: (line: string) => void lines.push(line) });
    try {
      const result = await explode({ businessId });

      expect(result).toEqual({ ok: false, error: { code: "internal", message: INTERNAL } });
      expect(JSON.stringify(result)).not.toMatch(/hunter2|postgres|duplicate/);
      // The operator still finds the cause in the server log.
      await vi.waitFor(() => expect(lines).toHaveLength(1));
      expect(JSON.parse(lines[0] ?? "")).toMatchObject({
        event: "action.failed",
        action: "explodeForTest",
        err: { type: "Error", message: expect.stringContaining("duplicate key") },
      });
    } finally {
      delete slot.tableroLogger;
    }
  });

  it("a member's valid call runs the handler with the business and role, and returns its data", async () => {
    outside.user = owner;

    expect(await renameBusiness({ businessId, razonSocial: "  Renombrada S.A. " })).toEqual({
      ok: true,
      data: { businessId, razonSocial: "Renombrada S.A.", role: "owner" },
    });
    expect(handlerRuns).toMatchObject([
      { user: owner, role: "owner", business: { id: businessId, razonSocial: "Original S.A." } },
    ]);
    expect((await businessRow())?.razonSocial).toBe("Renombrada S.A.");

    expect(await deleteBusiness({ businessId })).toEqual({ ok: true, data: { businessId } });
    expect(await businessRow()).toBeUndefined();
    // Who deleted it and when outlives the business.
    const [deletion] = await handle.db
      .select()
      .from(securityEvents)
      .where(
        and(eq(securityEvents.businessId, businessId), eq(securityEvents.kind, "business.deleted")),
      );
    expect(deletion).toMatchObject({ userId: owner.id, subject: "Renombrada S.A." });
  });

  it("a sensitive action asks to confirm once the sign-in is over 10 minutes old", async () => {
    outside.user = owner;
    outside.clock += 10 * 60_000 + 1000;

    expect(await deleteBusiness({ businessId })).toEqual({
      ok: false,
      error: {
        code: "reauth_required",
        message: "Por seguridad, confirmá que sos vos para continuar.",
      },
    });
    expect(await businessRow()).toBeDefined();
    // Not sensitive: the same stale session still works.
    expect(await renameBusiness({ businessId, razonSocial: "Sigue S.A." })).toMatchObject({
      ok: true,
    });

    await handle.db
      .update(userSessions)
      .set({ authenticatedAt: new Date(outside.clock - 60_000) })
      .where(eq(userSessions.id, owner.sessionId));
    expect(await deleteBusiness({ businessId })).toEqual({ ok: true, data: { businessId } });
    expect(await businessRow()).toBeUndefined();
  });

  it("a business that requires two-factor refuses a member without it, whatever the role", async () => {
    await handle.db
      .update(businesses)
      .set({ requireTwoFactor: true })
      .where(eq(businesses.id, businessId));
    outside.user = owner;

    expect(await renameBusiness({ businessId, razonSocial: "Sin 2FA" })).toEqual({
      ok: false,
      error: {
        code: "two_factor_required",
        message: expect.stringContaining("pide verificación en dos pasos"),
      },
    });
    expect(await deleteBusiness({ businessId })).toMatchObject({
      ok: false,
      error: { code: "two_factor_required" },
    });
    expect(handlerRuns).toEqual([]);
    expect((await businessRow())?.razonSocial).toBe("Original S.A.");

    outside.user = { ...owner, twoFactor: true };
    expect(await renameBusiness({ businessId, razonSocial: "Con 2FA" })).toMatchObject({
      ok: true,
    });
    expect((await businessRow())?.razonSocial).toBe("Con 2FA");
  });
});
