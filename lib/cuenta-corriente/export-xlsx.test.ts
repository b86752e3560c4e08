import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toMovimientos } from "@/lib/tusfacturas/transform";
import { cuentaCorrienteResponseSchema } from "@/lib/tusfacturas/wire";
import { agingOf } from "./aging";
import type { ExportMeta } from "./export-meta";
import { ledgerToXlsx, xlsxFileName } from "./export-xlsx";
import { buildLedger, summarize } from "./ledger";
import { ledgerRow } from "@/lib/testing/ledger-rows";
import { columnName, escapeXml, excelSerial } from "./xlsx-sheet";

const meta: ExportMeta = {
  razonSocial: "Panadería <La Espiga> & Cía.",
  cuitEmpresa: "30712293841",
  cliente: "CUIT DE PRUEBA",
  cuitCliente: "30555666779",
  desde: "2017-05-01",
  hasta: "2017-05-31",
};

// The example answer in TusFacturas' documentation.
const { rows } = buildLedger(
  toMovimientos(
    cuentaCorrienteResponseSchema.parse({
      error: "N",
      errores: [""],
      rta: "OK",
      resultados: [
        {
          fecha: "11/05/2017",
          concepto: "FACTURA A 0002-00000001 (CUIT DE PRUEBA)",
          debe: 112.1,
          haber: 0,
          resta_abonar_de_este_comprobante: 112.1,
          saldo: 112.1,
        },
        {
          fecha: "11/05/2017",
          concepto: "FACTURA A 0002-00000002 (CUIT DE PRUEBA)",
          debe: 112.1,
          haber: 0,
          resta_abonar_de_este_comprobante: 112.1,
          saldo: 224.2,
        },
      ],
    }),
  ),
);
const odd = ledgerRow({
  fecha: "2017-05-12",
  concepto: "Ajuste <a&b> \u0001\uFFFE\uD800 =1+1 ",
  haberCentavos: 1234567,
  saldoCentavos: -1212147,
});
const all = [...rows, odd];
const file = ledgerToXlsx(all, meta, summarize(all), agingOf(all, "2017-09-01"), {
  "FACTURA A|2|1": { found: true, vence: "2017-06-10", estado: "impaga" },
  "FACTURA A|2|2": { found: false, vence: null, estado: null },
});
const parts = unzipSync(file);
const part = (name: string) => {
  const bytes = parts[name];
  if (!bytes) throw new Error(`missing ${name}`);
  return strFromU8(bytes);
};
const sheet1 = part("xl/worksheets/sheet1.xml");
const sheet2 = part("xl/worksheets/sheet2.xml");
const cell = (sheet: string, ref: string) =>
  new RegExp(`<c r="${ref}"[^>]*>.*?</c>`).exec(sheet)?.[0];

/** Tags open and close in order; every `&` starts an entity. */
function expectWellFormed(xml: string) {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, "");
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of body.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name ?? "");
  }
  expect(stack).toEqual([]);
  expect(body).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
}

describe("ledgerToXlsx", () => {
  it("is a ZIP with the parts of a workbook, all well-formed XML", () => {
    expect(strFromU8(file.slice(0, 2))).toBe("PK");
    expect(Object.keys(parts).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    for (const name of Object.keys(parts)) expectWellFormed(part(name));
  });

  it("names the sheets Movimientos and Resumen", () => {
    const names = [...part("xl/workbook.xml").matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(["Movimientos", "Resumen"]);
  });

  it("declares a dd/mm/yyyy date style at index 1 and a #,##0.00 money style at index 2", () => {
    const styles = part("xl/styles.xml");
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>');
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="#,##0.00"/>');
    const xfs = /<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(styles)?.[1] ?? "";
    const numFmts = [...xfs.matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => m[1]);
    expect(numFmts.slice(0, 3)).toEqual(["0", "164", "165"]);
  });

  it("writes the title block and the header row", () => {
    expect(cell(sheet1, "B2")).toContain("Panadería &lt;La Espiga&gt; &amp; Cía.");
    expect(cell(sheet1, "D3")).toContain("30-55566677-9");
    expect(cell(sheet1, "B4")).toContain("01/05/2017 al 31/05/2017");
    expect(cell(sheet1, "A6")).toBe('<c r="A6" s="3" t="inlineStr"><is><t>Fecha</t></is></c>');
    expect(cell(sheet1, "H6")).toContain("Saldo TusFacturas");
    expect(cell(sheet1, "I6")).toContain("Vence");
    expect(cell(sheet1, "J6")).toContain("Estado");
  });

  it("writes the stored due date as a date cell and the status as text, nothing without one", () => {
    expect(cell(sheet1, "I7")).toBe('<c r="I7" s="1"><v>42896</v></c>');
    expect(cell(sheet1, "J7")).toBe('<c r="J7" t="inlineStr"><is><t>Impaga</t></is></c>');
    expect(sheet1).not.toContain('r="I8"');
    expect(sheet1).not.toContain('r="J8"');
  });

  it("writes real date and number cells and inline strings for text", () => {
    expect(cell(sheet1, "A7")).toBe('<c r="A7" s="1"><v>42866</v></c>');
    expect(cell(sheet1, "B7")).toBe(
      '<c r="B7" t="inlineStr"><is><t>Factura A 0002-00000001</t></is></c>',
    );
    expect(cell(sheet1, "C7")).toContain("FACTURA A 0002-00000001 (CUIT DE PRUEBA)");
    expect(cell(sheet1, "D7")).toBe('<c r="D7" s="2"><v>112.1</v></c>');
    expect(cell(sheet1, "G8")).toBe('<c r="G8" s="2"><v>224.2</v></c>');
    expect(cell(sheet1, "E9")).toBe('<c r="E9" s="2"><v>12345.67</v></c>');
    expect(cell(sheet1, "G9")).toBe('<c r="G9" s="2"><v>-12121.47</v></c>');
    for (const c of sheet1.match(/<c [^>]*>(?=<v>)/g) ?? []) expect(c).not.toContain(" t=");
    for (const c of sheet1.match(/<c [^>]*>(?=<is>)/g) ?? []) expect(c).toContain('t="inlineStr"');
  });

  it("escapes markup, drops characters XML cannot hold and keeps edge spaces", () => {
    expect(cell(sheet1, "C9")).toBe(
      '<c r="C9" t="inlineStr"><is><t xml:space="preserve">Ajuste &lt;a&amp;b&gt;  =1+1 </t></is></c>',
    );
  });

  it("fills Resumen with totals and aging as numbers", () => {
    expect(sheet2).toContain('Total debe</t></is></c><c r="B7" s="2"><v>224.2</v>');
    expect(sheet2).toContain('Saldo</t></is></c><c r="B9" s="2"><v>-12121.47</v>');
    expect(sheet2).toContain('Movimientos</t></is></c><c r="B11"><v>3</v>');
    expect(sheet2).toContain('Más de 90 días</t></is></c><c r="B18" s="2"><v>224.2</v>');
    expect(cell(sheet2, "B19")).toBe('<c r="B19" s="4"><v>224.2</v></c>');
    expect(cell(sheet2, "B20")).toBe('<c r="B20" s="1"><v>42866</v></c>');
  });

  it("names the file after the client and the period", () => {
    expect(xlsxFileName(meta)).toBe("cuenta-corriente-30555666779-2017-05-01_2017-05-31.xlsx");
  });
});

describe("xlsx helpers", () => {
  it.each([
    ["1900-03-01", 61],
    ["1970-01-01", 25569],
    ["2017-05-11", 42866],
    ["2024-02-29", 45351],
  ])("serial of %s is %i", (iso, serial) => {
    expect(excelSerial(iso)).toBe(serial);
  });

  it("names columns like Excel", () => {
    expect([0, 7, 25, 26, 27, 701, 702].map(columnName)).toEqual([
      "A",
      "H",
      "Z",
      "AA",
      "AB",
      "ZZ",
      "AAA",
    ]);
  });

  it("escapes XML and strips invalid characters", () => {
    expect(escapeXml('a<b>&"c"\u0000\u0008\u000B\tñ😀')).toBe("a&lt;b&gt;&amp;&quot;c&quot;\tñ😀");
  });
});
