import { describe, expect, it } from "vitest";
import { toCentavos, toCentavosOrNull } from "./centavos";

describe("toCentavosOrNull", () => {
  it.each([
    [112.1, 11210],
    ["112.1", 11210],
    [0.29, 29],
    [15234.99, 1523499],
    [1e6, 100000000],
    ["1e6", 100000000],
    [0.1 + 0.2, 30],
    [224.20000000000002, 22420],
    [-14765.010000000002, -1476501],
    ["-15234.99", -1523499],
    ["  40 ", 4000],
    ["+7.5", 750],
    [".5", 50],
    ["3.", 300],
    [0, 0],
    [-0, 0],
    ["-0.001", 0],
    [1.005, 101],
    ["0.005", 1],
    ["-0.005", -1],
    [4.35, 435],
    [1.15, 115],
    [1e-7, 0],
    ["12345678901234.56", 1234567890123456],
  ])("%s → %d centavos", (input, expected) => {
    expect(toCentavosOrNull(input)).toBe(expected);
  });

  it("never produces floating-point residue for any two-decimal amount", () => {
    const wrong: number[] = [];
    for (let c = 0; c < 1_000_000; c += 7) {
      if (toCentavosOrNull(c / 100) !== c || toCentavosOrNull(-c / 100) !== (c === 0 ? 0 : -c)) {
        wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("keeps sums exact where float arithmetic drifts", () => {
    const amounts = [0.1, 0.2, 112.1, 15234.99];
    expect(amounts.reduce((sum, a) => sum + toCentavos(a), 0)).toBe(1534739);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toCentavos(0.1) + toCentavos(0.2)).toBe(toCentavos(0.3));
  });

  it.each([
    ["1.234,56"],
    ["1,5"],
    ["$ 10"],
    [""],
    ["  "],
    ["."],
    ["-"],
    ["1e"],
    ["0x10"],
    ["12abc"],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [null],
    [undefined],
    [true],
    [{}],
    ["1e400"],
    [1e300],
  ])("rejects %s", (input) => {
    expect(toCentavosOrNull(input)).toBeNull();
  });

  it("toCentavos throws a RangeError for non-amounts", () => {
    expect(() => toCentavos("1.234,56")).toThrow(RangeError);
  });
});
