import { describe, expect, it } from "vitest";
import { parseConcepto } from "@/lib/cuenta-corriente/concepto";
import { estadoLabel, venceLabel } from "./labels";
import { keyOf, lookupKeyOf, vencimientoOf } from "./refs";
import { lookupKeysOf, unpaidOf } from "./unpaid";

const key = (concepto: string) => lookupKeyOf(parseConcepto(concepto));

describe("lookupKeyOf", () => {
  it("names facturas and notas de débito as TusFacturas does", () => {
    expect(key("FACTURA A 0002-00000121 (X)")).toEqual({
      tipo: "FACTURA A",
      puntoVenta: 2,
      numero: 121,
    });
    expect(key("Nota de Débito B 00003-00000007")).toEqual({
      tipo: "NOTA DE DEBITO B",
      puntoVenta: 3,
      numero: 7,
    });
  });

  it.each([
    "RECIBO X 0002-00000041 (X)",
    "NOTA DE CREDITO A 0002-00000012 (X)",
    "FACTURA 0002-00000001", // no letter: not a name TusFacturas answers to
    "SALDO INICIAL",
  ])("does not look up %s", (concepto) => {
    expect(key(concepto)).toBeNull();
  });
});

describe("stored lookups of ledger rows", () => {
  const byKey = {
    "FACTURA A|2|121": { found: true, vence: "2025-04-02", estado: "pago_parcial" as const },
    "FACTURA A|2|122": { found: false, vence: null, estado: null },
  };

  it("finds a row's lookup by its key and writes it for the table", () => {
    const row = parseConcepto("FACTURA A 0002-00000121 (X)");
    expect(keyOf(lookupKeyOf(row)!)).toBe("FACTURA A|2|121");
    expect(venceLabel(vencimientoOf(row, byKey))).toBe("02/04/2025");
    expect(estadoLabel(vencimientoOf(row, byKey))).toBe("Pago parcial");
    const sinDato = vencimientoOf(parseConcepto("FACTURA A 0002-00000122"), byKey);
    expect([venceLabel(sinDato), estadoLabel(sinDato)]).toEqual(["—", "—"]);
  });

  it("keeps every unpaid row, and the keys of those Tablero looks up", () => {
    const rows = [
      {
        fecha: "2025-03-01",
        restaAbonarCentavos: 500,
        comprobante: parseConcepto("FACTURA A 0002-00000121"),
      },
      {
        fecha: "2025-03-02",
        restaAbonarCentavos: 0,
        comprobante: parseConcepto("FACTURA A 0002-00000122"),
      },
      { fecha: "2025-03-03", restaAbonarCentavos: 70, comprobante: null },
    ];
    const unpaid = unpaidOf(rows);
    expect(unpaid).toEqual([
      { t: "FACTURA A", p: 2, n: 121, f: "2025-03-01", r: 500 },
      { t: null, p: null, n: null, f: "2025-03-03", r: 70 },
    ]);
    expect(lookupKeysOf(unpaid)).toEqual([{ tipo: "FACTURA A", puntoVenta: 2, numero: 121 }]);
  });
});
