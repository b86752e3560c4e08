import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { businesses, securityEvents } from "@/lib/db/schema";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createSecurityLog } from "./service";

describe.each(databaseEngines())("the security log on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle.close());

  it("keeps events by business and time, with who, and they outlive the business", async () => {
    let clock = Date.parse("2026-11-30T12:00:00.000Z");
    const log = createSecurityLog({ db: handle.db, now: () => new Date(clock) });
    const userId = await insertTestUser(handle.db, "Ana Dueña");
    const [business] = await handle.db
      .insert(businesses)
      .values({ razonSocial: "Empresa Segura", cuit: "30712293841" })
      .returning({ id: businesses.id });
    const businessId = business!.id;

    await log.record({ kind: "sign_in.failed", email: "Ana@Example.com", address: "10.0.0.9" });
    clock += 60_000;
    await log.record({
      kind: "authorization.refused",
      userId,
      businessId,
      subject: "deleteBusiness",
      detail: "Contador sin permiso business:delete",
    });
    clock += 60_000;
    await log.record({ kind: "business.deleted", userId, businessId, subject: "Empresa Segura" });
    await handle.db.delete(businesses).where(eq(businesses.id, businessId));

    const ofBusiness = await log.list({ businessId, since: new Date(clock - 3_600_000) });
    expect(ofBusiness.map((e) => [e.kind, e.who, e.subject])).toEqual([
      ["business.deleted", "Ana Dueña", "Empresa Segura"],
      ["authorization.refused", "Ana Dueña", "deleteBusiness"],
    ]);
    expect(ofBusiness[0]).toMatchObject({
      label: "Eliminó la empresa",
      at: "2026-11-30T12:02:00.000Z",
    });

    const all = await log.list({ since: new Date(clock - 90_000) });
    expect(all.map((e) => e.kind)).toEqual(["business.deleted", "authorization.refused"]);
    const [failed] = await handle.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.kind, "sign_in.failed"));
    expect(failed).toMatchObject({ email: "ana@example.com", address: "10.0.0.9", userId: null });
  });
});
