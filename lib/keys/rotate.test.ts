import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCredentials, sealCredentials } from "@/lib/businesses/credentials";
import { openSecret, sealSecret, SecretDecryptionError } from "@/lib/crypto/secrets";
import type { DatabaseHandle } from "@/lib/db/client";
import { businesses, tusfacturasCredentials, users } from "@/lib/db/schema";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { rotateSealedSecrets } from "./rotate";

const key1 = randomBytes(32);
const key2 = randomBytes(32);
const oldRing = new Map([[1, key1]]);
const newRing = new Map([
  [1, key1],
  [2, key2],
]);
const onlyKey2 = new Map([[2, key2]]);

const credentialsOf = (n: number) => ({
  apikey: String(7000 + n),
  apitoken: `token-${n}`,
  usertoken: `user-${n}`,
});

describe.each(databaseEngines())("keys:rotate on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle.close());

  async function addBusiness(n: number, keyring = oldRing): Promise<string> {
    const [business] = await handle.db
      .insert(businesses)
      .values({ razonSocial: `Empresa ${n}`, cuit: "30712293841" })
      .returning({ id: businesses.id });
    const id = business!.id;
    const { sealed, keyVersion } = sealCredentials(id, credentialsOf(n), keyring);
    await handle.db
      .insert(tusfacturasCredentials)
      .values({ businessId: id, sealed, keyVersion, status: "verified" });
    return id;
  }

  it("re-seals credentials and two-factor secrets with key 2 in batches, which then open without key 1", async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map((n) => addBusiness(n)));
    const userId = await insertTestUser(handle.db);
    await handle.db
      .update(users)
      .set({ totpSealed: sealSecret("JBSWY3DPEHPK3PXP", userId, oldRing), totpKeyVersion: 1 })
      .where(eq(users.id, userId));

    const progress: number[] = [];
    const report = await rotateSealedSecrets(handle.db, newRing, {
      batchSize: 2,
      onProgress: (kind, done) => kind === "credentials" && progress.push(done),
    });
    expect(report).toMatchObject({ version: 2, credentials: 5, twoFactor: 1, failed: [] });
    expect(progress).toEqual([2, 4, 5]);

    for (const [i, id] of ids.entries()) {
      const loaded = await loadCredentials(handle.db, onlyKey2, id);
      expect(loaded?.credentials).toEqual(credentialsOf(i + 1));
    }
    const [user] = await handle.db.select().from(users).where(eq(users.id, userId));
    expect(user!.totpKeyVersion).toBe(2);
    expect(openSecret(user!.totpSealed!, userId, onlyKey2)).toBe("JBSWY3DPEHPK3PXP");

    // Idempotent: a second run finds nothing left to do.
    const again = await rotateSealedSecrets(handle.db, newRing);
    expect(again).toMatchObject({ credentials: 0, twoFactor: 0, failed: [] });
    await handle.db.delete(businesses);
  });

  it("names a tampered value and one of an unknown version, rotates the rest, and still refuses them", async () => {
    const good = await addBusiness(10);
    const tampered = await addBusiness(11);
    const unknown = await addBusiness(12, new Map([[9, randomBytes(32)]]));
    const [row] = await handle.db
      .select()
      .from(tusfacturasCredentials)
      .where(eq(tusfacturasCredentials.businessId, tampered));
    const parts = row!.sealed.split(".");
    parts[3] = Buffer.from("otra cosa").toString("base64url");
    await handle.db
      .update(tusfacturasCredentials)
      .set({ sealed: parts.join(".") })
      .where(eq(tusfacturasCredentials.businessId, tampered));

    const report = await rotateSealedSecrets(handle.db, newRing);
    expect(report.credentials).toBe(1);
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { kind: "credentials", id: tampered, reason: expect.stringMatching(/alterado/) },
        { kind: "credentials", id: unknown, reason: "No hay clave para la versión v9." },
      ]),
    );
    expect((await loadCredentials(handle.db, onlyKey2, good))?.credentials).toEqual(
      credentialsOf(10),
    );
    await expect(loadCredentials(handle.db, newRing, tampered)).rejects.toThrow(
      SecretDecryptionError,
    );
    await expect(loadCredentials(handle.db, newRing, unknown)).rejects.toThrow(/versión v9/);
    await handle.db.delete(businesses);
  });

  // Another connection holding a row (a sign-in locks its user, saving credentials their row)
  // needs a server: PGlite has one connection.
  it.skipIf(engine.name !== "postgres")(
    "names a row held by Tablero on every pass instead of reporting it done, and a later run rotates it",
    async () => {
      const free = await addBusiness(20);
      const held = await addBusiness(21);
      const report = await handle.db.transaction(async (tx) => {
        await tx
          .select({ id: tusfacturasCredentials.businessId })
          .from(tusfacturasCredentials)
          .where(eq(tusfacturasCredentials.businessId, held))
          .for("update");
        return rotateSealedSecrets(handle.db, newRing);
      });
      expect(report).toMatchObject({
        credentials: 1,
        failed: [],
        inUse: [{ kind: "credentials", id: held }],
      });
      expect((await loadCredentials(handle.db, onlyKey2, free))?.credentials).toEqual(
        credentialsOf(20),
      );
      await expect(loadCredentials(handle.db, onlyKey2, held)).rejects.toThrow(/versión v1/);

      const again = await rotateSealedSecrets(handle.db, newRing);
      expect(again).toMatchObject({ credentials: 1, inUse: [] });
      expect((await loadCredentials(handle.db, onlyKey2, held))?.credentials).toEqual(
        credentialsOf(21),
      );
    },
  );
});
