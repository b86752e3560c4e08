import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { formatCuit, isValidCuit } from "@/lib/cuit";
import type { Database } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { clientImportFound, clientImports, clients } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { verifiedCredentials } from "@/lib/iva/context";
import { importMessages, lockImports, type ClientImportDeps } from "./context";
import { daysInRange } from "./range";
import { readImportView, type ClientImportView } from "./views";
import { createImportWalk } from "./walk";

export type { ClientImportDeps } from "./context";
export type { ClientImportView, FoundClient, FoundWithoutCuit } from "./views";

export type StartImportInput = {
  businessId: string;
  userId: string;
  /** ISO days, already checked (lib/clientes/tusfacturas-import/range.ts). */
  desde: string;
  hasta: string;
};

/** The most a name may take in the cartera (clients' form allows 200). */
const NOMBRE_MAX = 200;

/**
 * «Importar clientes desde TusFacturas»: a background walk of the business's comprobantes,
 * day by day, with free lookups (no request of the plan), then the person's choice of whom to
 * add to the cartera. The rows are the truth: the page, the job and any instance read them.
 */
export function createClientImportService(deps: ClientImportDeps) {
  const { db, now, queue } = deps;
  const walk = createImportWalk(deps);

  /** The import's status, if it is this business's; "not found" otherwise. */
  async function statusOf(tx: Database, businessId: string, importId: string) {
    const [row] = await tx
      .select({ status: clientImports.status })
      .from(clientImports)
      .where(and(eq(clientImports.businessId, businessId), eq(clientImports.id, importId)));
    if (!row) throw new DomainError("not_found", importMessages.notFound);
    return row.status;
  }

  /**
   * Starts a walk, unless one of the business is running: then that one is the answer
   * (`started: false`), never a second walk.
   */
  async function start(input: StartImportInput): Promise<{ importId: string; started: boolean }> {
    const { businessId } = input;
    // Refused before anything is recorded: the walk would only fail.
    await verifiedCredentials(deps, businessId);
    const running = async () => {
      const [row] = await db
        .select({ id: clientImports.id })
        .from(clientImports)
        .where(and(eq(clientImports.businessId, businessId), eq(clientImports.status, "running")));
      return row?.id;
    };
    try {
      return await db.transaction(async (tx) => {
        await lockImports(tx, businessId);
        const [current] = await tx
          .select({ id: clientImports.id })
          .from(clientImports)
          .where(
            and(eq(clientImports.businessId, businessId), eq(clientImports.status, "running")),
          );
        if (current) return { importId: current.id, started: false };
        const [row] = await tx
          .insert(clientImports)
          .values({
            businessId,
            userId: input.userId,
            desde: input.desde,
            hasta: input.hasta,
            daysTotal: daysInRange(input.desde, input.hasta),
            status: "running",
            createdAt: now(),
            updatedAt: now(),
          })
          .returning({ id: clientImports.id });
        await queue.send(tx, "client-import", { importId: row!.id });
        return { importId: row!.id, started: true };
      });
    } catch (error) {
      // Another instance started one between our look and our insert.
      const id = isUniqueViolation(error) ? await running() : undefined;
      if (id) return { importId: id, started: false };
      throw error;
    }
  }

  /** «Cancelar»: the walk stops at the next day boundary; what it found stays. */
  async function cancel(businessId: string, importId: string): Promise<void> {
    await statusOf(db, businessId, importId);
    const [row] = await db
      .update(clientImports)
      .set({ status: "cancelled", finishedAt: now(), updatedAt: now() })
      .where(
        and(
          eq(clientImports.businessId, businessId),
          eq(clientImports.id, importId),
          inArray(clientImports.status, ["running", "failed"]),
        ),
      )
      .returning({ id: clientImports.id });
    if (!row) throw new DomainError("conflict", importMessages.notRunning);
  }

  /** «Reanudar» a failed import: from its position, never its finished days again. */
  async function resume(businessId: string, importId: string): Promise<void> {
    await statusOf(db, businessId, importId);
    await verifiedCredentials(deps, businessId);
    await db.transaction(async (tx) => {
      await lockImports(tx, businessId);
      const [other] = await tx
        .select({ id: clientImports.id })
        .from(clientImports)
        .where(and(eq(clientImports.businessId, businessId), eq(clientImports.status, "running")));
      if (other) throw new DomainError("conflict", importMessages.otherRunning);
      const [row] = await tx
        .update(clientImports)
        .set({ status: "running", error: null, updatedAt: now() })
        .where(
          and(
            eq(clientImports.businessId, businessId),
            eq(clientImports.id, importId),
            eq(clientImports.status, "failed"),
          ),
        )
        .returning({ id: clientImports.id });
      if (!row) throw new DomainError("conflict", importMessages.notFailed);
      await queue.send(tx, "client-import", { importId });
    });
  }

  /**
   * «Importar seleccionados»: adds the chosen CUITs to the cartera, each one checked against
   * what this import found; those already there are left as they are. Returns who was added.
   */
  async function importClients(
    businessId: string,
    importId: string,
    cuits: string[],
  ): Promise<{ added: { cuit: string; nombre: string }[]; already: number }> {
    await statusOf(db, businessId, importId);
    const chosen = [...new Set(cuits)];
    const found = await db
      .select({
        cuit: clientImportFound.documentoNro,
        razonSocial: clientImportFound.razonSocial,
      })
      .from(clientImportFound)
      .innerJoin(clientImports, eq(clientImports.id, clientImportFound.importId))
      .where(
        and(
          eq(clientImports.businessId, businessId),
          eq(clientImportFound.businessId, businessId),
          eq(clientImportFound.importId, importId),
          eq(clientImportFound.documentoTipo, "CUIT"),
          inArray(clientImportFound.documentoNro, chosen),
        ),
      );
    const byCuit = new Map(found.map((f) => [f.cuit, f.razonSocial]));
    if (chosen.some((cuit) => !byCuit.has(cuit) || !isValidCuit(cuit)))
      throw new DomainError("invalid", importMessages.notFoundCuit);
    const added = await db
      .insert(clients)
      .values(
        chosen.map((cuit) => ({ businessId, cuit, nombre: nombreOf(byCuit.get(cuit)!, cuit) })),
      )
      .onConflictDoNothing({ target: [clients.businessId, clients.cuit] })
      .returning({ cuit: clients.cuit, nombre: clients.nombre });
    return { added, already: chosen.length - added.length };
  }

  return {
    start,
    cancel,
    resume,
    importClients,
    /** The business's latest import (or `importId`), with its findings; null if none. */
    view: (businessId: string, importId?: string): Promise<ClientImportView | null> =>
      readImportView(db, businessId, importId),
    /** The job handler of the "client-import" queue. */
    work: walk.work,
    running: walk.running,
  };
}

/** The cartera's name for a found client: TusFacturas' razón social, or the CUIT if blank. */
function nombreOf(razonSocial: string, cuit: string): string {
  const nombre = razonSocial.trim().slice(0, NOMBRE_MAX);
  return nombre.length >= 2 ? nombre : `CUIT ${formatCuit(cuit)}`;
}

export type ClientImportService = ReturnType<typeof createClientImportService>;
