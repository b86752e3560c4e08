import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { ACCENTED, PLAIN } from "@/lib/db/fold-sql";

export { foldText } from "@/lib/search-text";

/** `foldText`'s folding in SQL, for comparing a column with `foldText` of a query. */
export function foldedColumn(column: AnyPgColumn): SQL<string> {
  return sql<string>`lower(translate(${column}, ${ACCENTED}, ${PLAIN}))`;
}
