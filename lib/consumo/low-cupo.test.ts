import { describe, expect, it } from "vitest";
import { isCupoLow, LOW_CUPO_PERCENT } from "./low-cupo";

describe("isCupoLow", () => {
  it("is the 20 % TusFacturas warns at", () => {
    expect(LOW_CUPO_PERCENT).toBe(20);
  });

  it.each([
    [100, 19, true],
    [100, 20, false],
    [500, 99, true],
    [500, 100, false],
    [25, 0, true],
    [200, 15, true],
    [100, 90, false],
  ])("cupo %i with %i disponibles: low is %s", (cupo, disponibles, low) => {
    expect(isCupoLow({ cupo, disponibles })).toBe(low);
  });

  it("has no floating-point surprise at exactly 20 % of any cupo", () => {
    for (let cupo = 5; cupo <= 20_000; cupo += 5) {
      expect(isCupoLow({ cupo, disponibles: cupo / 5 })).toBe(false);
      expect(isCupoLow({ cupo, disponibles: cupo / 5 - 1 })).toBe(true);
    }
  });

  it("never calls a plan with no cupo low", () => {
    expect(isCupoLow({ cupo: 0, disponibles: 0 })).toBe(false);
    expect(isCupoLow({ cupo: 0, disponibles: -1 })).toBe(false);
  });
});
