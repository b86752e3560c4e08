import { describe, expect, it } from "vitest";
import {
  dateFraction,
  niceTicks,
  PLOT_HEIGHT,
  PLOT_WIDTH,
  pointAt,
  saldoGeometry,
} from "./saldo-geometry";
import type { SaldoPoint } from "./series";

const DAY = 86_400_000;
const day = (n: number) => Date.UTC(2025, 0, 1) + n * DAY;

describe("niceTicks", () => {
  it("covers the range and zero with round, evenly spaced values", () => {
    expect(niceTicks(12_345, 14_199_998)).toEqual([0, 5e6, 10e6, 15e6]);
    expect(niceTicks(-30_000, 70_000)).toEqual([-50_000, -25_000, 0, 25_000, 50_000, 75_000]);
    expect(niceTicks(-800, -100)).toEqual([-800, -600, -400, -200, 0]);
  });

  it("keeps a flat or empty range drawable", () => {
    expect(niceTicks(0, 0)).toEqual([0, 1]);
    expect(niceTicks(500, 500)).toEqual([0, 200, 400, 600]);
  });

  it("never leaves a value outside its ends", () => {
    for (const [low, high] of [
      [1, 9],
      [-17, 3],
      [123_456_789, 987_654_321],
      [-1e9, 1],
    ] as const) {
      const ticks = niceTicks(low, high);
      expect(ticks[0]).toBeLessThanOrEqual(Math.min(0, low));
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(Math.max(0, high));
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(7);
    }
  });
});

describe("saldoGeometry", () => {
  const points: SaldoPoint[] = [
    { x: day(0), saldoCentavos: 10_000, row: 0 },
    { x: day(10), saldoCentavos: 30_000, row: 1 },
    { x: day(10), saldoCentavos: 20_000, row: 2 },
    { x: day(40), saldoCentavos: 0, row: 3 },
  ];

  it("draws each saldo until the next movement, within the box", () => {
    const { path, yTicks } = saldoGeometry(points);
    expect(yTicks.map((tick) => tick.value)).toEqual([0, 10_000, 20_000, 30_000]);
    expect(yTicks.map((tick) => tick.at)).toEqual([0, 1 / 3, 2 / 3, 1]);
    // From day 0 at 10 000 across to day 10, up to 30 000, down to 20 000 the same day, then
    // across to day 40 and down to zero.
    const x10 = PLOT_WIDTH / 4;
    const y = (saldo: number) => Math.round((1 - saldo / 30_000) * PLOT_HEIGHT);
    expect(path).toBe(
      `M0 ${y(10_000)}H${x10}V${y(30_000)}H${x10}V${y(20_000)}H${PLOT_WIDTH}V${PLOT_HEIGHT}`,
    );
  });

  it("puts five dates evenly from the first movement to the last", () => {
    const { xTicks } = saldoGeometry(points);
    expect(xTicks.map((tick) => tick.value)).toEqual([0, 10, 20, 30, 40].map(day));
    expect(xTicks.map((tick) => tick.at)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("puts fewer dates when fewer days lie between the first and the last, each once", () => {
    const ticks = (days: number) =>
      saldoGeometry([
        { x: day(0), saldoCentavos: 10_000, row: 0 },
        { x: day(days), saldoCentavos: 5_000, row: 1 },
      ]).xTicks;
    expect(ticks(1)).toEqual([
      { value: day(0), at: 0 },
      { value: day(1), at: 1 },
    ]);
    expect(ticks(2).map((tick) => tick.value)).toEqual([0, 1, 2].map(day));
    expect(ticks(3).map((tick) => tick.value)).toEqual([0, 1, 2, 3].map(day));
    // 1,5 and 3 days in: whole days, rounded.
    expect(ticks(6).map((tick) => tick.value)).toEqual([0, 2, 3, 5, 6].map(day));
    for (let days = 1; days <= 60; days++) {
      const values = ticks(days).map((tick) => tick.value);
      expect(new Set(values).size).toBe(values.length);
      for (const value of values) expect((value - day(0)) % DAY).toBe(0);
    }
  });

  it("draws a single day across the whole chart, and nothing without points", () => {
    const one = saldoGeometry([{ x: day(3), saldoCentavos: -6_000, row: 0 }]);
    // Ticks -6 000 to 0: the saldo is the bottom of the box.
    expect(one.path).toBe(`M0 ${PLOT_HEIGHT}H${PLOT_WIDTH}`);
    expect(one.xTicks).toEqual([{ value: day(3), at: 0 }]);
    expect(saldoGeometry([])).toEqual({ path: "", xTicks: [], yTicks: [] });
  });
});

describe("dateFraction", () => {
  it("places a date between the first movement's (0) and the last's (1)", () => {
    const points: SaldoPoint[] = [
      { x: day(0), saldoCentavos: 1, row: 0 },
      { x: day(40), saldoCentavos: 2, row: 1 },
    ];
    expect(dateFraction(points, day(0))).toBe(0);
    expect(dateFraction(points, day(10))).toBe(0.25);
    expect(dateFraction(points, day(40))).toBe(1);
    // A single day, or nothing: the left edge.
    expect(dateFraction(points.slice(0, 1), day(0))).toBe(0);
    expect(dateFraction([], day(3))).toBe(0);
  });
});

describe("pointAt", () => {
  const points: SaldoPoint[] = [
    { x: day(0), saldoCentavos: 1, row: 0 },
    { x: day(10), saldoCentavos: 2, row: 1 },
    { x: day(10), saldoCentavos: 3, row: 2 },
    { x: day(40), saldoCentavos: 4, row: 3 },
  ];

  it("finds the nearest date, and the day's last movement on it", () => {
    expect(pointAt(points, 0)?.row).toBe(0);
    expect(pointAt(points, 0.1)?.row).toBe(0);
    expect(pointAt(points, 0.2)?.row).toBe(2);
    expect(pointAt(points, 0.25)?.row).toBe(2);
    expect(pointAt(points, 0.6)?.row).toBe(2);
    expect(pointAt(points, 0.7)?.row).toBe(3);
    expect(pointAt(points, 1)?.row).toBe(3);
  });

  it("clamps the pointer to the plot and answers nothing without points", () => {
    expect(pointAt(points, -0.5)?.row).toBe(0);
    expect(pointAt(points, 7)?.row).toBe(3);
    expect(pointAt([], 0.5)).toBeUndefined();
  });

  it("agrees with a linear scan over a long series", () => {
    const long: SaldoPoint[] = Array.from({ length: 1000 }, (_, row) => ({
      x: day(Math.floor(row / 3) * 2),
      saldoCentavos: row,
      row,
    }));
    const span = long.at(-1)!.x - long[0]!.x;
    for (let i = 0; i <= 200; i++) {
      const at = i / 200;
      const x = long[0]!.x + at * span;
      const nearest = Math.min(...long.map((p) => Math.abs(p.x - x)));
      const lastNearest = long.findLast((p) => Math.abs(p.x - x) === nearest);
      // Equally near on both sides: the earlier date, as the search keeps it.
      const expected = pointAt(long, at)!;
      expect(Math.abs(expected.x - x)).toBe(nearest);
      if (Math.abs(long.findLast((p) => p.x <= x)!.x - x) !== nearest) {
        expect(expected).toBe(lastNearest);
      } else {
        expect(expected).toBe(long.findLast((p) => p.x <= x));
      }
    }
  });
});
