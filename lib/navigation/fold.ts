import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

// Spanish (and the usual Portuguese and French) accents, upper and lower case. PostgreSQL's
// unaccent extension is not available on every engine Tablero runs on, and lower() only folds
// ASCII under the C collation, so the folding is spelled out once here.
const ACCENTED = "áàâäãéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ";
const PLAIN = "aaaaaeeeeiiiiooooouuuuncaaaaaeeeeiiiiooooouuuunc";

export { foldText } from "@/lib/search-text";

/** `foldText`'s folding in SQL, for comparing a column with `foldText` of a query. */
export function foldedColumn(column: AnyPgColumn): SQL<string> {
  return sql<string>`lower(translate(${column}, ${ACCENTED}, ${PLAIN}))`;
}
