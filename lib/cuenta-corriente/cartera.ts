import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { ClientesService } from "@/lib/clientes/service";
import type { Database } from "@/lib/db";
import { cuentaCorrienteSnapshots } from "@/lib/db/schema";
import { todayIso } from "@/lib/format";
import { overdueSql } from "@/lib/vencimientos/overdue-sql";
import type { CarteraRow } from "./view";

type CarteraDeps = {
  db: Database;
  clientes: Pick<ClientesService, "listClients">;
  now: () => Date;
};

/**
 * The cartera: every client of the business with its last stored figures, most owed
 * first. Reads only the precomputed columns: no movements, no upstream call.
 */
export async function readCartera(
  { db, clientes, now }: CarteraDeps,
  businessId: string,
): Promise<CarteraRow[]> {
  const directory = await clientes.listClients(businessId);
  if (directory.length === 0) return [];
  const latest = await db
    .selectDistinctOn([cuentaCorrienteSnapshots.cuit], {
      cuit: cuentaCorrienteSnapshots.cuit,
      fetchedAt: cuentaCorrienteSnapshots.fetchedAt,
      movimientos: cuentaCorrienteSnapshots.movimientosCount,
      saldoCentavos: cuentaCorrienteSnapshots.saldoCentavos,
      restaAbonarCentavos: cuentaCorrienteSnapshots.restaAbonarCentavos,
      oldestUnpaidFecha: cuentaCorrienteSnapshots.oldestUnpaidFecha,
      vencido: overdueSql('"cuenta_corriente_snapshots"', todayIso(now())).mapWith(String),
    })
    .from(cuentaCorrienteSnapshots)
    .where(
      and(
        eq(cuentaCorrienteSnapshots.businessId, businessId),
        inArray(
          cuentaCorrienteSnapshots.cuit,
          directory.map((c) => c.cuit),
        ),
      ),
    )
    .orderBy(cuentaCorrienteSnapshots.cuit, desc(cuentaCorrienteSnapshots.fetchedAt));
  const byCuit = new Map(
    latest.map(({ cuit, fetchedAt, vencido, ...rest }) => [
      cuit,
      {
        fetchedAt: fetchedAt.toISOString(),
        ...rest,
        vencidoCentavos: vencido === null ? null : Number(vencido),
      },
    ]),
  );
  const rows: CarteraRow[] = directory.map((c) => ({
    id: c.id,
    cuit: c.cuit,
    nombre: c.nombre,
    ledger: byCuit.get(c.cuit) ?? null,
  }));
  const owed = (row: CarteraRow) => row.ledger?.saldoCentavos ?? Number.NEGATIVE_INFINITY;
  return rows.sort((a, b) => owed(b) - owed(a) || a.nombre.localeCompare(b.nombre, "es"));
}
