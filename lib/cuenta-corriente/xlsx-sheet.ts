/**
 * Hand-written SpreadsheetML for the XLSX export: cells, rows and a worksheet part. Only what
 * the export needs: inline strings, numbers and numbers styled as dates. Pure.
 */
import { isoToEpochDay } from "./iso-date";

/** Cell style indices; they must match the `cellXfs` order in `STYLES_XML`. */
export const XLSX_STYLE = { normal: 0, date: 1, money: 2, bold: 3, boldMoney: 4 } as const;

export type XlsxCell = { text: string; style?: number } | { number: number; style?: number } | null;

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export const STYLES_XML = `${XML_HEADER}<styleSheet xmlns="${MAIN_NS}">\
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>\
<numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="5">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`;

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/FFFF).
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NEEDS_ESCAPE = /[&<>"]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Text safe inside an XML element or attribute: invalid characters dropped, markup escaped. */
export function escapeXml(text: string): string {
  // Most ledger text needs nothing; one test is much cheaper than five replaces per cell.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Excel serial number (1900 date system) of an ISO date: 2017-05-11 → 42866. */
export function excelSerial(iso: string): number {
  // 25 569 is the serial of 1970-01-01; valid from 1900-03-01, past Excel's phantom 1900-02-29.
  return isoToEpochDay(iso) + 25_569;
}

/** "A", "B", … "Z", "AA", … for a 0-based column index. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

const COLUMNS = Array.from({ length: 26 }, (_, i) => columnName(i));
const EDGE_SPACE = /^\s|\s$|\n/;

function cellXml(cell: XlsxCell, ref: string): string {
  if (cell === null) return "";
  const style = cell.style ? ` s="${cell.style}"` : "";
  if ("number" in cell) return `<c r="${ref}"${style}><v>${cell.number}</v></c>`;
  const space = EDGE_SPACE.test(cell.text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXml(cell.text)}</t></is></c>`;
}

/** A `<row>` (1-based `rowNumber`); null cells are left out. */
export function rowXml(rowNumber: number, cells: readonly XlsxCell[]): string {
  const inner = cells.map((cell, i) => cellXml(cell, `${COLUMNS[i] ?? columnName(i)}${rowNumber}`));
  return `<row r="${rowNumber}">${inner.join("")}</row>`;
}

/** A worksheet part from its rows, column widths (characters) and rows frozen at the top. */
export function worksheetXml(
  rows: readonly (readonly XlsxCell[])[],
  widths: readonly number[],
  frozenRows = 0,
): string {
  const lastColumn = columnName(Math.max(0, widths.length - 1));
  const pane =
    frozenRows > 0
      ? `<pane ySplit="${frozenRows}" topLeftCell="A${frozenRows + 1}" activePane="bottomLeft" state="frozen"/>`
      : "";
  const cols = widths
    .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
    .join("");
  const data = rows.map((cells, i) => rowXml(i + 1, cells)).join("");
  return (
    `${XML_HEADER}<worksheet xmlns="${MAIN_NS}">` +
    `<dimension ref="A1:${lastColumn}${Math.max(1, rows.length)}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols>` +
    `<sheetData>${data}</sheetData></worksheet>`
  );
}
