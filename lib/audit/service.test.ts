import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBusinessesService } from "@/lib/businesses/service";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents, memberships, tusfacturasRequests, users } from "@/lib/db/schema";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createAuditService } from "./service";

const at = (iso: string) => new Date(iso);

describe.each(databaseEngines())("audit log on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  /** The service on the test database, with the wall clock or `now`. */
  const audit = (now?: Date) =>
    createAuditService({ db: handle.db, ...(now && { now: () => now }) });

  async function business(ownerId: string, razonSocial = "Empresa de prueba") {
    const keyring = new Map([[1, randomBytes(32)]]);
    return createBusinessesService({ db: handle.db, keyring }).insertBusiness(ownerId, {
      razonSocial,
      cuit: "20055361682",
      credentials: { apikey: "1", apitoken: "a", usertoken: "b" },
    });
  }

  async function signIns(businessId: string, userId: string) {
    return handle.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.businessId, businessId),
          eq(auditEvents.userId, userId),
          eq(auditEvents.action, "session.sign_in"),
        ),
      );
  }

  describe("recordAudit and listAudit", () => {
    it("lists the business's events newest first, with who did them and their label", async () => {
      const { db } = handle;
      const ana = await insertTestUser(db, "Ana Gómez");
      const mine = await business(ana, "Mía");
      const theirsOwner = await insertTestUser(db, "Otro Dueño");
      const theirs = await business(theirsOwner, "Ajena");

      await audit().recordAudit({
        businessId: mine,
        userId: ana,
        action: "client.add",
        subject: "30712293841",
        at: at("2026-11-20T10:00:00.000Z"),
      });
      await audit().recordAudit({
        businessId: mine,
        userId: ana,
        action: "consumo.refresh",
        outcome: "error",
        requests: 3,
        detail: "TusFacturas no respondió.",
        at: at("2026-11-20T12:00:00.000Z"),
      });
      await audit().recordAudit({
        businessId: mine,
        userId: null,
        action: "iva.request",
        subject: "2026-10",
        requests: 1,
        at: at("2026-11-20T11:00:00.000Z"),
      });
      await audit().recordAudit({
        businessId: theirs,
        userId: theirsOwner,
        action: "client.remove",
        subject: "ajeno",
        at: at("2026-11-20T13:00:00.000Z"),
      });

      expect(await audit().listAudit(mine)).toEqual([
        {
          id: expect.any(String),
          at: "2026-11-20T12:00:00.000Z",
          who: "Ana Gómez",
          action: "consumo.refresh",
          label: "Actualizó el consumo",
          subject: null,
          outcome: "error",
          requests: 3,
          detail: "TusFacturas no respondió.",
        },
        {
          id: expect.any(String),
          at: "2026-11-20T11:00:00.000Z",
          who: null,
          action: "iva.request",
          label: "Pidió un reporte de IVA compras-ventas",
          subject: "2026-10",
          outcome: "ok",
          requests: 1,
          detail: null,
        },
        {
          id: expect.any(String),
          at: "2026-11-20T10:00:00.000Z",
          who: "Ana Gómez",
          action: "client.add",
          label: "Agregó un cliente",
          subject: "30712293841",
          outcome: "ok",
          requests: 0,
          detail: null,
        },
      ]);
      expect((await audit().listAudit(theirs)).map((e) => [e.action, e.subject, e.who])).toEqual([
        ["client.remove", "ajeno", "Otro Dueño"],
      ]);
      expect((await audit().listAudit(mine, { limit: 2 })).map((e) => e.action)).toEqual([
        "consumo.refresh",
        "iva.request",
      ]);
    });

    it("keeps the events of a deleted user, with no name", async () => {
      const { db } = handle;
      const owner = await insertTestUser(db, "Dueña");
      const businessId = await business(owner);
      const gone = await insertTestUser(db, "Se fue");
      await db.insert(memberships).values({ businessId, userId: gone, role: "accountant" });
      await audit().recordAudit({
        businessId,
        userId: gone,
        action: "client.update",
        subject: "Hotel Los Álamos",
        at: at("2026-11-21T09:00:00.000Z"),
      });
      await audit().recordAudit({
        businessId,
        userId: owner,
        action: "member.remove",
        subject: "Se fue",
        at: at("2026-11-21T10:00:00.000Z"),
      });

      await db.delete(users).where(eq(users.id, gone));

      expect(
        (await audit().listAudit(businessId)).map((e) => [e.who, e.action, e.label, e.subject]),
      ).toEqual([
        ["Dueña", "member.remove", "Quitó de la empresa a", "Se fue"],
        [null, "client.update", "Editó un cliente", "Hotel Los Álamos"],
      ]);
    });

    it("written in a transaction, a line stays or goes with it", async () => {
      const { db } = handle;
      const owner = await insertTestUser(db, "Dueña");
      const businessId = await business(owner);
      const line = (subject: string) => ({
        businessId,
        userId: owner,
        action: "client.add" as const,
        subject,
      });
      await db.transaction((tx) => audit().recordAudit(line("confirmada"), tx));
      await expect(
        db.transaction(async (tx) => {
          await audit().recordAudit(line("deshecha"), tx);
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect((await audit().listAudit(businessId)).map((e) => e.subject)).toEqual(["confirmada"]);
    });

    it("an unknown business has an empty log", async () => {
      expect(await audit().listAudit("00000000-0000-4000-8000-000000000000")).toEqual([]);
    });
  });

  describe("recordSignIn", () => {
    it("writes one row in each business the user belongs to at that moment", async () => {
      const { db } = handle;
      const ana = await insertTestUser(db, "Ana");
      const first = await business(ana, "Primera");
      const second = await business(ana, "Segunda");
      const stranger = await insertTestUser(db, "Ajena");
      const notHers = await business(stranger, "No es de Ana");

      await audit().recordSignIn(ana);
      expect(await signIns(first, ana)).toHaveLength(1);
      expect(await signIns(second, ana)).toHaveLength(1);
      expect(await audit().listAudit(notHers)).toEqual([]);
      expect((await audit().listAudit(first)).map((e) => [e.who, e.action, e.label])).toEqual([
        ["Ana", "session.sign_in", "Ingresó a Tablero"],
      ]);

      // Joined later: earlier sign-ins are not written there.
      const later = await business(stranger, "Se unió después");
      await db.insert(memberships).values({ businessId: later, userId: ana, role: "viewer" });
      expect(await signIns(later, ana)).toEqual([]);

      // Removed from one: the old row stays there, new sign-ins are not written there.
      await db
        .delete(memberships)
        .where(and(eq(memberships.businessId, second), eq(memberships.userId, ana)));
      await audit().recordSignIn(ana);
      expect(await signIns(first, ana)).toHaveLength(2);
      expect(await signIns(second, ana)).toHaveLength(1);
      expect(await signIns(later, ana)).toHaveLength(1);
      expect(await audit().listAudit(notHers)).toEqual([]);
    });

    it("writes nothing for a user with no business", async () => {
      const { db } = handle;
      const loner = await insertTestUser(db, "Sin empresa");
      await audit().recordSignIn(loner);
      expect(await db.select().from(auditEvents).where(eq(auditEvents.userId, loner))).toEqual([]);
    });
  });

  describe("requestsThisMonth", () => {
    it("counts requests by method since the 1st at 00:00 in Buenos Aires", async () => {
      const { db } = handle;
      const owner = await insertTestUser(db);
      const businessId = await business(owner);
      const other = await business(owner, "Otra");

      const rows: [string, string, string][] = [
        // 28 February 23:30 in Buenos Aires: last month.
        [businessId, "consumo", "2026-03-01T02:30:00.000Z"],
        [businessId, "consumo", "2026-02-15T12:00:00.000Z"],
        // 1 March 00:00 in Buenos Aires: this month.
        [businessId, "consumo", "2026-03-01T03:00:00.000Z"],
        [businessId, "consumo", "2026-03-10T12:00:00.000Z"],
        [businessId, "cuenta_corriente", "2026-03-05T12:00:00.000Z"],
        [businessId, "cuenta_corriente", "2026-03-06T12:00:00.000Z"],
        [businessId, "cuenta_corriente", "2026-03-07T12:00:00.000Z"],
        [businessId, "iva", "2026-03-20T12:00:00.000Z"],
        // Another business's requests.
        [other, "consumo", "2026-03-10T12:00:00.000Z"],
        [other, "padron", "2026-03-10T12:00:00.000Z"],
      ];
      await db.insert(tusfacturasRequests).values(
        rows.map(([business, method, iso], i) => ({
          businessId: business,
          userId: owner,
          method,
          at: at(iso),
          // Failed requests are billed too.
          outcome: i % 2 === 0 ? ("ok" as const) : ("error" as const),
          errorCode: i % 2 === 0 ? null : "timeout",
        })),
      );

      const now = at("2026-03-20T15:00:00.000Z");
      expect(await audit(now).requestsThisMonth(businessId)).toEqual([
        { method: "consumo", requests: 2 },
        { method: "cuenta_corriente", requests: 3 },
        { method: "iva", requests: 1 },
      ]);
      expect(await audit(now).requestsThisMonth(other)).toEqual([
        { method: "consumo", requests: 1 },
        { method: "padron", requests: 1 },
      ]);

      // A new month starts from zero.
      expect(await audit(at("2026-04-01T03:00:00.000Z")).requestsThisMonth(businessId)).toEqual([]);
    });
  });
});
