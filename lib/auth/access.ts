import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getDb, type Database } from "@/lib/db";
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
  const [row] = await membershipQuery(await getDb()).execute({ userId, businessId: id.data });
  return row ?? null;
});

/**
 * Every business page and route asks it: built and named once per database (on PostgreSQL,
 * also parsed and planned once per connection).
 */
const membershipQueries = new WeakMap<Database, ReturnType<typeof prepareMembership>>();
function prepareMembership(db: Database) {
  return db
    .select({ business: businesses, role: memberships.role })
    .from(memberships)
    .innerJoin(businesses, eq(businesses.id, memberships.businessId))
    .where(
      and(
        eq(memberships.userId, sql.placeholder("userId")),
        eq(memberships.businessId, sql.placeholder("businessId")),
      ),
    )
    .prepare("membership");
}
function membershipQuery(db: Database) {
  let query = membershipQueries.get(db);
  if (!query) membershipQueries.set(db, (query = prepareMembership(db)));
  return query;
}

/** Where a member without two-factor is sent from a business that requires it. */
export function twoFactorSetupPath(businessId: string): string {
  return `/cuenta/dos-pasos?empresa=${businessId}`;
}

/** What `authorizeBusiness` decided; every refusal is already in the security log. */
export type BusinessAuthorization =
  | { outcome: "not_found" }
  | { outcome: "two_factor_required"; business: Business }
  | ({ outcome: "ok"; allowed: boolean } & BusinessContext);

/**
 * The one order every read of a business goes through, for a signed-in user: membership, then
 * two-factor when the business requires it, then the permission. Records each refusal (the
 * request's path names what was refused). Pages answer with `requireBusiness`, the GET routes
 * with `businessRoute` (lib/api/route.ts).
 */
export async function authorizeBusiness(
  user: SessionUser,
  businessId: unknown,
  permission: Permission,
): Promise<BusinessAuthorization> {
  const membership = await findMembership(user.id, businessId);
  const refuse = (reason: string, member = true) =>
    recordRefusal({ userId: user.id, businessId, member, subject: null, reason });
  if (!membership || !can(membership.role, "business:read")) {
    await refuse("no es miembro", false);
    return { outcome: "not_found" };
  }
  if (membership.business.requireTwoFactor && !user.twoFactor) {
    await refuse("sin verificación en dos pasos, que la empresa exige");
    return { outcome: "two_factor_required", business: membership.business };
  }
  const allowed = can(membership.role, permission);
  if (!allowed) await refuse(`su rol (${roleLabels[membership.role]}) no permite ${permission}`);
  return { outcome: "ok", user, ...membership, allowed };
}

/**
 * For pages: the session, then `authorizeBusiness`. Signed out → the sign-in page. Not a
 * member → 404. A member without two-factor in a business that requires it → the page that
 * sets it up. A member without the permission gets `allowed: false` so the page can explain
 * instead of pretending the business does not exist.
 */
export async function requireBusiness(
  businessId: string,
  permission: Permission,
): Promise<BusinessContext & { allowed: boolean }> {
  const user = await requireUser();
  const decision = await authorizeBusiness(user, businessId, permission);
  if (decision.outcome === "not_found") notFound();
  if (decision.outcome === "two_factor_required")
    redirect(twoFactorSetupPath(decision.business.id));
  const { user: member, business, role, allowed } = decision;
  return { user: member, business, role, allowed };
}
