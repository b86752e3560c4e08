import { describe, expect, it } from "vitest";
import { parseConcepto } from "@/lib/cuenta-corriente/concepto";
import { dueAgingOf } from "./aging";
import type { VencimientosByKey } from "./refs";

const TODAY = "2025-11-15";

/** A factura of pv 2, issued on `fecha`, with `resta` centavos unpaid. */
const row = (numero: number, resta: number, fecha = "2025-01-01") => ({
  fecha,
  restaAbonarCentavos: resta,
  comprobante: parseConcepto(`FACTURA A 0002-${String(numero).padStart(8, "0")} (X)`),
});
const due = (numero: number, vence: string | null): VencimientosByKey => ({
  [`FACTURA A|2|${numero}`]: { found: true, vence, estado: "impaga" },
});

/** The bucket a single comprobante due `vence` falls in on TODAY. */
function bucketOf(vence: string) {
  const aging = dueAgingOf([row(1, 100)], due(1, vence), TODAY);
  return aging.buckets.find((b) => b.comprobantes === 1)?.key;
}

describe("dueAgingOf", () => {
  it.each([
    ["2025-12-01", "a-vencer"], // in the future
    ["2025-11-15", "a-vencer"], // due today: not overdue yet
    ["2025-11-14", "1-30"], // 1 day
    ["2025-10-16", "1-30"], // 30 days
    ["2025-10-15", "31-60"], // 31 days
    ["2025-09-16", "31-60"], // 60 days
    ["2025-09-15", "61-90"], // 61 days
    ["2025-08-17", "61-90"], // 90 days
    ["2025-08-16", "90+"], // 91 days
  ])("due %s is %s", (vence, key) => {
    expect(bucketOf(vence)).toBe(key);
  });

  it("ages from the issue date when TusFacturas gives no due date, and counts them", () => {
    const rows = [row(1, 100, "2025-11-10"), row(2, 200, "2025-11-15"), row(3, 300)];
    const byKey = { ...due(1, null), ...due(3, "2025-12-31") };
    const aging = dueAgingOf(rows, byKey, TODAY);
    expect(aging.sinVencimiento).toBe(2); // 1 has none, 2 is not looked up
    expect(aging.buckets.map((b) => [b.key, b.comprobantes, b.centavos])).toEqual([
      ["a-vencer", 2, 500],
      ["1-30", 1, 100],
      ["31-60", 0, 0],
      ["61-90", 0, 0],
      ["90+", 0, 0],
    ]);
    expect(aging.vencidoCentavos).toBe(100);
    expect(aging.totalCentavos).toBe(600);
  });

  it("counts a partly paid comprobante by what is left, and skips paid rows", () => {
    const rows = [row(1, 3_000_00), row(2, 0), { ...row(3, 0), restaAbonarCentavos: -5 }];
    const aging = dueAgingOf(rows, due(1, "2025-10-01"), TODAY);
    expect(aging.buckets[2]).toMatchObject({ key: "31-60", comprobantes: 1, centavos: 3_000_00 });
    expect(aging).toMatchObject({ totalCentavos: 3_000_00, vencidoCentavos: 3_000_00 });
    expect(aging.sinVencimiento).toBe(0);
  });

  it("ages rows that are not comprobantes from their date", () => {
    const aging = dueAgingOf(
      [{ fecha: "2025-11-01", restaAbonarCentavos: 50, comprobante: null }],
      {},
      TODAY,
    );
    expect(aging).toMatchObject({ vencidoCentavos: 50, sinVencimiento: 1 });
  });

  it("rejects a malformed today", () => {
    expect(() => dueAgingOf([], {}, "15/11/2025")).toThrow(RangeError);
  });
});
