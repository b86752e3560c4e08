import "server-only";
import { and, eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { businesses, memberships, type Business, type Role } from "@/lib/db/schema";
import { recordRefusal } from "@/lib/security-log/request";
import { can, roleLabels, type Permission } from "./permissions";
import { requireUser, type SessionUser } from "./session";

export type BusinessContext = { user: SessionUser; business: Business; role: Role };

// Lower-case only, as the database writes them: handlers key locks, in-flight refreshes and
// the credentials' associated data on the id they were given, so it must be the canonical one.
const businessIdSchema = z.uuid().refine((id) => id === id.toLowerCase());

/**
 * The business and the user's role in it, or null when the user is not a member
 * (or the id is not even an id): callers answer "not found" either way, so nobody
 * learns whether another business exists. Memoized per request (a business page's layout
 * and the page both ask), never across requests.
 */
export const findMembership = cache(async function findMembership(
  userId: string,
  businessId: unknown,
): Promise<{ business: Business; role: Role } | null> {
  const id = businessIdSchema.safeParse(businessId);
  if (!id.success) return null;
  const db = await getDb();
  const [row] = await db
    .select({ business: businesses, role: memberships.role })
    .from(memberships)
    .innerJoin(businesses, eq(businesses.id, memberships.businessId))
    .where(and(eq(memberships.userId, userId), eq(memberships.businessId, id.data)));
  return row ?? null;
});

/** Where a member without two-factor is sent from a business that requires it. */
export function twoFactorSetupPath(businessId: string): string {
  return `/cuenta/dos-pasos?empresa=${businessId}`;
}

/**
 * For pages and data reads: the session, then membership, then two-factor when the business
 * requires it, then the permission. Not a member → 404. A member without two-factor in a
 * business that requires it → the page that sets it up. A member without the permission gets
 * `allowed: false` so the page can explain instead of pretending the business does not exist.
 */
export async function requireBusiness(
  businessId: string,
  permission: Permission,
): Promise<BusinessContext & { allowed: boolean }> {
  const user = await requireUser();
  const membership = await findMembership(user.id, businessId);
  const refuse = (reason: string, member = true) =>
    recordRefusal({ userId: user.id, businessId, member, subject: null, reason });
  if (!membership || !can(membership.role, "business:read")) {
    await refuse("no es miembro", false);
    notFound();
  }
  if (membership.business.requireTwoFactor && !user.twoFactor) {
    await refuse("sin verificación en dos pasos, que la empresa exige");
    redirect(twoFactorSetupPath(membership.business.id));
  }
  const allowed = can(membership.role, permission);
  if (!allowed) await refuse(`su rol (${roleLabels[membership.role]}) no permite ${permission}`);
  return { user, ...membership, allowed };
}
