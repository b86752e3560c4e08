import { describe, expect, it } from "vitest";
import { csvFileName, csvText, ledgerToCsv } from "./export-csv";
import type { ExportMeta } from "./export-meta";
import { ledgerRow } from "@/lib/testing/ledger-rows";

const meta: ExportMeta = {
  razonSocial: "Panadería La Espiga S.R.L.",
  cuitEmpresa: "30712293841",
  cliente: "SUPERMERCADO EL TREBOL S.A.",
  cuitCliente: "30708123451",
  desde: "2025-01-01",
  hasta: "2025-12-31",
};

const rows = [
  ledgerRow({
    fecha: "2025-03-03",
    concepto: "FACTURA A 0002-00000121 (SUPERMERCADO EL TREBOL S.A.)",
    debeCentavos: 123456,
    restaAbonarCentavos: 123456,
    saldoCentavos: 123456,
    saldoReportadoCentavos: 123456,
  }),
  ledgerRow({
    fecha: "2025-03-11",
    concepto: 'Ajuste; "manual"',
    haberCentavos: 124506,
    saldoCentavos: -1050,
    saldoReportadoCentavos: 0,
    saldoDifiere: true,
  }),
  ledgerRow({ fecha: "2025-03-12", concepto: '=HYPERLINK("http://x")', debeCentavos: 5 }),
];

describe("ledgerToCsv", () => {
  it("writes the exact bytes Excel es-AR expects", () => {
    const csv = ledgerToCsv(rows, meta, {
      "FACTURA A|2|121": { found: true, vence: "2025-04-02", estado: "impaga" },
    });
    const expected = [
      "\uFEFFCuenta corriente",
      "Empresa;Panadería La Espiga S.R.L.;CUIT;30-71229384-1",
      "Cliente;SUPERMERCADO EL TREBOL S.A.;CUIT;30-70812345-1",
      "Período;01/01/2025 al 31/12/2025",
      "",
      "Fecha;Comprobante;Concepto original;Debe;Haber;Resta abonar;Saldo;Saldo TusFacturas;Vence;Estado",
      "03/03/2025;Factura A 0002-00000121;FACTURA A 0002-00000121 (SUPERMERCADO EL TREBOL S.A.);1234,56;0,00;1234,56;1234,56;1234,56;02/04/2025;Impaga",
      '11/03/2025;"Ajuste; ""manual""";"Ajuste; ""manual""";0,00;1245,06;0,00;-10,50;0,00;;',
      `12/03/2025;"'=HYPERLINK(""http://x"")";"'=HYPERLINK(""http://x"")";0,05;0,00;0,00;0,00;0,00;;`,
      "",
    ].join("\r\n");
    expect(csv).toBe(expected);
    const bytes = new TextEncoder().encode(csv);
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("says when the view has no date range", () => {
    const csv = ledgerToCsv([], { ...meta, desde: undefined, hasta: undefined });
    expect(csv.split("\r\n")[3]).toBe("Período;Todos los movimientos");
    expect(csv.endsWith("Vence;Estado\r\n")).toBe(true);
  });
});

describe("csvText", () => {
  it.each([
    ["texto", "texto"],
    ["=1+1", "'=1+1"],
    ["+54 11", "'+54 11"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["a;b", '"a;b"'],
    ['dice "hola"', '"dice ""hola"""'],
    ["dos\nlíneas", '"dos\nlíneas"'],
    ["=a;b", '"\'=a;b"'],
  ])("%j → %j", (input, output) => {
    expect(csvText(input)).toBe(output);
  });
});

describe("csvFileName", () => {
  it("names the client and the period", () => {
    expect(csvFileName({ ...meta, cuitCliente: "30712293841" })).toBe(
      "cuenta-corriente-30712293841-2025-01-01_2025-12-31.csv",
    );
    expect(csvFileName({ ...meta, desde: undefined })).toBe(
      "cuenta-corriente-30708123451-inicio_2025-12-31.csv",
    );
    expect(csvFileName({ ...meta, desde: undefined, hasta: undefined })).toBe(
      "cuenta-corriente-30708123451.csv",
    );
  });
});
