import { describe, expect, it } from "vitest";
import { foldText, matchesNameOrCuit } from "./search-text";

describe("matchesNameOrCuit", () => {
  const row = { name: "Librería Álamos S.A.", cuit: "30712293841" };

  it("finds by name whatever the case and accents", () => {
    expect(foldText("Álamos")).toBe("alamos");
    expect(matchesNameOrCuit("LIBRERIA alamos", row)).toBe(true);
    expect(matchesNameOrCuit("  álamos ", row)).toBe(true);
    expect(matchesNameOrCuit("ferretería", row)).toBe(false);
  });

  it("finds by CUIT with or without dashes, and everything when empty", () => {
    expect(matchesNameOrCuit("30-71229384-1", row)).toBe(true);
    expect(matchesNameOrCuit("7122938", row)).toBe(true);
    expect(matchesNameOrCuit("30-99999999-9", row)).toBe(false);
    expect(matchesNameOrCuit("   ", row)).toBe(true);
  });
});
