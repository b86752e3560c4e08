import "server-only";
import { and, asc, desc, eq, gte, inArray, notInArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { startOfMonth } from "@/lib/audit/month";
import {
  projectFromSnapshots,
  runsOutThisCycle,
  type ConsumoPoint,
} from "@/lib/consumo/projection";
import type { Database } from "@/lib/db";
import { todayIso } from "@/lib/format";
import {
  businesses,
  consumoSnapshots,
  ivaRequests,
  memberships,
  tusfacturasCredentials,
  users,
  type Role,
} from "@/lib/db/schema";
import { alertsOf, type PortfolioAlert, type PortfolioFacts } from "./alerts";
import { PORTFOLIO_PAGE_SIZE, type PortfolioQuery } from "./query";
import { rankBusinesses } from "./ranking";

export type PortfolioCard = PortfolioFacts & {
  businessId: string;
  razonSocial: string;
  cuit: string;
  role: Role;
  /** Sum of what clients in the directory owe, from their stored ledgers (centavos). */
  receivableCentavos: number;
  /**
   * What of it is past its due date (the issue date where TusFacturas gives none), or null when
   * no stored ledger of the business has its unpaid comprobantes yet.
   */
  overdueCentavos: number | null;
  /**
   * The business requires two-factor and the user has not turned it on: the card names it and
   * says so, with none of its data.
   */
  locked: boolean;
  alerts: PortfolioAlert[];
};

/** One page of the portfolio, and the figures of all of it. */
export type PortfolioView = {
  cards: PortfolioCard[];
  /** Every business of the user, whatever the search. */
  businessCount: number;
  /** What the clients of every business owe (centavos), whatever the search. */
  receivableTotalCentavos: number;
  /** Businesses that match the search. */
  matching: number;
  /** The page shown: the one asked for, or the last one when it was past the end. */
  page: number;
  pageCount: number;
  pageSize: number;
};

export type PortfolioDeps = {
  db: Database;
  /** The clock the alerts are judged by. Default: the wall clock. */
  now?: () => Date;
};

export type PortfolioService = ReturnType<typeof createPortfolioService>;

/** The cartera's overview: a card per business of the user, from stored data only. */
export function createPortfolioService({ db, now = () => new Date() }: PortfolioDeps) {
  /**
   * One page of cards of the user's businesses (their memberships), from what Tablero has
   * stored: no TusFacturas call. The database searches (razón social or CUIT, like the
   * palette) and sorts all of them and reads the data of the page's businesses only: four
   * queries whatever the number of businesses.
   */
  async function portfolioPage(
    userId: string,
    { q = "", sort = "nombre", page = 1 }: Partial<PortfolioQuery> = {},
    pageSize = PORTFOLIO_PAGE_SIZE,
  ): Promise<PortfolioView> {
    const rank = (at: number) =>
      rankBusinesses(db, userId, {
        q,
        sort,
        offset: (at - 1) * pageSize,
        limit: pageSize,
        today: todayIso(now()),
      });
    let shown = Math.max(1, Math.floor(page));
    let ranking = await rank(shown);
    if (ranking.ids.length === 0 && shown > 1) {
      // Past the last page (a bookmark, fewer businesses now): show the last one.
      const { matching } = await rank(1);
      shown = Math.max(1, Math.ceil(matching / pageSize));
      ranking = await rank(shown);
    }
    return {
      cards: await cardsOf(userId, ranking.ids, ranking.receivableBy, ranking.overdueBy),
      businessCount: ranking.businessCount,
      receivableTotalCentavos: ranking.receivableTotalCentavos,
      matching: ranking.matching,
      page: shown,
      pageCount: Math.max(1, Math.ceil(ranking.matching / pageSize)),
      pageSize,
    };
  }

  /** The cards of `ids` (businesses of the user), in that order. */
  async function cardsOf(
    userId: string,
    ids: string[],
    receivableBy: Map<string, number>,
    overdueBy: Map<string, number | null>,
  ): Promise<PortfolioCard[]> {
    if (ids.length === 0) return [];
    const at = now();
    const list = await db
      .select({
        id: businesses.id,
        razonSocial: businesses.razonSocial,
        cuit: businesses.cuit,
        role: memberships.role,
        credentialStatus: tusfacturasCredentials.status,
        credentialDetail: tusfacturasCredentials.statusDetail,
        locked: sql<boolean>`${businesses.requireTwoFactor} and ${users.totpEnabledAt} is null`,
      })
      .from(memberships)
      .innerJoin(businesses, eq(businesses.id, memberships.businessId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(tusfacturasCredentials, eq(tusfacturasCredentials.businessId, businesses.id))
      .where(and(eq(memberships.userId, userId), inArray(memberships.businessId, ids)))
      .orderBy(asc(businesses.id));
    // No data of a business that requires two-factor is read for a user without it.
    const open = list.filter((b) => !b.locked).map((b) => b.id);
    const latest = alias(consumoSnapshots, "latest");
    const [consumos, ivas] = await Promise.all([
      db
        // Each business's last snapshot (what the card shows) and this month's (the pace of
        // the cycle under way): one query for the page, whatever the number of businesses.
        .select({
          businessId: consumoSnapshots.businessId,
          generados: consumoSnapshots.comprobantesGenerados,
          cupo: consumoSnapshots.comprobantesCupo,
          disponibles: consumoSnapshots.comprobantesDisponibles,
          fetchedAt: consumoSnapshots.fetchedAt,
        })
        .from(consumoSnapshots)
        .where(
          and(
            inArray(consumoSnapshots.businessId, open),
            or(
              gte(consumoSnapshots.fetchedAt, startOfMonth(at)),
              eq(
                consumoSnapshots.fetchedAt,
                db
                  .select({ last: sql<Date>`max(${latest.fetchedAt})` })
                  .from(latest)
                  .where(eq(latest.businessId, consumoSnapshots.businessId)),
              ),
            ),
          ),
        )
        .orderBy(consumoSnapshots.businessId, asc(consumoSnapshots.fetchedAt)),
      db
        .selectDistinctOn([ivaRequests.businessId], {
          businessId: ivaRequests.businessId,
          status: ivaRequests.status,
          messages: ivaRequests.messages,
        })
        .from(ivaRequests)
        .where(
          and(
            inArray(ivaRequests.businessId, open),
            notInArray(ivaRequests.status, ["queued", "skipped", "cancelled"]),
          ),
        )
        .orderBy(ivaRequests.businessId, desc(ivaRequests.requestedAt), sql`${ivaRequests.id}`),
    ]);
    const byId = new Map(list.map((b) => [b.id, b]));
    const consumoBy = new Map<string, ConsumoPoint[]>();
    for (const { businessId, ...point } of consumos) {
      const points = consumoBy.get(businessId) ?? [];
      points.push(point);
      consumoBy.set(businessId, points);
    }
    const ivaBy = new Map(ivas.map((i) => [i.businessId, i]));
    return ids.flatMap((id): PortfolioCard[] => {
      const business = byId.get(id);
      if (!business) return [];
      const card = {
        businessId: business.id,
        razonSocial: business.razonSocial,
        cuit: business.cuit,
        role: business.role,
      };
      if (business.locked) {
        return [
          {
            ...card,
            consumo: null,
            credentialStatus: null,
            credentialDetail: null,
            lastIva: null,
            receivableCentavos: 0,
            overdueCentavos: null,
            locked: true,
            alerts: [
              {
                kind: "twoFactor",
                text: "Pide verificación en dos pasos: activala para ver sus datos.",
              },
            ],
          },
        ];
      }
      const points = consumoBy.get(id) ?? [];
      const consumo = points.at(-1);
      const runsOutAt = runsOutThisCycle(projectFromSnapshots(points, at));
      const iva = ivaBy.get(id);
      const facts: PortfolioFacts = {
        consumo: consumo
          ? {
              generados: consumo.generados,
              cupo: consumo.cupo,
              disponibles: consumo.disponibles,
              fetchedAt: consumo.fetchedAt.toISOString(),
              runsOutAt: runsOutAt?.toISOString() ?? null,
            }
          : null,
        credentialStatus: business.credentialStatus,
        credentialDetail: business.credentialDetail,
        lastIva: iva ? { status: iva.status, messages: iva.messages } : null,
      };
      return [
        {
          ...facts,
          ...card,
          receivableCentavos: receivableBy.get(id) ?? 0,
          overdueCentavos: overdueBy.get(id) ?? null,
          locked: false,
          alerts: alertsOf(facts, at),
        },
      ];
    });
  }

  return { portfolioPage };
}
