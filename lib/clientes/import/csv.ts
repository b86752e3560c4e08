/** A CSV parser for imports: quoted fields (separators, quotes and line breaks inside), CRLF. */
import type { SheetRow } from "./sheet";

/**
 * The records of `text` split by `separator`, numbered from 1; stops after `limit` records.
 * A trailing line break makes no extra record.
 */
export function parseCsv(text: string, separator: string, limit = Infinity): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(field);
    rows.push({ line: rows.length + 1, cells });
    cells = [];
    field = "";
  };
  while (i < text.length && rows.length < limit) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      i++;
      continue;
    }
    if (char === '"' && field.trim() === "") {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      field = "";
      quoted = true;
    } else if (char === separator) {
      cells.push(field);
      field = "";
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += char;
    }
    i++;
  }
  if (rows.length < limit && (field !== "" || cells.length > 0 || quoted)) endRecord();
  return rows;
}
