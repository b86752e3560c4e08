import "server-only";
import { and, eq, gte, inArray } from "drizzle-orm";
import type { AuditService } from "@/lib/audit/service";
import type { BusinessesService } from "@/lib/businesses/service";
import type { Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import { lockForTransaction } from "@/lib/db/locks";
import { ivaRequests, tusfacturasCredentials } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import type { JobQueue } from "@/lib/jobs/queue";
import { loadCredentials } from "@/lib/businesses/credentials";
import type { TusFacturasClient, TusFacturasCredentials } from "@/lib/tusfacturas";
import { sql } from "drizzle-orm";

export const IVA_METHOD = "micuenta/iva_compras_ventas";
/** Reports one business may ask for in 24 hours: each is billed and sends an email. */
export const IVA_DAILY_LIMIT = 10;

export type IvaDeps = {
  db: Database;
  client: TusFacturasClient;
  keyring: Keyring;
  now: () => Date;
  /** This process: the owner written on the requests it is calling for. */
  instance: { id: string; stopping(): boolean };
  /** Where a run's requests become jobs, in the transaction that records them. */
  queue: Pick<JobQueue, "send">;
  /** After this long without a heartbeat an instance is dead (lib/runtime/instances.ts). */
  leaseMs: number;
  /** Which businesses are the user's, for the choice of a run. */
  businesses: Pick<BusinessesService, "listBusinessesOf">;
  /** Where refusals of the daily limit are written (the activity log). */
  audit?: Pick<AuditService, "recordAudit">;
};

export const ivaMessages = {
  notVerified:
    "Las credenciales de TusFacturas de esta empresa no están verificadas: revisalas en Credenciales.",
  noCredentials: "Esta empresa no tiene credenciales de TusFacturas.",
  notAllowed: "Tu rol en esta empresa no permite solicitar reportes.",
  twoFactor:
    "Esta empresa pide verificación en dos pasos: activala en «Tu cuenta» para pedir sus reportes.",
  inFlight:
    "Ya hay una solicitud de este período a esta dirección en curso: su resultado aparece en el historial.",
  maybeSent: "Tablero no la reintenta: revisá la casilla antes de pedirla de nuevo.",
  notSent: "Tablero se detuvo antes de enviarla: no se envió.",
  stopping: "Este servidor se está reiniciando: probá de nuevo en unos segundos.",
  noLongerMember: "Ya no sos miembro de esta empresa.",
  sentMeanwhile:
    "Mientras esperaba, se pidió este período a esta dirección en otra solicitud: no se repite.",
  dailyLimit: `Se alcanzó el máximo de ${IVA_DAILY_LIMIT} reportes de IVA en 24 horas para esta empresa (cada uno se cobra del plan): probá de nuevo mañana.`,
} as const;

/**
 * Whether the business already asked TusFacturas for `IVA_DAILY_LIMIT` reports in the last 24
 * hours (every request that may have cost one counts). Call it under `lockBusiness`.
 */
export async function ivaDailyLimitReached(
  tx: Database,
  businessId: string,
  now: Date,
): Promise<boolean> {
  const [row] = await tx
    .select({ sent: sql<number>`count(*)::int` })
    .from(ivaRequests)
    .where(
      and(
        eq(ivaRequests.businessId, businessId),
        inArray(ivaRequests.status, ["sent", "pending", "failed", "unconfirmed"]),
        gte(ivaRequests.requestedAt, new Date(now.getTime() - 24 * 3_600_000)),
      ),
    );
  return (row?.sent ?? 0) >= IVA_DAILY_LIMIT;
}

/** Serializes every reservation of one business, across processes sharing the database. */
export async function lockBusiness(tx: Database, businessId: string): Promise<void> {
  await lockForTransaction(tx, `iva:${businessId}`);
}

/** The business's credentials, only if verified; otherwise the reason, as a domain error. */
export async function verifiedCredentials(
  { db, keyring }: Pick<IvaDeps, "db" | "keyring">,
  businessId: string,
): Promise<TusFacturasCredentials> {
  const [row] = await db
    .select({ status: tusfacturasCredentials.status })
    .from(tusfacturasCredentials)
    .where(and(eq(tusfacturasCredentials.businessId, businessId)));
  if (!row) throw new DomainError("conflict", ivaMessages.noCredentials);
  if (row.status !== "verified") throw new DomainError("conflict", ivaMessages.notVerified);
  const stored = await loadCredentials(db, keyring, businessId);
  if (!stored) throw new DomainError("conflict", ivaMessages.noCredentials);
  return stored.credentials;
}
