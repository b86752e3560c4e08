import "server-only";
import { and, asc, eq, ilike, or } from "drizzle-orm";
import { DomainError } from "@/lib/errors";
import { normalizeCuit } from "@/lib/cuit";
import type { Database } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { containsPattern } from "@/lib/db/like";
import { clients, type Client } from "@/lib/db/schema";

const DUPLICATE = "Ese CUIT ya está en la cartera de esta empresa.";

export type ClientesDeps = {
  db: Database;
  /** The clock of `updatedAt`. Default: the wall clock. */
  now?: () => Date;
};

export type ClientesService = ReturnType<typeof createClientesService>;

/** Each business's directory of clients (its cartera), one row per CUIT. */
export function createClientesService({ db, now = () => new Date() }: ClientesDeps) {
  /** The business's clients by name; `q` matches the name or the CUIT (with or without dashes). */
  async function listClients(businessId: string, q?: string): Promise<Client[]> {
    const text = q?.trim();
    const digits = text && normalizeCuit(text);
    return db
      .select()
      .from(clients)
      .where(
        and(
          eq(clients.businessId, businessId),
          text
            ? or(
                ilike(clients.nombre, containsPattern(text)),
                digits && /^\d+$/.test(digits)
                  ? ilike(clients.cuit, containsPattern(digits))
                  : undefined,
              )
            : undefined,
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

  return { listClients, findClientByCuit, insertClient, updateClient, deleteClient };
}
