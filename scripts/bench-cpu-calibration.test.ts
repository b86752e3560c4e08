import { describe, expect, it } from "vitest";
import { midTierMobileMultiplier } from "./bench-cpu-calibration";

describe("midTierMobileMultiplier", () => {
  it("follows Lighthouse's guide: 4× for the desktop it is calibrated on, less on slower hosts", () => {
    expect(midTierMobileMultiplier(1533)).toBeCloseTo(4, 1);
    expect(midTierMobileMultiplier(2000)).toBeCloseTo(6, 1);
    expect(midTierMobileMultiplier(1300)).toBe(3);
    expect(midTierMobileMultiplier(1050)).toBe(2.5);
    expect(midTierMobileMultiplier(800)).toBe(2);
    expect(midTierMobileMultiplier(475)).toBe(1.5);
    expect(midTierMobileMultiplier(100)).toBe(1);
  });

  it("refuses an index Lighthouse did not measure", () => {
    expect(() => midTierMobileMultiplier(Number.NaN)).toThrow("benchmarkIndex inválido");
    expect(() => midTierMobileMultiplier(0)).toThrow("benchmarkIndex inválido");
  });
});
