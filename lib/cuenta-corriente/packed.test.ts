import { describe, expect, it } from "vitest";
import type { MovimientoCuentaCorriente } from "@/lib/tusfacturas/types";
import { packMovimientos, unpackMovimientos } from "./packed";

const rows: MovimientoCuentaCorriente[] = [
  {
    fecha: "2017-05-11",
    concepto: "FACTURA A 0002-00000001 (X)",
    debeCentavos: 11_210,
    haberCentavos: 0,
    restaAbonarCentavos: 11_210,
    saldoCentavos: 11_210,
    orden: 0,
  },
  {
    fecha: "2017-05-10",
    concepto: "RECIBO X 0002-00000001 (X)",
    debeCentavos: 0,
    haberCentavos: 5_000,
    restaAbonarCentavos: 0,
    saldoCentavos: -5_000,
    orden: 1,
  },
];

describe("packed movements", () => {
  it("round-trips rows in wire order, unsorted dates and negative saldos included", () => {
    const packed = packMovimientos([rows[1]!, rows[0]!]);
    expect(packed.dia).toEqual([17_297, 17_296]);
    expect(unpackMovimientos(packed)).toEqual(rows);
  });

  it("stores a repeated trailing name once and gives every concepto back exactly", () => {
    const conceptos = [
      "FACTURA A 0002-00000001 (CLIENTE S.A.)",
      "RECIBO X 0002-00000002 (CLIENTE S.A.)  ",
      "NOTA DE CREDITO A 0002-00000003 (OTRO (SUCURSAL))",
      "SALDO INICIAL",
      "",
    ];
    const many = conceptos.map((concepto, orden) => ({ ...rows[0]!, concepto, orden }));
    const packed = packMovimientos(many);
    expect(packed.nombres).toEqual([" (CLIENTE S.A.)", " (CLIENTE S.A.)  "]);
    expect(unpackMovimientos(packed).map((m) => m.concepto)).toEqual(conceptos);
  });

  it("reads the first packed form, with ISO dates", () => {
    const { dia: _, ...rest } = packMovimientos(rows);
    const v1 = { ...rest, v: 1, fecha: ["2017-05-11", "2017-05-10"] } as unknown as Parameters<
      typeof unpackMovimientos
    >[0];
    expect(unpackMovimientos(v1)).toEqual(rows);
  });

  it("reads the row form older snapshots used", () => {
    expect(unpackMovimientos(rows)).toEqual(rows);
  });

  it("is much smaller than rows as JSON", () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...rows[0]!, orden: i }));
    const packedSize = JSON.stringify(packMovimientos(many)).length;
    expect(packedSize).toBeLessThan(JSON.stringify(many).length * 0.6);
  });
});
