import "server-only";
import { and, asc, eq, exists, isNotNull, like, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { normalizeCuit } from "@/lib/cuit";
import type { Database } from "@/lib/db";
import { containsPattern } from "@/lib/db/like";
import { businesses, clients, memberships, users } from "@/lib/db/schema";
import { foldText } from "./fold";

export type BusinessResult = { kind: "business"; id: string; razonSocial: string; cuit: string };
export type ClientResult = {
  kind: "client";
  id: string;
  nombre: string;
  cuit: string;
  businessId: string;
  businessName: string;
};
export type NavigationResult = BusinessResult | ClientResult;

export const NAVIGATION_LIMIT = 20;

/** Businesses the header lists (switcher, palette's first list); the rest are searched. */
export const HEADER_BUSINESSES = 10;

/**
 * A name that contains the folded query, or a CUIT that contains its digits. `foldedName` is a
 * stored folded column: nothing is folded per row while 12 000 clients are searched.
 */
function matches(query: string, foldedName: AnyPgColumn, cuit: AnyPgColumn): SQL | undefined {
  const digits = normalizeCuit(query);
  return or(
    like(foldedName, containsPattern(foldText(query))),
    /^\d+$/.test(digits) ? like(cuit, containsPattern(digits)) : undefined,
  );
}

export type NavigationDeps = { db: Database };

export type NavigationService = ReturnType<typeof createNavigationService>;

/** The command palette's search ("Ir a…"): only Tablero's database, never TusFacturas. */
export function createNavigationService({ db }: NavigationDeps) {
  /**
   * Businesses (by razón social or CUIT) and clients of their directories (by name or CUIT) that
   * match `query`, accent- and case-insensitive, among the businesses `userId` is a member of:
   * every row is reached through the user's memberships. At most `limit` results; when both
   * kinds have more, each keeps at least half. A blank query finds nothing.
   */
  async function searchNavigation(
    userId: string,
    query: string,
    limit = NAVIGATION_LIMIT,
  ): Promise<NavigationResult[]> {
    const text = query.trim();
    if (!text) return [];
    const [businessRows, clientRows] = await Promise.all([
      db
        .select({ id: businesses.id, razonSocial: businesses.razonSocial, cuit: businesses.cuit })
        .from(memberships)
        .innerJoin(businesses, eq(businesses.id, memberships.businessId))
        .where(
          and(
            eq(memberships.userId, userId),
            matches(text, businesses.razonSocialFolded, businesses.cuit),
          ),
        )
        .orderBy(asc(businesses.razonSocial), asc(businesses.id))
        .limit(limit),
      db
        .select({
          id: clients.id,
          nombre: clients.nombre,
          cuit: clients.cuit,
          businessId: clients.businessId,
          businessName: businesses.razonSocial,
        })
        .from(memberships)
        .innerJoin(clients, eq(clients.businessId, memberships.businessId))
        .innerJoin(businesses, eq(businesses.id, memberships.businessId))
        .where(
          and(
            eq(memberships.userId, userId),
            matches(text, clients.nombreFolded, clients.cuit),
            // A business that requires two-factor shows its directory only to users with it.
            or(
              eq(businesses.requireTwoFactor, false),
              exists(
                db
                  .select({ id: users.id })
                  .from(users)
                  .where(and(eq(users.id, userId), isNotNull(users.totpEnabledAt))),
              ),
            ),
          ),
        )
        .orderBy(asc(clients.nombre), asc(businesses.razonSocial), asc(clients.id))
        .limit(limit),
    ]);
    const businessCount = Math.min(
      businessRows.length,
      Math.max(limit - clientRows.length, Math.ceil(limit / 2)),
    );
    return [
      ...businessRows.slice(0, businessCount).map((row) => ({ kind: "business" as const, ...row })),
      ...clientRows
        .slice(0, limit - businessCount)
        .map((row) => ({ kind: "client" as const, ...row })),
    ];
  }

  // Every page's header asks it: built and named once (on PostgreSQL, also parsed and planned
  // once per connection).
  const headerBusinesses = db
    .select({
      id: businesses.id,
      razonSocial: businesses.razonSocial,
      cuit: businesses.cuit,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(memberships)
    .innerJoin(businesses, eq(businesses.id, memberships.businessId))
    .where(eq(memberships.userId, sql.placeholder("userId")))
    .orderBy(asc(businesses.razonSocial), asc(businesses.id))
    .limit(sql.placeholder("limit"))
    .prepare("header_businesses");

  /**
   * The header's businesses: the user's first `limit` by name (a member sees every name, as
   * in the portfolio) and how many they have in all; the rest are found by searching.
   */
  async function headerBusinessesOf(
    userId: string,
    limit = HEADER_BUSINESSES,
  ): Promise<{ businesses: Omit<BusinessResult, "kind">[]; total: number }> {
    // One round trip: the window's count is taken before the limit, so it is every membership.
    const rows = await headerBusinesses.execute({ userId, limit });
    return {
      businesses: rows.map(({ id, razonSocial, cuit }) => ({ id, razonSocial, cuit })),
      total: rows[0]?.total ?? 0,
    };
  }

  return { searchNavigation, headerBusinessesOf };
}
