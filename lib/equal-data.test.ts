import { describe, expect, it } from "vitest";
import { equalData } from "./equal-data";

describe("equalData", () => {
  it("holds for the same data built twice", () => {
    const build = () => ({
      series: [
        { x: 1, saldoCentavos: -250, row: 0 },
        { x: 2, saldoCentavos: 0, row: 1 },
      ],
      monthly: [{ mes: "2025-10", debeCentavos: 100, haberCentavos: 0 }],
      label: null,
      reordered: false,
    });
    expect(equalData(build(), build())).toBe(true);
  });

  it("tells apart a changed number, a missing or extra key, a longer array, and array from object", () => {
    const base = { points: [{ x: 1, y: 2 }], name: "a" };
    expect(equalData(base, { points: [{ x: 1, y: 3 }], name: "a" })).toBe(false);
    expect(equalData(base, { points: [{ x: 1 }], name: "a" })).toBe(false);
    expect(equalData(base, { points: [{ x: 1, y: 2, z: 0 }], name: "a" })).toBe(false);
    expect(
      equalData(base, {
        points: [
          { x: 1, y: 2 },
          { x: 1, y: 2 },
        ],
        name: "a",
      }),
    ).toBe(false);
    expect(equalData({ 0: 1 }, [1])).toBe(false);
    expect(equalData({ a: undefined }, { b: undefined })).toBe(false);
    expect(equalData(0, -0)).toBe(false);
    expect(equalData(Number.NaN, Number.NaN)).toBe(true);
    expect(equalData(null, {})).toBe(false);
  });
});
