import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSecret, SecretDecryptionError, type Keyring } from "@/lib/crypto/secrets";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  businesses,
  consumoSnapshots,
  memberships,
  tusfacturasCredentials,
  tusfacturasRequests,
} from "@/lib/db/schema";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { loadCredentials } from "./credentials";
import { createBusinessesService, type BusinessesService, type NewBusiness } from "./service";

const keyring: Keyring = new Map([[1, randomBytes(32)]]);

const credentials = {
  apikey: "1003",
  apitoken: "test1003token",
  usertoken: "test1003user",
};

const newBusiness = (razonSocial: string, extra: Partial<NewBusiness> = {}): NewBusiness => ({
  razonSocial,
  cuit: "30712293841",
  credentials,
  ...extra,
});

describe.each(databaseEngines())("businesses on $name", (engine) => {
  let handle: DatabaseHandle;
  let service: BusinessesService;
  beforeAll(async () => {
    handle = await engine.open();
    service = createBusinessesService({ db: handle.db, keyring });
  });
  afterAll(() => handle?.close());

  const credentialsRow = async (businessId: string) => {
    const [row] = await handle.db
      .select()
      .from(tusfacturasCredentials)
      .where(eq(tusfacturasCredentials.businessId, businessId));
    return row;
  };

  /** Everything stored for one business, to tell whether anything changed. */
  const storedFor = async (businessId: string) => ({
    business: await handle.db.select().from(businesses).where(eq(businesses.id, businessId)),
    memberships: await handle.db
      .select()
      .from(memberships)
      .where(eq(memberships.businessId, businessId)),
    credentials: await handle.db
      .select()
      .from(tusfacturasCredentials)
      .where(eq(tusfacturasCredentials.businessId, businessId)),
    snapshots: await handle.db
      .select()
      .from(consumoSnapshots)
      .where(eq(consumoSnapshots.businessId, businessId)),
    requests: await handle.db
      .select()
      .from(tusfacturasRequests)
      .where(eq(tusfacturasRequests.businessId, businessId)),
  });

  it("insertBusiness stores the business, its owner and the credentials sealed to it", async () => {
    const { db } = handle;
    const userId = await insertTestUser(db);

    const businessId = await service.insertBusiness(
      userId,
      newBusiness("Panadería La Espiga S.R.L.", { puntoVenta: 2 }),
    );

    const stored = await storedFor(businessId);
    expect(stored.business).toMatchObject([
      { razonSocial: "Panadería La Espiga S.R.L.", cuit: "30712293841", puntoVenta: 2 },
    ]);
    expect(stored.memberships).toMatchObject([{ userId, role: "owner" }]);
    const row = stored.credentials[0];
    expect(row).toMatchObject({ status: "unverified", statusDetail: null, keyVersion: 1 });
    expect(row?.sealed).not.toContain(credentials.apitoken);
    expect(row?.sealed).not.toContain(credentials.usertoken);
    expect(row?.sealed).not.toContain("apitoken");

    const sealed = row?.sealed ?? "";
    expect(JSON.parse(openSecret(sealed, businessId, keyring))).toEqual(credentials);
    expect(await loadCredentials(db, keyring, businessId)).toEqual({ credentials, sealed });
    // Copied onto another business's row, the sealed value does not open.
    const otherId = await service.insertBusiness(userId, newBusiness("Otra"));
    expect(() => openSecret(sealed, otherId, keyring)).toThrow(SecretDecryptionError);
    await db
      .update(tusfacturasCredentials)
      .set({ sealed })
      .where(eq(tusfacturasCredentials.businessId, otherId));
    await expect(loadCredentials(db, keyring, otherId)).rejects.toThrow(SecretDecryptionError);
    // Nor with another key.
    const otherKey: Keyring = new Map([[1, randomBytes(32)]]);
    await expect(loadCredentials(db, otherKey, businessId)).rejects.toThrow(SecretDecryptionError);
  });

  it("listBusinessesOf returns only the user's own businesses, by name", async () => {
    const { db } = handle;
    const [ana, bruno, carla] = await Promise.all([
      insertTestUser(db, "Ana"),
      insertTestUser(db, "Bruno"),
      insertTestUser(db, "Carla"),
    ]);
    const zafiro = await service.insertBusiness(ana, newBusiness("Zafiro S.A."));
    const almacen = await service.insertBusiness(ana, newBusiness("Almacén Central"));
    const brunos = await service.insertBusiness(bruno, newBusiness("Bruno Hnos."));
    await db
      .update(tusfacturasCredentials)
      .set({ status: "verified" })
      .where(eq(tusfacturasCredentials.businessId, zafiro));

    expect(await service.listBusinessesOf(ana)).toEqual([
      {
        id: almacen,
        razonSocial: "Almacén Central",
        cuit: "30712293841",
        puntoVenta: null,
        role: "owner",
        credentialStatus: "unverified",
        requireTwoFactor: false,
      },
      {
        id: zafiro,
        razonSocial: "Zafiro S.A.",
        cuit: "30712293841",
        puntoVenta: null,
        role: "owner",
        credentialStatus: "verified",
        requireTwoFactor: false,
      },
    ]);
    expect((await service.listBusinessesOf(bruno)).map((b) => b.id)).toEqual([brunos]);
    expect(await service.listBusinessesOf(carla)).toEqual([]);

    await service.deleteCredentials(zafiro);
    expect((await service.listBusinessesOf(ana)).map((b) => b.credentialStatus)).toEqual([
      "unverified",
      null,
    ]);
    expect(await credentialsRow(almacen)).toBeDefined();
  });

  it("deleteBusiness removes the business and everything stored for it, and only it", async () => {
    const { db } = handle;
    const owner = await insertTestUser(db);
    const businessId = await service.insertBusiness(owner, newBusiness("Se Va S.A."));
    const keeps = await service.insertBusiness(owner, newBusiness("Se Queda S.A."));
    await db.insert(consumoSnapshots).values({
      businessId,
      fetchedAt: new Date(),
      abonosPendientes: 0,
      comprobantesGenerados: 7,
      comprobantesCupo: 200,
      comprobantesDisponibles: 193,
    });
    await db
      .insert(tusfacturasRequests)
      .values({ businessId, userId: owner, method: "micuenta/consumo", outcome: "ok" });

    expect(await service.deleteBusiness(businessId)).toBe(true);
    expect(await service.deleteBusiness(businessId)).toBe(false);

    expect(await storedFor(businessId)).toEqual({
      business: [],
      memberships: [],
      credentials: [],
      snapshots: [],
      requests: [],
    });
    expect((await service.listBusinessesOf(owner)).map((b) => b.id)).toEqual([keeps]);
  });

  it("storeCredentials replaces the sealed set and resets the verification", async () => {
    const { db } = handle;
    const owner = await insertTestUser(db);
    const businessId = await service.insertBusiness(owner, newBusiness("Rota S.R.L."));
    await db
      .update(tusfacturasCredentials)
      .set({ status: "verified", statusDetail: "viejo", lastVerifiedAt: new Date() })
      .where(eq(tusfacturasCredentials.businessId, businessId));
    const before = await credentialsRow(businessId);
    const replacement = { apikey: "1004", apitoken: "test1004token", usertoken: "test1004user" };

    await service.storeCredentials(businessId, replacement);

    const after = await credentialsRow(businessId);
    expect(after).toMatchObject({ status: "unverified", statusDetail: null, lastVerifiedAt: null });
    expect(after?.sealed).not.toBe(before?.sealed);
    expect(after?.sealed).not.toContain(replacement.apitoken);
    expect((await loadCredentials(db, keyring, businessId))?.credentials).toEqual(replacement);

    await service.deleteCredentials(businessId);
    expect(await loadCredentials(db, keyring, businessId)).toBeNull();
    await service.storeCredentials(businessId, credentials);
    expect((await loadCredentials(db, keyring, businessId))?.credentials).toEqual(credentials);
    expect((await credentialsRow(businessId))?.status).toBe("unverified");
  });
});
