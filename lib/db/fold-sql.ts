import { sql, type SQL } from "drizzle-orm";

// Spanish (and the usual Portuguese and French) accents, upper and lower case. PostgreSQL's
// unaccent extension is not available on every engine Tablero runs on, and lower() only folds
// ASCII under the C collation, so the folding is spelled out once here (`foldText` in
// lib/search-text.ts is the same folding in JavaScript).
export const ACCENTED = "áàâäãéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ";
export const PLAIN = "aaaaaeeeeiiiiooooouuuuncaaaaaeeeeiiiiooooouuuunc";

/**
 * The folded text of a column of the same table, as SQL with no parameters: the expression of
 * a stored generated column (`clients.nombre_folded`), computed once per write instead of once
 * per row searched.
 */
export function foldedColumnSql(column: string): SQL {
  if (!/^[a-z_]+$/.test(column)) throw new Error(`unexpected column name: ${column}`);
  return sql.raw(`lower(translate("${column}", '${ACCENTED}', '${PLAIN}'))`);
}
