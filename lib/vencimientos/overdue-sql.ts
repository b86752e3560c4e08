import "server-only";
import { sql, type SQL } from "drizzle-orm";

/**
 * SQL for what a stored ledger has past due on `today`: the sum of its unpaid comprobantes
 * (the `unpaid` column of `snapshot`, a table name or alias of cuenta_corriente_snapshots) whose stored due date, or issue date where there is none,
 * is before `today`. Null for a copy without `unpaid`. One scalar per snapshot row, so the
 * cartera and the portfolio keep their one query.
 */
export function overdueSql(snapshot: string, today: string): SQL {
  // Qualified by hand: Drizzle leaves a single table's columns bare, and inside the subquery a
  // bare business_id would be the due dates' own.
  const unpaid = sql.raw(`${snapshot}.unpaid`);
  return sql`(case when ${unpaid} is null then null else (
    select coalesce(sum((u->>'r')::bigint), 0)
    from jsonb_array_elements(${unpaid}) u
    left join comprobante_vencimientos v
      on v.business_id = ${sql.raw(`${snapshot}.business_id`)}
      and v.tipo = u->>'t'
      and v.punto_venta = (u->>'p')::int
      and v.numero = (u->>'n')::int
    where coalesce(v.vencimiento, (u->>'f')::date) < ${today}::date
  ) end)`;
}
