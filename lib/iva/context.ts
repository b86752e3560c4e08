import "server-only";
import { and, eq } from "drizzle-orm";
import type { BusinessesService } from "@/lib/businesses/service";
import type { Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import { tusfacturasCredentials } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import type { JobQueue } from "@/lib/jobs/queue";
import { loadCredentials } from "@/lib/businesses/credentials";
import type { TusFacturasClient, TusFacturasCredentials } from "@/lib/tusfacturas";
import { sql } from "drizzle-orm";

export const IVA_METHOD = "micuenta/iva_compras_ventas";

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
};

export const ivaMessages = {
  notVerified:
    "Las credenciales de TusFacturas de esta empresa no están verificadas: revisalas en Credenciales.",
  noCredentials: "Esta empresa no tiene credenciales de TusFacturas.",
  notAllowed: "Tu rol en esta empresa no permite solicitar reportes.",
  inFlight:
    "Ya hay una solicitud de este período a esta dirección en curso: su resultado aparece en el historial.",
  maybeSent: "Tablero no la reintenta: revisá la casilla antes de pedirla de nuevo.",
  notSent: "Tablero se detuvo antes de enviarla: no se envió.",
  stopping: "Este servidor se está reiniciando: probá de nuevo en unos segundos.",
  noLongerMember: "Ya no sos miembro de esta empresa.",
  sentMeanwhile:
    "Mientras esperaba, se pidió este período a esta dirección en otra solicitud: no se repite.",
} as const;

/** Serializes every reservation of one business, across processes sharing the database. */
export async function lockBusiness(tx: Database, businessId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`iva:${businessId}`}))`);
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
