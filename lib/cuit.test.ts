import { describe, expect, it } from "vitest";
import { cuitCheckDigit, cuitError, formatCuit, isValidCuit } from "./cuit";
import { cuitSchema } from "./cuit-schema";

describe("CUIT", () => {
  it.each(["30712293841", "27285051466", "20055361682", "30-71229384-1", " 27.28505146.6 "])(
    "accepts the valid %s",
    (cuit) => {
      expect(cuitError(cuit)).toBeNull();
    },
  );

  it.each([
    ["30111222334", "dígito verificador"],
    ["20267565392", "dígito verificador"],
    ["3071229384", "11 dígitos"],
    ["307122938412", "11 dígitos"],
    ["30-7122938A-1", "11 dígitos"],
    ["", "Ingresá el CUIT"],
    ["11712293841", "debe empezar con"],
  ])("rejects %s with a reason", (cuit, reason) => {
    expect(cuitError(cuit)).toContain(reason);
  });

  it("maps remainder 0 to digit 0 and has no digit for remainder 1", () => {
    // 2·5 = 10 → 11 − 10 = 1
    expect(cuitCheckDigit("2000000000")).toBe(1);
    // 2·5 + 6·2 = 22 ≡ 0 → 11 → 0
    expect(cuitCheckDigit("2000000006")).toBe(0);
    // 3·5 + 4·2 = 23 ≡ 1 → 10: no valid digit exists
    expect(cuitCheckDigit("3000000004")).toBeNull();
    expect(cuitError("30000000040")).toContain("dígito verificador");
  });

  it("formats and normalizes", () => {
    expect(formatCuit("30712293841")).toBe("30-71229384-1");
    expect(cuitSchema.parse("30-71229384-1")).toBe("30712293841");
    expect(cuitSchema.safeParse("30111222334").success).toBe(false);
  });
  it("maps 11 to 0 and refuses bases that would need a 10", () => {
    expect(cuitCheckDigit("2040123456")).toBe(0);
    expect(cuitCheckDigit("2025678901")).toBeNull();
  });

  it("has no check digit for a base that is not ten digits", () => {
    expect(cuitCheckDigit("204012345")).toBeNull();
    expect(cuitCheckDigit("20401234A6")).toBeNull();
  });

  describe("isValidCuit (plain digits, as TusFacturas takes them)", () => {
    it.each(["30712293841", "27285051466", "20055361682", "30500010912"])("accepts %s", (cuit) => {
      expect(isValidCuit(cuit)).toBe(true);
    });

    it.each([
      "30111222334",
      "20267565392",
      "2112321321",
      "30-71229384-1",
      " 30712293841",
      "10712293841",
      "307122938411",
      "",
    ])("rejects %s", (cuit) => {
      expect(isValidCuit(cuit)).toBe(false);
    });
  });
});
