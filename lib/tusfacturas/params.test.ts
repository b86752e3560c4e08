import { describe, expect, it } from "vitest";
import { consultaParams, consultaPorFechaParams, consultaPorNumerosParams } from "./params";

describe("lookup arguments", () => {
  it("F: one ISO day becomes dd/mm/yyyy, sales by default", () => {
    expect(consultaPorFechaParams({ fecha: "2025-03-07", pagina: 2, limite: 500 })).toEqual({
      busqueda_tipo: "F",
      comprobante: { fecha: "07/03/2025", operacion: "V" },
      pagina: 2,
      limite: 500,
    });
  });

  it("TN and consulta: the type normalized, numbers as numbers", () => {
    expect(
      consultaPorNumerosParams({
        tipo: " nota de  credito b",
        puntoVenta: 3,
        numeroDesde: 10,
        numeroHasta: 50,
        operacion: "C",
        pagina: 0,
        limite: 1000,
      }),
    ).toEqual({
      busqueda_tipo: "TN",
      comprobante: {
        tipo: "NOTA DE CREDITO B",
        operacion: "C",
        punto_venta: 3,
        numero_desde: 10,
        numero_hasta: 50,
      },
      pagina: 0,
      limite: 1000,
    });
    expect(consultaParams({ tipo: "FACTURA B", puntoVenta: 2, numero: 6 })).toEqual({
      comprobante: { tipo: "FACTURA B", operacion: "V", punto_venta: 2, numero: 6 },
    });
  });

  it.each([
    () => consultaPorFechaParams({ fecha: "2025-13-01", pagina: 0, limite: 10 }),
    () => consultaPorFechaParams({ fecha: "7/3/2025", pagina: 0, limite: 10 }),
    () => consultaPorFechaParams({ fecha: "2025-03-07", pagina: 0.5, limite: 10 }),
    () => consultaPorFechaParams({ fecha: "2025-03-07", pagina: 0, limite: 1001 }),
    () =>
      consultaPorFechaParams({
        fecha: "2025-03-07",
        operacion: "X" as "V",
        pagina: 0,
        limite: 10,
      }),
    () =>
      consultaPorNumerosParams({
        tipo: "FACTURA B",
        puntoVenta: 1,
        numeroDesde: 9,
        numeroHasta: 8,
        pagina: 0,
        limite: 10,
      }),
    () => consultaParams({ tipo: "FACTURA; DROP", puntoVenta: 1, numero: 1 }),
    () => consultaParams({ tipo: "FACTURA B", puntoVenta: 1, numero: 0 }),
  ])("malformed argument %# → RangeError", (build) => {
    expect(build).toThrow(RangeError);
  });
});
