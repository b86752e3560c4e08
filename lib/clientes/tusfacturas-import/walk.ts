import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { clientImportFound, clientImports, type ClientImport } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { verifiedCredentials } from "@/lib/iva/context";
import {
  describeTusFacturasError,
  isTusFacturasError,
  type ComprobanteEmitido,
  type TusFacturasCredentials,
} from "@/lib/tusfacturas";
import { recordUpstream } from "@/lib/upstream/record";
import { CONSULTA_METHOD, importMessages, PAGE_SIZE, type ClientImportDeps } from "./context";
import { addDays } from "./range";

type Found = { documentoTipo: string; documentoNro: string; razonSocial: string; n: number };

/** One day's comprobantes grouped by document (the most recent name wins: they come first). */
export function groupByDocument(comprobantes: ComprobanteEmitido[]): Found[] {
  const found = new Map<string, Found>();
  for (const { cliente } of comprobantes) {
    if (!cliente.documentoNro) continue;
    const key = `${cliente.documentoTipo} ${cliente.documentoNro}`;
    const entry = found.get(key);
    if (entry) entry.n += 1;
    else found.set(key, { ...cliente, n: 1 });
  }
  return [...found.values()];
}

/** Thrown inside a day's transaction when the import changed meanwhile: nothing is written. */
class Superseded extends Error {}

/**
 * The job of the "client-import" queue: walks the import's days from the one after its
 * position, each day's pages in full, writing the day's findings and the new position in one
 * transaction. Whatever the job's history (retried, delivered twice, another instance's), a
 * finished day is never walked again, and a cancelled import is left as it is.
 */
export function createImportWalk(deps: ClientImportDeps) {
  const { db, client, now, queue, locks, instance } = deps;
  const sliceMs = deps.sliceMs ?? 20_000;
  const walking = new Set<Promise<void>>();

  async function read(importId: string): Promise<ClientImport | undefined> {
    const [row] = await db.select().from(clientImports).where(eq(clientImports.id, importId));
    return row;
  }

  async function fail(row: ClientImport, reason: string): Promise<void> {
    await db
      .update(clientImports)
      .set({ status: "failed", error: reason, updatedAt: now() })
      .where(
        and(
          eq(clientImports.id, row.id),
          eq(clientImports.businessId, row.businessId),
          eq(clientImports.status, "running"),
        ),
      );
  }

  async function fetchDay(row: ClientImport, credentials: TusFacturasCredentials, fecha: string) {
    const all: ComprobanteEmitido[] = [];
    for (let pagina = 0; ; pagina++) {
      const page = await recordUpstream(
        db,
        {
          businessId: row.businessId,
          userId: row.userId,
          method: CONSULTA_METHOD,
          subject: fecha,
          now,
        },
        () => client.consultaAvanzadaPorFecha(credentials, { fecha, pagina, limite: PAGE_SIZE }),
      );
      all.push(...page.comprobantes);
      if (page.comprobantes.length === 0 || (pagina + 1) * PAGE_SIZE >= page.total) return all;
    }
  }

  /** Stores a walked day, if the import is still running from where this walk read it. */
  async function commitDay(row: ClientImport, fecha: string, found: Found[]): Promise<boolean> {
    try {
      await db.transaction(async (tx) => {
        const done = fecha >= row.hasta;
        const [moved] = await tx
          .update(clientImports)
          .set({
            lastDone: fecha,
            daysDone: sql`${clientImports.daysDone} + 1`,
            updatedAt: now(),
            ...(done ? { status: "done" as const, finishedAt: now() } : {}),
          })
          .where(
            and(
              eq(clientImports.id, row.id),
              eq(clientImports.businessId, row.businessId),
              eq(clientImports.status, "running"),
              row.lastDone === null
                ? isNull(clientImports.lastDone)
                : eq(clientImports.lastDone, row.lastDone),
            ),
          )
          .returning({ id: clientImports.id });
        if (!moved) throw new Superseded();
        if (found.length === 0) return;
        await tx
          .insert(clientImportFound)
          .values(
            found.map((f) => ({
              importId: row.id,
              businessId: row.businessId,
              documentoTipo: f.documentoTipo,
              documentoNro: f.documentoNro,
              razonSocial: f.razonSocial,
              comprobantes: f.n,
              ultimaFecha: fecha,
            })),
          )
          .onConflictDoUpdate({
            target: [
              clientImportFound.importId,
              clientImportFound.documentoTipo,
              clientImportFound.documentoNro,
            ],
            // Days go forward: the later day's name and date are the latest.
            set: {
              comprobantes: sql`${clientImportFound.comprobantes} + excluded.comprobantes`,
              ultimaFecha: sql`greatest(${clientImportFound.ultimaFecha}, excluded.ultima_fecha)`,
              razonSocial: sql`excluded.razon_social`,
            },
          });
      });
      return true;
    } catch (error) {
      if (error instanceof Superseded) return false;
      throw error;
    }
  }

  async function walk(importId: string): Promise<void> {
    const startedAt = Date.now();
    let credentials: TusFacturasCredentials | undefined;
    for (;;) {
      const row = await read(importId);
      if (!row || row.status !== "running") return;
      if (row.lastDone !== null && row.lastDone >= row.hasta) {
        await db
          .update(clientImports)
          .set({ status: "done", finishedAt: now(), updatedAt: now() })
          .where(and(eq(clientImports.id, row.id), eq(clientImports.status, "running")));
        return;
      }
      // Handed back: the queue retries the job elsewhere, from this position.
      if (instance.stopping()) throw new Error(importMessages.stopping);
      if (Date.now() - startedAt > sliceMs) {
        await queue.send(db, "client-import", { importId });
        return;
      }
      if (!credentials) {
        try {
          credentials = await verifiedCredentials(deps, row.businessId);
        } catch (error) {
          if (error instanceof DomainError) return fail(row, error.message);
          throw error;
        }
      }
      const fecha = row.lastDone === null ? row.desde : addDays(row.lastDone, 1);
      let comprobantes: ComprobanteEmitido[];
      try {
        comprobantes = await fetchDay(row, credentials, fecha);
      } catch (error) {
        if (isTusFacturasError(error)) return fail(row, describeTusFacturasError(error));
        throw error;
      }
      await commitDay(row, fecha, groupByDocument(comprobantes));
    }
  }

  return {
    /** Works one job of the import (see above). */
    work(importId: string): Promise<void> {
      const run = locks.withLock(`client-import:${importId}`, () => walk(importId));
      const tracked = run.then(
        () => undefined,
        () => undefined,
      );
      walking.add(tracked);
      void tracked.then(() => walking.delete(tracked));
      return run;
    },
    /** The walks this process is working (shutdown waits for them). */
    running: (): Promise<void>[] => [...walking],
  };
}
