/** What a person typed, lower case and without accents: `Álamos` → `alamos`. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase();
}

/**
 * Whether a search box's text finds a row by its name (case and accents aside) or by its CUIT
 * (digits, with or without dashes and dots). An empty search finds everything.
 */
export function matchesNameOrCuit(query: string, row: { name: string; cuit: string }): boolean {
  const q = foldText(query.trim());
  if (!q) return true;
  const digits = query.replace(/[\s.-]/g, "");
  return foldText(row.name).includes(q) || (/^\d+$/.test(digits) && row.cuit.includes(digits));
}
