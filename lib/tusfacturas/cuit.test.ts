import { describe, expect, it } from "vitest";
import { cuitCheckDigit, isValidCuit } from "./cuit";

describe("CUIT", () => {
  it.each(["30712293841", "27285051466", "20055361682", "30500010912"])("accepts %s", (cuit) => {
    expect(isValidCuit(cuit)).toBe(true);
  });

  it.each([
    "30111222334",
    "20267565392",
    "2112321321",
    "30-71229384-1",
    "10712293841",
    "307122938411",
    "",
  ])("rejects %s", (cuit) => {
    expect(isValidCuit(cuit)).toBe(false);
  });

  it("maps 11 to 0 and refuses bases that would need a 10", () => {
    expect(cuitCheckDigit("2040123456")).toBe(0);
    expect(cuitCheckDigit("2025678901")).toBeNull();
  });
});
