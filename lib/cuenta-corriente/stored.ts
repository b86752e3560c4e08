import "server-only";
import { and, eq, sql, type Placeholder } from "drizzle-orm";
import { DomainError } from "@/lib/errors";
import type { Database } from "@/lib/db";
import { clients, cuentaCorrienteSnapshots } from "@/lib/db/schema";
import type { VencimientosByKey } from "@/lib/vencimientos/refs";
import type { LedgerFilters } from "./filters";
import { buildLedger } from "./ledger";
import { createLedgerCache } from "./ledger-cache";
import { asPacked, unpackMovimientos, type PackedMovimientos } from "./packed";
import { firstScreen, type LedgerFirstScreen } from "./screen";

/** Rows of built ledgers a process keeps (see `storedLedger`): about 20 MB. */
const BUILT_LEDGER_ROWS = 50_000;
export const NOT_IN_CARTERA = "Ese cliente no está en la cartera de esta empresa.";

/** The stored copies of one client's ledger. */
export const ofClient = (businessId: string | Placeholder, cuit: string | Placeholder) =>
  and(eq(cuentaCorrienteSnapshots.businessId, businessId), eq(cuentaCorrienteSnapshots.cuit, cuit));

/**
 * The movements of the copies already stored, read from the database only (never an upstream
 * call): whole for the movements' route and the printable summary, or as the page's first
 * screen from a ledger built once per process.
 */
export function createStoredLedgers(db: Database) {
  const builtLedgers = createLedgerCache(BUILT_LEDGER_ROWS);

  // The ledger page fetches it once on screen (the movements' route): built and named once (on
  // PostgreSQL, also parsed and planned once per connection).
  const storedMovimientos = db
    .select({ movimientos: cuentaCorrienteSnapshots.movimientos })
    .from(clients)
    .leftJoin(
      cuentaCorrienteSnapshots,
      and(
        ofClient(sql.placeholder("businessId"), sql.placeholder("cuit")),
        eq(cuentaCorrienteSnapshots.id, sql.placeholder("snapshotId")),
      ),
    )
    .where(
      and(
        eq(clients.businessId, sql.placeholder("businessId")),
        eq(clients.cuit, sql.placeholder("cuit")),
      ),
    )
    .prepare("cuenta_corriente_movimientos");

  /**
   * The movements of one stored copy of a client's ledger (`view().snapshot.id`), or null when
   * that copy is no longer kept.
   */
  async function movimientos(
    businessId: string,
    cuit: string,
    snapshotId: string,
  ): Promise<PackedMovimientos | null> {
    // One query: the client must be in the cartera (no row otherwise), the copy may be gone.
    const [row] = await storedMovimientos.execute({ businessId, cuit, snapshotId });
    if (!row) throw new DomainError("not_found", NOT_IN_CARTERA);
    return row.movimientos ? asPacked(row.movimientos as PackedMovimientos) : null;
  }

  /**
   * A stored copy's ledger, built once per process: a copy's movements never change, and a
   * long ledger takes tens of milliseconds to read and build on every visit and filter change.
   * Null when that copy is no longer kept.
   */
  async function storedLedger(businessId: string, cuit: string, snapshotId: string) {
    const cacheKey = `${businessId}:${cuit}:${snapshotId}`;
    const cached = builtLedgers.get(cacheKey);
    if (cached) return cached;
    const packed = await movimientos(businessId, cuit, snapshotId);
    if (!packed) return null;
    const ledger = buildLedger(unpackMovimientos(packed));
    builtLedgers.set(cacheKey, ledger);
    return ledger;
  }

  /**
   * What the page sends of a stored copy before its movements: the figures for `filters` on
   * `today` with the stored due dates, and the first rows (see `firstScreen`), or null when
   * that copy is no longer kept. For a copy `peek` or `view` has just given: a ledger already
   * built is answered without asking again whether the client is in the cartera.
   */
  async function firstScreenOf(
    businessId: string,
    cuit: string,
    snapshotId: string,
    filters: LedgerFilters,
    today: string,
    vencimientosByKey: VencimientosByKey = {},
  ): Promise<LedgerFirstScreen | null> {
    const ledger = await storedLedger(businessId, cuit, snapshotId);
    return ledger && firstScreen(ledger, filters, today, undefined, vencimientosByKey);
  }

  return { movimientos, firstScreen: firstScreenOf };
}
