/** A row of a file being imported: its number in the file and its cells as text. */
export type SheetRow = { line: number; cells: string[] };
