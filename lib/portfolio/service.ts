import "server-only";
import { and, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { BusinessesService } from "@/lib/businesses/service";
import type { Database } from "@/lib/db";
import {
  clients,
  consumoSnapshots,
  cuentaCorrienteSnapshots,
  ivaRequests,
  tusfacturasCredentials,
  users,
  type Role,
} from "@/lib/db/schema";
import { alertsOf, type PortfolioAlert, type PortfolioFacts } from "./alerts";

export type PortfolioCard = PortfolioFacts & {
  businessId: string;
  razonSocial: string;
  cuit: string;
  role: Role;
  /** Sum of what clients in the directory owe, from their stored ledgers (centavos). */
  receivableCentavos: number;
  /**
   * The business requires two-factor and the user has not turned it on: the card names it and
   * says so, with none of its data.
   */
  locked: boolean;
  alerts: PortfolioAlert[];
};

export type PortfolioDeps = {
  db: Database;
  /** Which businesses are the user's (their memberships). */
  businesses: Pick<BusinessesService, "listBusinessesOf">;
  /** The clock the alerts are judged by. Default: the wall clock. */
  now?: () => Date;
};

export type PortfolioService = ReturnType<typeof createPortfolioService>;

/** The cartera's overview: a card per business of the user, from stored data only. */
export function createPortfolioService({ db, businesses, now = () => new Date() }: PortfolioDeps) {
  /**
   * One card per business of the user, from what Tablero has stored: no TusFacturas call.
   * Four queries whatever the number of businesses.
   */
  async function portfolioOf(userId: string): Promise<PortfolioCard[]> {
    const at = now();
    const [list, [user]] = await Promise.all([
      businesses.listBusinessesOf(userId),
      db.select({ twoFactorSince: users.totpEnabledAt }).from(users).where(eq(users.id, userId)),
    ]);
    if (list.length === 0) return [];
    const isLocked = (business: { requireTwoFactor: boolean }) =>
      business.requireTwoFactor && !user?.twoFactorSince;
    // No data of a business that requires two-factor is read for a user without it.
    const ids = list.filter((b) => !isLocked(b)).map((b) => b.id);
    const [consumos, details, latestLedgers, ivas] = await Promise.all([
      db
        .selectDistinctOn([consumoSnapshots.businessId], {
          businessId: consumoSnapshots.businessId,
          generados: consumoSnapshots.comprobantesGenerados,
          cupo: consumoSnapshots.comprobantesCupo,
          disponibles: consumoSnapshots.comprobantesDisponibles,
          fetchedAt: consumoSnapshots.fetchedAt,
        })
        .from(consumoSnapshots)
        .where(inArray(consumoSnapshots.businessId, ids))
        .orderBy(consumoSnapshots.businessId, desc(consumoSnapshots.fetchedAt)),
      db
        .select({
          businessId: tusfacturasCredentials.businessId,
          detail: tusfacturasCredentials.statusDetail,
        })
        .from(tusfacturasCredentials)
        .where(inArray(tusfacturasCredentials.businessId, ids)),
      db
        .selectDistinctOn([cuentaCorrienteSnapshots.businessId, cuentaCorrienteSnapshots.cuit], {
          businessId: cuentaCorrienteSnapshots.businessId,
          saldo: cuentaCorrienteSnapshots.saldoCentavos,
        })
        .from(cuentaCorrienteSnapshots)
        .innerJoin(
          clients,
          and(
            eq(clients.businessId, cuentaCorrienteSnapshots.businessId),
            eq(clients.cuit, cuentaCorrienteSnapshots.cuit),
          ),
        )
        .where(inArray(cuentaCorrienteSnapshots.businessId, ids))
        .orderBy(
          cuentaCorrienteSnapshots.businessId,
          cuentaCorrienteSnapshots.cuit,
          desc(cuentaCorrienteSnapshots.fetchedAt),
        ),
      db
        .selectDistinctOn([ivaRequests.businessId], {
          businessId: ivaRequests.businessId,
          status: ivaRequests.status,
          messages: ivaRequests.messages,
        })
        .from(ivaRequests)
        .where(
          and(
            inArray(ivaRequests.businessId, ids),
            notInArray(ivaRequests.status, ["queued", "skipped", "cancelled"]),
          ),
        )
        .orderBy(ivaRequests.businessId, desc(ivaRequests.requestedAt), sql`${ivaRequests.id}`),
    ]);
    const consumoBy = new Map(consumos.map((c) => [c.businessId, c]));
    const detailBy = new Map(details.map((d) => [d.businessId, d.detail]));
    const ivaBy = new Map(ivas.map((i) => [i.businessId, i]));
    const receivable = new Map<string, number>();
    for (const ledger of latestLedgers) {
      receivable.set(
        ledger.businessId,
        (receivable.get(ledger.businessId) ?? 0) + Math.max(ledger.saldo, 0),
      );
    }
    return list.map((business): PortfolioCard => {
      if (isLocked(business)) {
        return {
          consumo: null,
          credentialStatus: null,
          credentialDetail: null,
          lastIva: null,
          businessId: business.id,
          razonSocial: business.razonSocial,
          cuit: business.cuit,
          role: business.role,
          receivableCentavos: 0,
          locked: true,
          alerts: [
            {
              kind: "twoFactor",
              text: "Pide verificación en dos pasos: activala para ver sus datos.",
            },
          ],
        };
      }
      const consumo = consumoBy.get(business.id);
      const iva = ivaBy.get(business.id);
      const facts: PortfolioFacts = {
        consumo: consumo
          ? {
              generados: consumo.generados,
              cupo: consumo.cupo,
              disponibles: consumo.disponibles,
              fetchedAt: consumo.fetchedAt.toISOString(),
            }
          : null,
        credentialStatus: business.credentialStatus,
        credentialDetail: detailBy.get(business.id) ?? null,
        lastIva: iva ? { status: iva.status, messages: iva.messages } : null,
      };
      return {
        ...facts,
        businessId: business.id,
        razonSocial: business.razonSocial,
        cuit: business.cuit,
        role: business.role,
        receivableCentavos: receivable.get(business.id) ?? 0,
        locked: false,
        alerts: alertsOf(facts, at),
      };
    });
  }

  return { portfolioOf };
}
