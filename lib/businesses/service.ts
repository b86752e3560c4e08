import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import { businesses, memberships, tusfacturasCredentials } from "@/lib/db/schema";
import type { TusFacturasCredentials } from "@/lib/tusfacturas";
import { sealCredentials } from "./credentials";

export type NewBusiness = {
  razonSocial: string;
  cuit: string;
  puntoVenta?: number;
  credentials: TusFacturasCredentials;
};

export type BusinessesDeps = {
  db: Database;
  /** Seals the TusFacturas credentials stored for each business. */
  keyring: Keyring;
  /** The clock of `updatedAt`. Default: the wall clock. */
  now?: () => Date;
};

export type BusinessesService = ReturnType<typeof createBusinessesService>;

/** Businesses, who belongs to them, and their sealed TusFacturas credentials. */
export function createBusinessesService({ db, keyring, now = () => new Date() }: BusinessesDeps) {
  /**
   * Creates a business owned by `userId` with its credentials sealed and marked unverified;
   * verification (one consumo call) is the caller's next step.
   */
  async function insertBusiness(userId: string, input: NewBusiness): Promise<string> {
    return db.transaction(async (tx) => {
      const [business] = await tx
        .insert(businesses)
        .values({ razonSocial: input.razonSocial, cuit: input.cuit, puntoVenta: input.puntoVenta })
        .returning({ id: businesses.id });
      if (!business) throw new Error("insert returned no row");
      await tx.insert(memberships).values({ userId, businessId: business.id, role: "owner" });
      await tx.insert(tusfacturasCredentials).values({
        businessId: business.id,
        status: "unverified",
        ...sealCredentials(business.id, input.credentials, keyring),
      });
      return business.id;
    });
  }

  /** Replaces a business's credentials; they stay unverified until the next call succeeds. */
  async function storeCredentials(
    businessId: string,
    credentials: TusFacturasCredentials,
  ): Promise<void> {
    const sealed = sealCredentials(businessId, credentials, keyring);
    const values = {
      ...sealed,
      status: "unverified" as const,
      statusDetail: null,
      lastVerifiedAt: null,
      updatedAt: now(),
    };
    await db
      .insert(tusfacturasCredentials)
      .values({ businessId, ...values })
      .onConflictDoUpdate({ target: tusfacturasCredentials.businessId, set: values });
  }

  async function deleteCredentials(businessId: string): Promise<void> {
    await db
      .delete(tusfacturasCredentials)
      .where(eq(tusfacturasCredentials.businessId, businessId));
  }

  /** The businesses a user belongs to, with their role and credential status, by name. */
  async function listBusinessesOf(userId: string) {
    return db
      .select({
        id: businesses.id,
        razonSocial: businesses.razonSocial,
        cuit: businesses.cuit,
        puntoVenta: businesses.puntoVenta,
        role: memberships.role,
        credentialStatus: tusfacturasCredentials.status,
        requireTwoFactor: businesses.requireTwoFactor,
      })
      .from(memberships)
      .innerJoin(businesses, eq(businesses.id, memberships.businessId))
      .leftJoin(tusfacturasCredentials, eq(tusfacturasCredentials.businessId, businesses.id))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(businesses.razonSocial));
  }

  /**
   * Deletes a business and everything stored for it (the caller has checked the permission).
   * @returns whether it existed.
   */
  /**
   * Deletes the business and everything of it. `record` runs in the same transaction first,
   * with its name: the security log says who deleted it and when, or nothing is deleted.
   */
  async function deleteBusiness(
    businessId: string,
    record?: (tx: Database, razonSocial: string) => Promise<void>,
  ): Promise<boolean> {
    return db.transaction(async (tx) => {
      const [business] = await tx
        .select({ razonSocial: businesses.razonSocial })
        .from(businesses)
        .where(eq(businesses.id, businessId))
        .for("update");
      if (!business) return false;
      await record?.(tx, business.razonSocial);
      await tx.delete(businesses).where(eq(businesses.id, businessId));
      return true;
    });
  }

  /**
   * Turns the business's two-factor requirement on or off (the caller has checked the
   * permission); returns whether it changed.
   */
  async function setRequireTwoFactor(businessId: string, required: boolean): Promise<boolean> {
    const changed = await db
      .update(businesses)
      .set({ requireTwoFactor: required })
      .where(and(eq(businesses.id, businessId), ne(businesses.requireTwoFactor, required)))
      .returning({ id: businesses.id });
    return changed.length > 0;
  }

  /** Which of `businessIds` the user is a member of and require two-factor. */
  async function requiringTwoFactor(userId: string, businessIds: string[]): Promise<string[]> {
    const rows = await db
      .select({ id: businesses.id })
      .from(memberships)
      .innerJoin(businesses, eq(businesses.id, memberships.businessId))
      .where(
        and(
          eq(memberships.userId, userId),
          inArray(memberships.businessId, businessIds),
          eq(businesses.requireTwoFactor, true),
        ),
      );
    return rows.map((row) => row.id);
  }

  /** Whether a business has credentials and how their last check went; never the values. */
  async function getCredentialStatus(businessId: string) {
    const [status] = await db
      .select({
        status: tusfacturasCredentials.status,
        detail: tusfacturasCredentials.statusDetail,
        lastVerifiedAt: tusfacturasCredentials.lastVerifiedAt,
        updatedAt: tusfacturasCredentials.updatedAt,
      })
      .from(tusfacturasCredentials)
      .where(eq(tusfacturasCredentials.businessId, businessId));
    return status ?? null;
  }

  return {
    insertBusiness,
    storeCredentials,
    deleteCredentials,
    listBusinessesOf,
    deleteBusiness,
    setRequireTwoFactor,
    requiringTwoFactor,
    getCredentialStatus,
  };
}
