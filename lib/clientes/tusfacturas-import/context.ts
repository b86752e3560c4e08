import "server-only";
import type { Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import { lockForTransaction } from "@/lib/db/locks";
import type { Locks } from "@/lib/db/locks";
import type { JobQueue } from "@/lib/jobs/queue";
import type { TusFacturasClient } from "@/lib/tusfacturas";

/** The free lookup the walk makes, one day (and page) at a time. */
export const CONSULTA_METHOD = "facturacion/consulta_avanzada";
/** The most TusFacturas answers per page. */
export const PAGE_SIZE = 1000;

export type ClientImportDeps = {
  db: Database;
  client: TusFacturasClient;
  keyring: Keyring;
  now: () => Date;
  /** Where a walk becomes a job, in the transaction that records it. */
  queue: Pick<JobQueue, "send">;
  /** One walker per import across every instance: a duplicate job waits, then finds it done. */
  locks: Locks;
  /** A stopping instance hands its walk back at the next day boundary. */
  instance: { stopping(): boolean };
  /**
   * How long one job walks before it hands over to a fresh job (so no job outlives the
   * queue's expiry). Default 20 s.
   */
  sliceMs?: number;
};

export const importMessages = {
  notFound: "No encontramos esa importación.",
  notRunning: "Esa importación ya no está en curso.",
  notFailed: "Solo se puede reanudar una importación que se detuvo por un error.",
  otherRunning: "Ya hay otra importación en curso para esta empresa.",
  notFoundCuit:
    "Alguno de los clientes elegidos no salió de esta importación: actualizá la página.",
  stopping: "Este servidor se está reiniciando: la importación sigue en otro momento.",
} as const;

/** Serializes starting and resuming the imports of one business (in a transaction). */
export async function lockImports(tx: Database, businessId: string): Promise<void> {
  await lockForTransaction(tx, `client-import:${businessId}`);
}
