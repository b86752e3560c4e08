import "server-only";
import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { createAuditService, type AuditService } from "@/lib/audit/service";
import { DomainError } from "@/lib/errors";
import { normalizeCuit } from "@/lib/cuit";
import type { Database } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { containsPattern } from "@/lib/db/like";
import { clients, type Client } from "@/lib/db/schema";
import type { ImportPreview, ImportResult } from "./import/limits";
import { buildPreview, cuitsIn } from "./import/preview";
import { readClientFile } from "./import/read-file";

const DUPLICATE = "Ese CUIT ya está en la cartera de esta empresa.";
/** Rows per INSERT of an import (3 parameters each, well under PostgreSQL's 65 535). */
const IMPORT_CHUNK = 1_000;

/** A file chosen for «Importar desde un archivo», as it arrived. */
export type ClientFileUpload = { bytes: Uint8Array; name: string };

export type ClientesDeps = {
  db: Database;
  /** The clock of `updatedAt`. Default: the wall clock. */
  now?: () => Date;
  /** Where an import's line of the activity log goes. Default: an audit service on `db`. */
  audit?: Pick<AuditService, "recordAudit">;
};

export type ClientesService = ReturnType<typeof createClientesService>;

/** Each business's directory of clients (its cartera), one row per CUIT. */
export function createClientesService({
  db,
  now = () => new Date(),
  audit = createAuditService({ db, now }),
}: ClientesDeps) {
  // The Clientes page reads the whole cartera on every visit: built and named once (on
  // PostgreSQL, also parsed and planned once per connection).
  const everyClient = db
    .select()
    .from(clients)
    .where(eq(clients.businessId, sql.placeholder("businessId")))
    .orderBy(asc(clients.nombre))
    .prepare("clients_of_business");

  /** The business's clients by name; `q` matches the name or the CUIT (with or without dashes). */
  async function listClients(businessId: string, q?: string): Promise<Client[]> {
    const text = q?.trim();
    if (!text) return everyClient.execute({ businessId });
    const digits = normalizeCuit(text);
    return db
      .select()
      .from(clients)
      .where(
        and(
          eq(clients.businessId, businessId),
          or(
            ilike(clients.nombre, containsPattern(text)),
            digits && /^\d+$/.test(digits)
              ? ilike(clients.cuit, containsPattern(digits))
              : undefined,
          ),
        ),
      )
      .orderBy(asc(clients.nombre));
  }

  async function findClientByCuit(businessId: string, cuit: string): Promise<Client | null> {
    const [client] = await db
      .select()
      .from(clients)
      .where(and(eq(clients.businessId, businessId), eq(clients.cuit, cuit)));
    return client ?? null;
  }

  async function insertClient(
    businessId: string,
    values: { cuit: string; nombre: string },
  ): Promise<Client> {
    try {
      const [client] = await db
        .insert(clients)
        .values({ businessId, ...values })
        .returning();
      if (!client) throw new Error("insert returned no row");
      return client;
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError("conflict", DUPLICATE, { cuit: [DUPLICATE] });
      throw error;
    }
  }

  /** Updates a client of this business; "not found" for another business's client. */
  async function updateClient(
    businessId: string,
    clientId: string,
    values: { cuit: string; nombre: string },
  ): Promise<Client> {
    try {
      const [client] = await db
        .update(clients)
        .set({ ...values, updatedAt: now() })
        .where(and(eq(clients.businessId, businessId), eq(clients.id, clientId)))
        .returning();
      if (!client) throw new DomainError("not_found", "No encontramos ese cliente.");
      return client;
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError("conflict", DUPLICATE, { cuit: [DUPLICATE] });
      throw error;
    }
  }

  /**
   * Removes a client from the directory (its stored ledgers stay, keyed by CUIT); returns who
   * it was (for the activity log).
   */
  async function deleteClient(
    businessId: string,
    clientId: string,
  ): Promise<{ nombre: string; cuit: string }> {
    const [deleted] = await db
      .delete(clients)
      .where(and(eq(clients.businessId, businessId), eq(clients.id, clientId)))
      .returning({ nombre: clients.nombre, cuit: clients.cuit });
    if (!deleted) throw new DomainError("not_found", "No encontramos ese cliente.");
    return deleted;
  }

  /** Which of `cuits` the business's cartera already has. */
  async function existingCuits(businessId: string, cuits: readonly string[]): Promise<Set<string>> {
    if (cuits.length === 0) return new Set();
    const rows = await db
      .select({ cuit: clients.cuit })
      .from(clients)
      .where(and(eq(clients.businessId, businessId), inArray(clients.cuit, [...cuits])));
    return new Set(rows.map((row) => row.cuit));
  }

  /** Reads a file and checks each row against the rules and the business's cartera; saves nothing. */
  async function previewImport(businessId: string, file: ClientFileUpload): Promise<ImportPreview> {
    const read = readClientFile(file.bytes, file.name);
    return buildPreview(read, file.name, await existingCuits(businessId, cuitsIn(read)));
  }

  /**
   * «Importar N clientes»: reads and checks the file again (nothing the browser previewed is
   * trusted) and saves its new clients in one transaction, with one line in the activity log.
   * A CUIT already in the cartera is skipped, so the same file imported twice adds nothing.
   */
  async function importClients(
    businessId: string,
    file: ClientFileUpload,
    userId: string,
  ): Promise<ImportResult> {
    const preview = await previewImport(businessId, file);
    const fresh = preview.rows.filter((row) => row.status === "new");
    const added = await db.transaction(async (tx) => {
      let count = 0;
      for (let start = 0; start < fresh.length; start += IMPORT_CHUNK) {
        const inserted = await tx
          .insert(clients)
          .values(
            fresh
              .slice(start, start + IMPORT_CHUNK)
              .map(({ cuit, nombre }) => ({ businessId, cuit, nombre })),
          )
          // Added by someone else since the preview: skipped like the ones it saw.
          .onConflictDoNothing({ target: [clients.businessId, clients.cuit] })
          .returning({ id: clients.id });
        count += inserted.length;
      }
      if (count > 0) {
        await audit.recordAudit(
          {
            businessId,
            userId,
            action: "client.import",
            subject: `${count === 1 ? "1 cliente" : `${count} clientes`} de ${file.name}`,
          },
          tx,
        );
      }
      return count;
    });
    return {
      added,
      existing: preview.counts.existing + fresh.length - added,
      invalid: preview.counts.invalid,
    };
  }

  return {
    listClients,
    findClientByCuit,
    insertClient,
    updateClient,
    deleteClient,
    existingCuits,
    previewImport,
    importClients,
  };
}
