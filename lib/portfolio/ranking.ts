import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { normalizeCuit } from "@/lib/cuit";
import type { Database } from "@/lib/db";
import { containsPattern } from "@/lib/db/like";
import { foldText } from "@/lib/navigation/fold";
import { overdueSql } from "@/lib/vencimientos/overdue-sql";
import type { PortfolioSort } from "./query";

export type Ranking = {
  /** The page's businesses, in order. */
  ids: string[];
  /** What each business's clients owe (centavos), for the page's businesses. */
  receivableBy: Map<string, number>;
  /** What of it is past due (lib/vencimientos), or null when no stored ledger can say. */
  overdueBy: Map<string, number | null>;
  /** Businesses that match the search, over every page. */
  matching: number;
  /** Every business of the user, and what all of them are owed: the search aside. */
  businessCount: number;
  receivableTotalCentavos: number;
};

const name = sql`f.folded, f.razon_social, f.id`;

const orders: Record<PortfolioSort, SQL> = {
  nombre: name,
  // A business without consumo data (or locked) has no share left: last, like the old cards.
  cupo: sql`f.cupo_left asc nulls last, ${name}`,
  cobrar: sql`f.receivable desc, ${name}`,
};

/** The razón social contains the folded query, or the CUIT its digits. */
function matches(query: string): SQL {
  if (!query) return sql`true`;
  const digits = normalizeCuit(query);
  const byName = sql`f.folded like ${containsPattern(foldText(query))}`;
  return /^\d+$/.test(digits) ? sql`(${byName} or f.cuit like ${containsPattern(digits)})` : byName;
}

type Row = {
  business_count: number | string;
  receivable_total: number | string;
  id: string | null;
  receivable: number | string | null;
  overdue: number | string | null;
  matching: number | string | null;
};

/**
 * One page of the user's businesses, searched and sorted by the database over all of them, with
 * the totals of every business. A business that requires two-factor, for a user without it,
 * counts with nothing owed and no cupo: none of its data is read.
 */
export async function rankBusinesses(
  db: Database,
  userId: string,
  {
    q,
    sort,
    offset,
    limit,
    today,
  }: {
    q: string;
    sort: PortfolioSort;
    offset: number;
    limit: number;
    /** ISO date in Buenos Aires: what is due before it is overdue. */
    today: string;
  },
): Promise<Ranking> {
  const result = await db.execute(sql`
    with mine as (
      select b.id, b.razon_social, b.razon_social_folded as folded, b.cuit,
        b.require_two_factor and u.totp_enabled_at is null as locked
      from memberships m
      join businesses b on b.id = m.business_id
      join users u on u.id = m.user_id
      where m.user_id = ${userId}
    ),
    receivable as (
      select latest.business_id, sum(greatest(latest.saldo_centavos, 0)) as centavos,
        sum(${overdueSql("latest", today)}) as overdue
      from (
        select distinct on (s.business_id, s.cuit) s.business_id, s.saldo_centavos, s.unpaid
        from cuenta_corriente_snapshots s
        join clients c on c.business_id = s.business_id and c.cuit = s.cuit
        where s.business_id in (select id from mine where not locked)
        order by s.business_id, s.cuit, s.fetched_at desc
      ) latest
      group by latest.business_id
    ),
    f as (
      select mine.id, mine.razon_social, mine.folded, mine.cuit,
        coalesce(r.centavos, 0) as receivable, r.overdue,
        case when k.comprobantes_cupo > 0
          then k.comprobantes_disponibles::float8 / k.comprobantes_cupo end as cupo_left
      from mine
      left join receivable r on r.business_id = mine.id
      left join lateral (
        select comprobantes_cupo, comprobantes_disponibles
        from consumo_snapshots
        where business_id = mine.id and not mine.locked
        order by fetched_at desc
        limit 1
      ) k on true
    )
    select t.business_count, t.receivable_total, p.id, p.receivable, p.overdue, p.matching
    from (select count(*) as business_count, coalesce(sum(receivable), 0) as receivable_total
      from f) t
    left join lateral (
      select f.id, f.receivable, f.overdue, count(*) over () as matching,
        row_number() over (order by ${orders[sort]}) as position
      from f
      where ${matches(q)}
      order by position
      limit ${limit} offset ${offset}
    ) p on true
    order by p.position
  `);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const pageRows = rows.filter((row): row is Row & { id: string } => row.id !== null);
  return {
    ids: pageRows.map((row) => row.id),
    receivableBy: new Map(pageRows.map((row) => [row.id, Number(row.receivable)])),
    overdueBy: new Map(
      pageRows.map((row) => [row.id, row.overdue === null ? null : Number(row.overdue)]),
    ),
    matching: Number(pageRows[0]?.matching ?? 0),
    businessCount: Number(rows[0]?.business_count ?? 0),
    receivableTotalCentavos: Number(rows[0]?.receivable_total ?? 0),
  };
}
