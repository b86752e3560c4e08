import { describe, expect, it } from "vitest";
import { generateLedger } from "@/lib/tusfacturas/emulator/generated-ledger";
import { createPrng } from "@/lib/tusfacturas/emulator/prng";
import { toMovimiento } from "@/lib/tusfacturas/transform";
import { buildLedger } from "./ledger";
import { downsample, monthlyTotals, saldoSeries, type SaldoPoint } from "./series";
import { ledgerRow } from "@/lib/testing/ledger-rows";

const DAY = 86_400_000;

/** A random walk of `n` points, several per day. */
function walk(n: number, seed: number): SaldoPoint[] {
  const random = createPrng(seed);
  let saldo = 0;
  return Array.from({ length: n }, (_, row) => {
    saldo += Math.round((random() - 0.5) * 100_000);
    return { x: Math.floor(row / 5) * DAY, saldoCentavos: saldo, row };
  });
}

function expectFaithful(input: SaldoPoint[], output: SaldoPoint[], threshold: number) {
  const saldos = input.map((p) => p.saldoCentavos);
  const kept = output.map((p) => p.saldoCentavos);
  expect(output.length).toBeGreaterThanOrEqual(threshold);
  expect(output.length).toBeLessThanOrEqual(threshold + 2);
  expect(output[0]).toBe(input[0]);
  expect(output.at(-1)).toBe(input.at(-1));
  expect(kept).toContain(Math.max(...saldos));
  expect(kept).toContain(Math.min(...saldos));
  output.forEach((point, i) => {
    expect(input[point.row]).toBe(point);
    if (i > 0) expect(point.row).toBeGreaterThan(output[i - 1]?.row ?? -1);
  });
}

describe("saldoSeries", () => {
  it("has one point per row at UTC midnight with the recomputed saldo", () => {
    const rows = [
      ledgerRow({ fecha: "2025-03-01", saldoCentavos: 100, saldoReportadoCentavos: 7 }),
      ledgerRow({ fecha: "2025-03-02", saldoCentavos: -50 }),
    ];
    expect(saldoSeries(rows)).toEqual([
      { x: Date.UTC(2025, 2, 1), saldoCentavos: 100, row: 0 },
      { x: Date.UTC(2025, 2, 2), saldoCentavos: -50, row: 1 },
    ]);
  });
});

describe("downsample", () => {
  it("returns the points unchanged when there are no more than the threshold", () => {
    const points = walk(1000, 1);
    expect(downsample(points)).toEqual(points);
    expect(downsample(points.slice(0, 2), 3)).toEqual(points.slice(0, 2));
  });

  it("keeps first, last and extremes of the 20 000-movement emulator ledger", () => {
    const wire = generateLedger({
      seed: 435239840,
      movimientos: 20_000,
      desde: "2016-01-04",
      puntoVenta: 2,
      nombre: "DISTRIBUIDORA MAYORISTA DEL SUR S.A.",
    });
    const points = saldoSeries(buildLedger(wire.map(toMovimiento)).rows);
    expectFaithful(points, downsample(points), 1000);
  });

  it.each([
    [5000, 3, 100],
    [5000, 4, 37],
    [20_000, 5, 500],
    [20_000, 6, 1000],
    [1001, 7, 1000],
  ])("keeps first, last and extremes of %i random points (seed %i) at %i", (n, seed, at) => {
    const points = walk(n, seed);
    expectFaithful(points, downsample(points, at), at);
  });

  it("inserts both extremes in order when the triangles pick another point", () => {
    const points = [0, -60, 400, 450, 400].map((saldoCentavos, row) => ({
      x: row * DAY,
      saldoCentavos,
      row,
    }));
    // The bucket's largest triangle is the 400 at index 2; the 450 and the −60 are added back.
    expect(downsample(points, 3).map((p) => p.row)).toEqual([0, 1, 2, 3, 4]);
  });

  it("does not add a second point for an extreme it already kept", () => {
    const points = [0, 500, 1, 2, 3, 500, 0].map((saldoCentavos, row) => ({
      x: row * DAY,
      saldoCentavos,
      row,
    }));
    expect(downsample(points, 3).filter((p) => p.saldoCentavos === 500)).toHaveLength(1);
  });

  it("rejects a threshold below 3", () => {
    expect(() => downsample(walk(10, 1), 2)).toThrow(RangeError);
  });
});

describe("monthlyTotals", () => {
  it("adds debe and haber per month, fills months without movements and crosses years", () => {
    const rows = [
      ledgerRow({ fecha: "2024-11-03", debeCentavos: 1000 }),
      ledgerRow({ fecha: "2024-11-30", debeCentavos: 500, haberCentavos: 200 }),
      ledgerRow({ fecha: "2025-01-01", haberCentavos: 1300 }),
      ledgerRow({ fecha: "2025-03-31", debeCentavos: 1 }),
    ];
    expect(monthlyTotals(rows)).toEqual([
      { month: "2024-11", label: "nov 2024", debeCentavos: 1500, haberCentavos: 200 },
      { month: "2024-12", label: "dic 2024", debeCentavos: 0, haberCentavos: 0 },
      { month: "2025-01", label: "ene 2025", debeCentavos: 0, haberCentavos: 1300 },
      { month: "2025-02", label: "feb 2025", debeCentavos: 0, haberCentavos: 0 },
      { month: "2025-03", label: "mar 2025", debeCentavos: 1, haberCentavos: 0 },
    ]);
  });

  it("is oldest first even for rows newest first, and empty for no rows", () => {
    const rows = [
      ledgerRow({ fecha: "2025-02-01", debeCentavos: 2 }),
      ledgerRow({ fecha: "2025-01-01", debeCentavos: 1 }),
    ];
    expect(monthlyTotals(rows).map((m) => m.month)).toEqual(["2025-01", "2025-02"]);
    expect(monthlyTotals([])).toEqual([]);
  });
});
