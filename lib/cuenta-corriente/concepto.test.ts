import { describe, expect, it } from "vitest";
import { parseConcepto, type Comprobante } from "./concepto";

type Expected = Pick<Comprobante, "tipo" | "tipoLabel" | "letra" | "label"> & Partial<Comprobante>;

const cases: [string, Expected][] = [
  [
    "FACTURA A 0002-00000001 (CUIT DE PRUEBA)",
    {
      tipo: "factura",
      tipoLabel: "Factura",
      letra: "A",
      puntoVenta: "0002",
      numero: "00000001",
      nombre: "CUIT DE PRUEBA",
      label: "Factura A 0002-00000001",
    },
  ],
  [
    "FACTURA B 0002-00000017 (CONSUMIDOR FINAL)",
    { tipo: "factura", tipoLabel: "Factura", letra: "B", label: "Factura B 0002-00000017" },
  ],
  [
    "FACTURA C 0001-00000003",
    { tipo: "factura", tipoLabel: "Factura", letra: "C", label: "Factura C 0001-00000003" },
  ],
  [
    "FACTURA E 0004-00000009 (IMPORTADORA LLC)",
    { tipo: "factura", tipoLabel: "Factura", letra: "E", label: "Factura E 0004-00000009" },
  ],
  [
    "FACTURA M 0002-00000005 (X)",
    { tipo: "factura", tipoLabel: "Factura", letra: "M", label: "Factura M 0002-00000005" },
  ],
  [
    "NOTA DE CREDITO A 0002-00000004 (X)",
    {
      tipo: "nota_credito",
      tipoLabel: "Nota de crédito",
      letra: "A",
      nombre: "X",
      label: "Nota de crédito A 0002-00000004",
    },
  ],
  [
    "NOTA DE CRÉDITO B 0002-00000004 (X)",
    {
      tipo: "nota_credito",
      tipoLabel: "Nota de crédito",
      letra: "B",
      label: "Nota de crédito B 0002-00000004",
    },
  ],
  [
    "NOTA DE DEBITO A 0002-00000002 (X)",
    {
      tipo: "nota_debito",
      tipoLabel: "Nota de débito",
      letra: "A",
      label: "Nota de débito A 0002-00000002",
    },
  ],
  [
    "RECIBO X 0002-00000041 (SUPERMERCADO EL TREBOL S.A.)",
    {
      tipo: "recibo",
      tipoLabel: "Recibo",
      letra: "X",
      nombre: "SUPERMERCADO EL TREBOL S.A.",
      label: "Recibo X 0002-00000041",
    },
  ],
  [
    "RECIBO 0002-00000041",
    {
      tipo: "recibo",
      tipoLabel: "Recibo",
      letra: null,
      nombre: null,
      label: "Recibo 0002-00000041",
    },
  ],
  [
    "FACTURA DE CREDITO ELECTRONICA MIPYME A 0002-00000010 (GRANDE S.A.)",
    {
      tipo: "factura_credito",
      tipoLabel: "Factura de crédito MiPyME",
      letra: "A",
      label: "Factura de crédito MiPyME A 0002-00000010",
    },
  ],
  [
    "NOTA DE CREDITO ELECTRONICA MIPYME A 0002-00000011 (GRANDE S.A.)",
    {
      tipo: "nota_credito_fce",
      tipoLabel: "Nota de crédito MiPyME",
      letra: "A",
      label: "Nota de crédito MiPyME A 0002-00000011",
    },
  ],
  [
    "Nota de Débito Electrónica MiPyMEs (FCE) B 0002-00000012",
    {
      tipo: "nota_debito_fce",
      tipoLabel: "Nota de débito MiPyME",
      letra: "B",
      label: "Nota de débito MiPyME B 0002-00000012",
    },
  ],
  [
    "TIQUE 0003-00000100",
    { tipo: "tique", tipoLabel: "Tique", letra: null, label: "Tique 0003-00000100" },
  ],
  [
    "TIQUE FACTURA B 0003-00000101 (X)",
    {
      tipo: "tique",
      tipoLabel: "Tique factura",
      letra: "B",
      label: "Tique factura B 0003-00000101",
    },
  ],
  [
    "REMITO R 0002-00000003 (DEPÓSITO)",
    { tipo: "otro", tipoLabel: "Remito", letra: "R", label: "Remito R 0002-00000003" },
  ],
];

describe("parseConcepto", () => {
  it.each(cases)("%s", (concepto, expected) => {
    expect(parseConcepto(concepto)).toMatchObject(expected);
  });

  it("ignores case and extra spaces and pads punto de venta and number", () => {
    expect(parseConcepto("  factura   a  2 - 15   ( Juan  Pérez )  ")).toEqual({
      tipo: "factura",
      tipoLabel: "Factura",
      letra: "A",
      puntoVenta: "0002",
      numero: "00000015",
      nombre: "Juan Pérez",
      label: "Factura A 0002-00000015",
    });
  });

  it("keeps a five-digit punto de venta and a name with parentheses", () => {
    expect(parseConcepto("FACTURA A 12345-00000001 (DEL SUR (ZONA 2) SRL)")).toMatchObject({
      puntoVenta: "12345",
      nombre: "DEL SUR (ZONA 2) SRL",
      label: "Factura A 12345-00000001",
    });
  });

  it("treats empty parentheses as no name", () => {
    expect(parseConcepto("FACTURA A 0002-00000001 ()")?.nombre).toBeNull();
  });

  it.each([
    "",
    "Saldo inicial",
    "PAGO A CUENTA",
    "SALDO 2020-1",
    "FACTURA A",
    "FACTURA A 0002",
    "FACTURA A 0002-000000001 (nueve dígitos)",
    "FACTURA A 123456-00000001",
    "FACTURA A 0002-00000001 pago parcial",
    "AJUSTE POR REDONDEO 0002-1",
  ])("returns null for %j", (concepto) => {
    expect(parseConcepto(concepto)).toBeNull();
  });
});
