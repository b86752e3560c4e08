import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { consumoSnapshots } from "@/lib/db/schema";
import {
  projectExhaustion,
  splitCycles,
  startOfPreviousMonth,
  type ConsumoCycles,
  type Projection,
} from "./projection";

/** The stored snapshots of the cycle under way and the one before, and where the cupo is heading. */
export type ConsumoHistory = ConsumoCycles & { projection: Projection };

/**
 * The cycle under way and the previous one, from the stored snapshots only (never a
 * TusFacturas call: anyone who may read the business may see it, Lectura included). One
 * query, from the first day of last month in Buenos Aires, which holds both cycles however
 * they are split (lib/consumo/projection.ts).
 */
export function createConsumoHistory(db: Database, now: () => Date) {
  // The page reads it on every visit: built and named once (on PostgreSQL, also parsed and
  // planned once per connection). `fetched_at` has a time zone: the instant is compared as is.
  const historyPoints = db
    .select({
      fetchedAt: consumoSnapshots.fetchedAt,
      generados: consumoSnapshots.comprobantesGenerados,
      cupo: consumoSnapshots.comprobantesCupo,
      disponibles: consumoSnapshots.comprobantesDisponibles,
    })
    .from(consumoSnapshots)
    .where(
      and(
        eq(consumoSnapshots.businessId, sql.placeholder("businessId")),
        gte(consumoSnapshots.fetchedAt, sql.placeholder("since")),
      ),
    )
    .orderBy(asc(consumoSnapshots.fetchedAt))
    .prepare("consumo_history");

  async function history(businessId: string): Promise<ConsumoHistory> {
    const at = now();
    const points = await historyPoints.execute({ businessId, since: startOfPreviousMonth(at) });
    const cycles = splitCycles(points, at);
    return { ...cycles, projection: projectExhaustion(cycles.current, cycles.cycleEnd) };
  }

  return history;
}
