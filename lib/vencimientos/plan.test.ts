import { describe, expect, it } from "vitest";
import { planLookups } from "./plan";
import { keyOf, type ComprobanteKey } from "./refs";

const fa = (numero: number, puntoVenta = 2): ComprobanteKey => ({
  tipo: "FACTURA A",
  puntoVenta,
  numero,
});
const nd = (numero: number): ComprobanteKey => ({
  tipo: "NOTA DE DEBITO A",
  puntoVenta: 2,
  numero,
});

describe("planLookups", () => {
  it("asks nothing when every comprobante is stored", () => {
    const stored = new Set([fa(1), fa(2)].map(keyOf));
    expect(planLookups([fa(1), fa(2)], stored)).toEqual([]);
  });

  it("never asks for a comprobante twice, even when it repeats", () => {
    expect(planLookups([fa(7), fa(7)], new Set())).toEqual([{ kind: "single", ref: fa(7) }]);
  });

  it("asks for a lone comprobante on its own", () => {
    expect(planLookups([fa(5), nd(5)], new Set())).toEqual([
      { kind: "single", ref: fa(5) },
      { kind: "single", ref: nd(5) },
    ]);
  });

  it("covers close numbers of one type and punto de venta with one range", () => {
    expect(planLookups([fa(300), fa(120), fa(1119)], new Set())).toEqual([
      {
        kind: "range",
        tipo: "FACTURA A",
        puntoVenta: 2,
        numeroDesde: 120,
        numeroHasta: 1119,
        refs: [fa(120), fa(300), fa(1119)],
      },
    ]);
  });

  it("starts a new call past the span, and per punto de venta", () => {
    const plan = planLookups([fa(1), fa(1000), fa(1001), fa(1002), fa(1, 3)], new Set());
    expect(plan).toEqual([
      {
        kind: "range",
        tipo: "FACTURA A",
        puntoVenta: 2,
        numeroDesde: 1,
        numeroHasta: 1000,
        refs: [fa(1), fa(1000)],
      },
      {
        kind: "range",
        tipo: "FACTURA A",
        puntoVenta: 2,
        numeroDesde: 1001,
        numeroHasta: 1002,
        refs: [fa(1001), fa(1002)],
      },
      { kind: "single", ref: fa(1, 3) },
    ]);
  });

  it("plans only what is missing", () => {
    const plan = planLookups([fa(10), fa(11), fa(12)], new Set([keyOf(fa(11))]));
    expect(plan).toEqual([
      {
        kind: "range",
        tipo: "FACTURA A",
        puntoVenta: 2,
        numeroDesde: 10,
        numeroHasta: 12,
        refs: [fa(10), fa(12)],
      },
    ]);
  });

  it("never makes more calls than comprobantes", () => {
    const wanted = Array.from({ length: 50 }, (_, i) => fa(i * 37 + 1));
    expect(planLookups(wanted, new Set()).length).toBeLessThanOrEqual(2);
  });
});
