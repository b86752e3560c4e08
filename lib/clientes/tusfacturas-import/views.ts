import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db";
import {
  clientImportFound,
  clientImports,
  clients,
  type ClientImportStatus,
} from "@/lib/db/schema";
import { isValidCuit } from "@/lib/cuit";

/** A client found with a CUIT: it can join the cartera. */
export type FoundClient = {
  cuit: string;
  razonSocial: string;
  comprobantes: number;
  /** ISO date of their latest comprobante in the range. */
  ultimaFecha: string;
  /** Already in the business's cartera (importing it again changes nothing). */
  enCartera: boolean;
};

/** A client TusFacturas knows only by another document (a DNI): cuenta corriente needs a CUIT. */
export type FoundWithoutCuit = {
  documentoTipo: string;
  documentoNro: string;
  razonSocial: string;
  comprobantes: number;
  ultimaFecha: string;
};

/** What the Clientes page shows of an import, read from the database only. */
export type ClientImportView = {
  id: string;
  status: ClientImportStatus;
  /** ISO days. */
  desde: string;
  hasta: string;
  daysTotal: number;
  daysDone: number;
  /** Why it stopped, when "failed". */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  clients: FoundClient[];
  withoutCuit: FoundWithoutCuit[];
};

/** The import `importId` of the business (or its latest), with what it found so far. */
export async function readImportView(
  db: Database,
  businessId: string,
  importId?: string,
): Promise<ClientImportView | null> {
  const queries = importQueriesOf(db);
  const [row] = importId
    ? await queries.byId.execute({ businessId, importId })
    : await queries.latest.execute({ businessId });
  if (!row) return null;
  const found = await queries.found.execute({ businessId, importId: row.id });
  const view: ClientImportView = {
    id: row.id,
    status: row.status,
    desde: row.desde,
    hasta: row.hasta,
    daysTotal: row.daysTotal,
    daysDone: row.daysDone,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    clients: [],
    withoutCuit: [],
  };
  for (const f of found) {
    const { documentoTipo, documentoNro, razonSocial, comprobantes, ultimaFecha } = f;
    if (documentoTipo === "CUIT" && isValidCuit(documentoNro)) {
      view.clients.push({
        cuit: documentoNro,
        razonSocial,
        comprobantes,
        ultimaFecha,
        enCartera: Boolean(f.enCartera),
      });
    } else {
      view.withoutCuit.push({
        documentoTipo,
        documentoNro,
        razonSocial,
        comprobantes,
        ultimaFecha,
      });
    }
  }
  return view;
}

/**
 * The Clientes page reads the latest import and its findings on every visit (an import's
 * panel, one by id): built and named once per database (on PostgreSQL, also parsed and planned
 * once per connection).
 */
const importQueries = new WeakMap<Database, ReturnType<typeof prepareImportQueries>>();
function prepareImportQueries(db: Database) {
  const businessId = sql.placeholder("businessId");
  const newest = (name: string, id?: SQL) =>
    db
      .select()
      .from(clientImports)
      .where(and(eq(clientImports.businessId, businessId), id))
      .orderBy(desc(clientImports.createdAt), desc(clientImports.id))
      .limit(1)
      .prepare(name);
  return {
    latest: newest("client_import_latest"),
    byId: newest("client_import_by_id", eq(clientImports.id, sql.placeholder("importId"))),
    found: db
      .select({
        documentoTipo: clientImportFound.documentoTipo,
        documentoNro: clientImportFound.documentoNro,
        razonSocial: clientImportFound.razonSocial,
        comprobantes: clientImportFound.comprobantes,
        ultimaFecha: clientImportFound.ultimaFecha,
        enCartera: sql<boolean>`${clients.id} is not null`,
      })
      .from(clientImportFound)
      .leftJoin(
        clients,
        and(
          eq(clients.businessId, clientImportFound.businessId),
          eq(clients.cuit, clientImportFound.documentoNro),
          eq(clientImportFound.documentoTipo, "CUIT"),
        ),
      )
      .where(
        and(
          eq(clientImportFound.businessId, businessId),
          eq(clientImportFound.importId, sql.placeholder("importId")),
        ),
      )
      .orderBy(clientImportFound.razonSocial, clientImportFound.documentoNro)
      .prepare("client_import_found"),
  };
}
function importQueriesOf(db: Database) {
  let queries = importQueries.get(db);
  if (!queries) importQueries.set(db, (queries = prepareImportQueries(db)));
  return queries;
}
