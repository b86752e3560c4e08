import "server-only";
import { and, asc, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import { can } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import { businesses, ivaBatches, ivaRequests, users, type IvaRequestStatus } from "@/lib/db/schema";
import { ivaMessages, type IvaDeps } from "./context";
import type { Period } from "./period";
import { DUPLICATE_WINDOW_MS, type PriorRequest } from "./rules";

export type IvaRequestView = {
  id: string;
  businessId: string;
  batchId: string | null;
  anio: number;
  mes: number;
  email: string;
  status: IvaRequestStatus;
  requestedAt: string;
  completedAt: string | null;
  requestedBy: string | null;
  messages: string[];
};

export type IvaBusinessOption = {
  businessId: string;
  razonSocial: string;
  /** Whether the user's role may request for it (if not, it cannot even be chosen). */
  allowed: boolean;
  /** Why it cannot be requested for; null when it can. */
  unavailable: string | null;
};

export type IvaBatchView = Period & {
  id: string;
  email: string;
  createdAt: string;
  finished: boolean;
  items: (IvaRequestView & { razonSocial: string })[];
};

const requestColumns = {
  id: ivaRequests.id,
  businessId: ivaRequests.businessId,
  batchId: ivaRequests.batchId,
  anio: ivaRequests.anio,
  mes: ivaRequests.mes,
  email: ivaRequests.email,
  status: ivaRequests.status,
  requestedAt: ivaRequests.requestedAt,
  completedAt: ivaRequests.completedAt,
  messages: ivaRequests.messages,
  requestedBy: users.name,
};

const selectRequestsOf = (db: Database) =>
  db.select(requestColumns).from(ivaRequests).leftJoin(users, eq(users.id, ivaRequests.userId));

type RequestRow = Awaited<ReturnType<typeof selectRequestsOf>>[number];

function toView(row: RequestRow): IvaRequestView {
  return {
    ...row,
    requestedAt: row.requestedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/**
 * What the IVA pages read: stored rows only, the same from every instance. A request shows
 * the status stored; work of a dead instance is settled by recovery, not guessed here.
 */
export function createIvaViews({
  db,
  now,
  // Named apart from the `businesses` table this file also reads.
  businesses: businessesService,
}: Pick<IvaDeps, "db" | "now" | "businesses">) {
  const selectRequests = () => selectRequestsOf(db);

  async function request(id: string): Promise<IvaRequestView> {
    const [row] = await selectRequests().where(eq(ivaRequests.id, id));
    if (!row) throw new Error(`iva request ${id} vanished`);
    return toView(row);
  }

  // The IVA page reads one of them on every visit: built and named once each, with and without
  // the month (on PostgreSQL, also parsed and planned once per connection).
  const historyWhere = (name: string, month?: SQL) =>
    selectRequests()
      .where(and(eq(ivaRequests.businessId, sql.placeholder("businessId")), month))
      .orderBy(desc(ivaRequests.requestedAt))
      .limit(500)
      .prepare(name);
  const historyQuery = historyWhere("iva_history");
  const periodHistoryQuery = historyWhere(
    "iva_history_period",
    and(eq(ivaRequests.anio, sql.placeholder("anio")), eq(ivaRequests.mes, sql.placeholder("mes"))),
  );

  /** The business's requests, newest first; `period` narrows them to one month. */
  async function history(businessId: string, period?: Period): Promise<IvaRequestView[]> {
    const rows = period
      ? await periodHistoryQuery.execute({ businessId, anio: period.anio, mes: period.mes })
      : await historyQuery.execute({ businessId });
    return rows.map(toView);
  }

  /** Requests of this business, period and address in the last 24 hours, newest first. */
  async function priorRequests(
    tx: Database,
    businessId: string,
    period: Period,
    email: string,
  ): Promise<PriorRequest[]> {
    const since = new Date(now().getTime() - DUPLICATE_WINDOW_MS);
    const rows = await tx
      .select({
        id: ivaRequests.id,
        status: ivaRequests.status,
        requestedAt: ivaRequests.requestedAt,
        userId: ivaRequests.userId,
        name: users.name,
      })
      .from(ivaRequests)
      .leftJoin(users, eq(users.id, ivaRequests.userId))
      .where(
        and(
          eq(ivaRequests.businessId, businessId),
          eq(ivaRequests.anio, period.anio),
          eq(ivaRequests.mes, period.mes),
          sql`lower(${ivaRequests.email}) = ${email.toLowerCase()}`,
          gt(ivaRequests.requestedAt, since),
        ),
      )
      .orderBy(desc(ivaRequests.requestedAt));
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      requestedAt: row.requestedAt,
      requestedBy: row.userId && row.name ? { id: row.userId, name: row.name } : null,
    }));
  }

  /** Every business of the user, with the reason it cannot be requested for, if any. */
  async function businessOptions(userId: string): Promise<IvaBusinessOption[]> {
    const [rows, [user]] = await Promise.all([
      businessesService.listBusinessesOf(userId),
      db.select({ twoFactorSince: users.totpEnabledAt }).from(users).where(eq(users.id, userId)),
    ]);
    return rows.map((row) => ({
      businessId: row.id,
      razonSocial: row.razonSocial,
      allowed: can(row.role, "iva:request"),
      unavailable: !can(row.role, "iva:request")
        ? ivaMessages.notAllowed
        : row.requireTwoFactor && !user?.twoFactorSince
          ? ivaMessages.twoFactor
          : row.credentialStatus === null
            ? ivaMessages.noCredentials
            : row.credentialStatus !== "verified"
              ? ivaMessages.notVerified
              : null,
    }));
  }

  /** A run of this user's, with each business's outcome so far; null when it is not theirs. */
  async function batch(userId: string, batchId: string): Promise<IvaBatchView | null> {
    const [run] = await db
      .select()
      .from(ivaBatches)
      .where(and(eq(ivaBatches.id, batchId), eq(ivaBatches.userId, userId)));
    if (!run) return null;
    const rows = await db
      .select({ ...requestColumns, razonSocial: businesses.razonSocial })
      .from(ivaRequests)
      .innerJoin(businesses, eq(businesses.id, ivaRequests.businessId))
      .leftJoin(users, eq(users.id, ivaRequests.userId))
      .where(eq(ivaRequests.batchId, batchId))
      .orderBy(asc(businesses.razonSocial), asc(ivaRequests.id));
    const items = rows.map(({ razonSocial, ...row }) => ({ ...toView(row), razonSocial }));
    return {
      id: run.id,
      anio: run.anio,
      mes: run.mes,
      email: run.email,
      createdAt: run.createdAt.toISOString(),
      finished: items.every((item) => item.status !== "queued" && item.status !== "pending"),
      items,
    };
  }

  /** The user's latest run, if any. */
  async function latestBatchId(userId: string): Promise<string | null> {
    const [run] = await db
      .select({ id: ivaBatches.id })
      .from(ivaBatches)
      .where(eq(ivaBatches.userId, userId))
      .orderBy(desc(ivaBatches.createdAt))
      .limit(1);
    return run?.id ?? null;
  }

  return { request, history, priorRequests, businessOptions, batch, latestBatchId };
}

export type IvaViews = ReturnType<typeof createIvaViews>;
