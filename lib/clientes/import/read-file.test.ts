import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ledgerToXlsx } from "@/lib/cuenta-corriente/export-xlsx";
import { worksheetXml, XML_HEADER } from "@/lib/cuenta-corriente/xlsx-sheet";
import { readClientFile, type ClientFile } from "./read-file";

const utf8 = (text: string) => new TextEncoder().encode(text);
/** As Excel in es-AR saves «CSV (delimitado por comas)»: Windows-1252 (€ is 0x80 there). */
const windows1252 = (text: string) =>
  Uint8Array.from([...text].map((char) => (char === "€" ? 0x80 : char.charCodeAt(0))));

/** The data rows of a file as [CUIT, name] pairs, read through the title row's columns. */
function pairs(file: ClientFile): [string, string][] {
  const { index, cuitColumn, nombreColumn } = file.header;
  return file.rows
    .slice(index + 1)
    .map((row) => [row.cells[cuitColumn] ?? "", row.cells[nombreColumn] ?? ""]);
}

describe("reading a CSV", () => {
  it.each([
    ["semicolons", "CUIT;Razón social\n30-71229384-1;Panadería La Espiga\n"],
    ["commas", "CUIT,Razón social\n30-71229384-1,Panadería La Espiga\n"],
    ["tabs", "CUIT\tRazón social\n30-71229384-1\tPanadería La Espiga\n"],
    ["CRLF and no final line break", "CUIT;Razón social\r\n30-71229384-1;Panadería La Espiga"],
  ])("detects the separator: %s", (_, text) => {
    const file = readClientFile(utf8(text), "clientes.csv");
    expect(file.format).toBe("csv");
    expect(pairs(file)).toEqual([["30-71229384-1", "Panadería La Espiga"]]);
  });

  it("reads UTF-8 with a BOM, and Windows-1252 as Excel saves it", () => {
    const text = "CUIT;Razón Social\r\n27285051466;Peña Hnos.\r\n20055361682;Ñandú €\r\n";
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(readClientFile(bom, "a.csv").header.nombreTitle).toBe("Razón Social");
    expect(pairs(readClientFile(bom, "a.csv"))[1]).toEqual(["20055361682", "Ñandú €"]);
    const read = readClientFile(windows1252(text), "a.csv");
    expect(read.header.nombreTitle).toBe("Razón Social");
    expect(pairs(read)).toEqual([
      ["27285051466", "Peña Hnos."],
      ["20055361682", "Ñandú €"],
    ]);
  });

  it("keeps separators, quotes and line breaks inside quoted fields", () => {
    const text =
      'CUIT,Nombre\r\n"30-71229384-1","Pérez, Juan ""El Tano"""\r\n' +
      '27285051466,"Dos\r\nlíneas"\r\n20055361682,Sin comillas\r\n';
    expect(pairs(readClientFile(utf8(text), "a.csv"))).toEqual([
      ["30-71229384-1", 'Pérez, Juan "El Tano"'],
      ["27285051466", "Dos\r\nlíneas"],
      ["20055361682", "Sin comillas"],
    ]);
  });

  it("finds the title row under a title line, and numbers rows as a spreadsheet does", () => {
    const text = "Clientes al 30/11/2026\n\nNro. CUIT;Otra;Denominación\n30712293841;x;Uno\n";
    const file = readClientFile(utf8(text), "a.csv");
    expect(file.header).toMatchObject({ index: 2, cuitColumn: 0, nombreColumn: 2 });
    expect(file.rows[3]).toEqual({ line: 4, cells: ["30712293841", "x", "Uno"] });
  });

  it.each([
    ["CUIT", "Razón social"],
    ["c.u.i.t.", "RAZON SOCIAL"],
    ["CUIT/CUIL", "Nombre"],
    ["Nro. CUIT", "Cliente"],
    ["N° CUIT", "Denominación"],
    ["Nº de CUIT", "Apellido y nombre"],
    ["Documento", "Nombre o razón social"],
    ["Número de documento", "Apellido y Nombres"],
  ])("recognises the titles «%s» and «%s»", (cuit, nombre) => {
    const file = readClientFile(utf8(`${cuit};${nombre}\n30712293841;Uno\n`), "a.csv");
    expect(file.header).toMatchObject({ cuitTitle: cuit, nombreTitle: nombre });
  });

  it("prefers «Razón social» to a «Cliente» column (a code)", () => {
    const file = readClientFile(utf8("Cliente;CUIT;Razón social\n17;30712293841;Uno\n"), "a.csv");
    expect(file.header).toMatchObject({ cuitColumn: 1, nombreColumn: 2 });
  });

  it.each([
    ["Código;Importe\n1;2\n", /No encontramos la fila de títulos.*«CUIT».*«Razón social»/],
    ["CUIT;Importe\n30712293841;2\n", /columna del CUIT \(«CUIT»\) pero no la del nombre/],
    ["Razón social;Importe\nUno;2\n", /columna del nombre \(«Razón social»\) pero no la del CUIT/],
    ["\n\n", /El archivo está vacío/],
  ])("says which titles it expected: %j", (text, message) => {
    expect(() => readClientFile(utf8(text), "a.csv")).toThrow(message);
  });

  it("refuses what is not a CSV or an XLSX, and files over 1 MB", () => {
    expect(() => readClientFile(new Uint8Array(), "a.csv")).toThrow("El archivo está vacío.");
    expect(() => readClientFile(new Uint8Array(1024 * 1024 + 1).fill(65), "a.csv")).toThrow(
      "más de 1 MB",
    );
    expect(() => readClientFile(utf8("hola"), "foto.png")).toThrow("Elegí un archivo CSV o XLSX.");
    expect(() =>
      readClientFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "viejo.xls"),
    ).toThrow(".xls (Excel 97-2003)");
    expect(() => readClientFile(utf8("CUIT;Nombre"), "falso.xlsx")).toThrow("no es un Excel");
    expect(() => readClientFile(Uint8Array.from([0x50, 0x4b, 3, 4, 9, 9]), "roto.xlsx")).toThrow(
      "No pudimos leer el archivo como Excel",
    );
  });
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A minimal workbook: one sheet whose XML is given, and shared strings if any. */
function workbook(sheet: string, shared?: string[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(`${XML_HEADER}<Types/>`),
    "xl/workbook.xml": strToU8(
      `${XML_HEADER}<workbook xmlns="${MAIN}" xmlns:r="r"><sheets>` +
        `<sheet name="Clientes" sheetId="1" r:id="rId7"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${XML_HEADER}<Relationships><Relationship Id="rId7" Type="worksheet" ` +
        `Target="worksheets/clientes.xml"/></Relationships>`,
    ),
    "xl/worksheets/clientes.xml": strToU8(sheet),
  };
  if (shared) {
    files["xl/sharedStrings.xml"] = strToU8(
      `${XML_HEADER}<sst xmlns="${MAIN}">` +
        shared.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("") +
        `<si><r><t>Peña </t></r><r><rPr><b/></rPr><t>Hnos.</t></r><rPh><t>ペ</t></rPh></si></sst>`,
    );
  }
  return zipSync(files);
}

describe("reading an XLSX", () => {
  it("reads the project's own writer: inline strings and a CUIT stored as a number", () => {
    const sheet = worksheetXml(
      [
        [{ text: "C.U.I.T." }, { text: "Razón social" }],
        [{ number: 30712293841 }, { text: "Panadería <La Espiga> & Cía." }],
        [{ text: "27-28505146-6" }, { text: "Almacén Ñandú" }],
      ],
      [14, 30],
    );
    const file = readClientFile(workbook(sheet), "clientes.xlsx");
    expect(file.format).toBe("xlsx");
    expect(pairs(file)).toEqual([
      ["30712293841", "Panadería <La Espiga> & Cía."],
      ["27-28505146-6", "Almacén Ñandú"],
    ]);
  });

  it("reads shared strings, rich text, skipped cells and numbers in scientific notation", () => {
    const sheet =
      `${XML_HEADER}<worksheet xmlns="${MAIN}"><sheetData>` +
      `<row r="2"><c r="B2" t="s"><v>0</v></c><c r="D2" t="s"><v>1</v></c></row>` +
      `<row r="3"><c r="B3"><v>3.0712293841E10</v></c><c r="D3" t="s"><v>2</v></c></row>` +
      `<row r="4"><c r="B4" t="str"><v>20055361682</v></c><c r="C4" t="b"><v>1</v></c>` +
      `<c r="D4" t="inlineStr"><is><t>A &amp; B_x000D_</t></is></c></row>` +
      `<row r="5"/></sheetData></worksheet>`;
    const file = readClientFile(workbook(sheet, ["CUIT", "Razón Social"]), "c.xlsx");
    expect(file.header).toMatchObject({ index: 0, cuitColumn: 1, nombreColumn: 3 });
    expect(file.rows.map((row) => row.line)).toEqual([2, 3, 4, 5]);
    expect(pairs(file)).toEqual([
      ["30712293841", "Peña Hnos."],
      ["20055361682", "A & B\r"],
      ["", ""],
    ]);
  });

  it("reads the first sheet of a workbook with several (the ledger export)", () => {
    expect(
      () =>
        readClientFile(
          ledgerToXlsx(
            [],
            {
              razonSocial: "X",
              cuitEmpresa: "30712293841",
              cliente: "Y",
              cuitCliente: "27285051466",
              desde: "2025-01-01",
              hasta: "2025-01-31",
            },
            {
              debeCentavos: 0,
              haberCentavos: 0,
              saldoCentavos: 0,
              restaAbonarCentavos: 0,
              movimientos: 0,
            },
            { buckets: [], totalCentavos: 0, oldestUnpaidFecha: null },
          ),
          "cc.xlsx",
        ),
      // Its first sheet has «Cliente» and «CUIT» side by side in one row: a title row.
    ).not.toThrow();
  });
});
