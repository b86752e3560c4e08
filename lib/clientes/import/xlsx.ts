/**
 * Reads the first worksheet of an .xlsx file (unzipped with fflate, the library the exports
 * zip with): shared strings, inline strings, numbers and booleans as text. A CUIT typed into a
 * number cell comes back as its 11 digits. Pure.
 */
import { strFromU8, unzipSync } from "fflate";
import { DomainError } from "@/lib/errors";
import type { SheetRow } from "./sheet";

/** What the parts we read may unzip to: a 1 MB file of rows never needs more. */
const MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;

const NOT_XLSX =
  "No pudimos leer el archivo como Excel (.xlsx). Guardalo de nuevo o exportalo como CSV.";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return (
    text
      .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, name: string) => {
        if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? entity;
        const code =
          name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      })
      // Excel writes characters XML cannot carry as _xHHHH_.
      .replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  );
}

/** The text of every `<t>` in `xml`, skipping phonetic runs (`<rPh>`). */
function textOf(xml: string): string {
  const visible = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let text = "";
  for (const match of visible.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) text += match[1];
  return unescapeXml(text);
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
}

/** `B12` → 1 (0-based column). */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? "";
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function numberText(value: string): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  // 30712293841 may be stored as "3.0712293841E10"; an integer is written in full digits.
  return Number.isSafeInteger(number) ? number.toFixed(0) : String(number);
}

function cellText(attributes: string, inner: string, shared: readonly string[]): string {
  const type = attribute(attributes, "t") ?? "n";
  if (type === "inlineStr") return textOf(inner);
  const value = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? "");
  if (type === "s") return shared[Number(value)] ?? "";
  if (type === "n") return value === "" ? "" : numberText(value);
  if (type === "b") return value === "1" ? "VERDADERO" : "FALSO";
  return value;
}

/** The path of the workbook's first sheet, from workbook.xml and its relationships. */
function firstSheetPath(files: Record<string, Uint8Array>): string {
  const workbook = files["xl/workbook.xml"];
  const rels = files["xl/_rels/workbook.xml.rels"];
  if (workbook && rels) {
    const sheet = /<sheet\b([^>]*)\/?>/.exec(strFromU8(workbook))?.[1] ?? "";
    const id = /\b\w+:id="([^"]+)"/.exec(sheet)?.[1];
    for (const match of strFromU8(rels).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      if (attribute(match[1]!, "Id") !== id) continue;
      const target = attribute(match[1]!, "Target") ?? "";
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    }
  }
  return "xl/worksheets/sheet1.xml";
}

/** The rows of the first worksheet of an .xlsx file, numbered as Excel numbers them. */
export function readXlsx(bytes: Uint8Array): SheetRow[] {
  let files: Record<string, Uint8Array>;
  let unzipped = 0;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (
          !/^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/.test(
            file.name,
          )
        )
          return false;
        unzipped += file.originalSize;
        if (unzipped > MAX_UNZIPPED_BYTES)
          throw new DomainError("invalid", "El archivo es demasiado grande una vez descomprimido.");
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("invalid", NOT_XLSX);
  }
  const sheet = files[firstSheetPath(files)];
  if (!sheet) throw new DomainError("invalid", NOT_XLSX);
  const sharedXml = files["xl/sharedStrings.xml"];
  const shared = sharedXml
    ? [...strFromU8(sharedXml).matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) =>
        textOf(m[1] ?? ""),
      )
    : [];
  const rows: SheetRow[] = [];
  for (const row of strFromU8(sheet).matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const line = Number(attribute(row[1]!, "r")) || (rows.at(-1)?.line ?? 0) + 1;
    const cells: string[] = [];
    for (const cell of (row[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attribute(cell[1]!, "r");
      const column = ref ? columnIndex(ref) : cells.length;
      if (column < 0 || column > 16_383) continue;
      while (cells.length < column) cells.push("");
      cells[column] = cellText(cell[1]!, cell[2] ?? "", shared);
    }
    rows.push({ line, cells });
  }
  return rows;
}
