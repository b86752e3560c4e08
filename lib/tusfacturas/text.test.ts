import { describe, expect, it } from "vitest";
import { cleanText, repairEncoding } from "./text";

describe("repairEncoding", () => {
  it.each([
    ["INFORM\u00c3\u0081TICA", "INFORMÁTICA"],
    ["Panader\u00c3\u00ada", "Panadería"],
    ["M\u00c3\u00bcller", "Müller"],
    ["\u00c3\u2018and\u00c3\u00ba", "Ñandú"],
    ["NOTA DE CR\u00c3\u2030DITO", "NOTA DE CRÉDITO"],
    ["Panader\u00eda de M\u00c3\u00bcller", "Panadería de Müller"],
    ["\u00e2\u20ac\u0153EL CAF\u00c3\u2030\u00e2\u20ac\u009d", "“EL CAFÉ”"],
    ["D\u00e2\u20ac\u2122Alessandro", "D’Alessandro"],
  ])("%j → %s", (broken, fixed) => {
    expect(repairEncoding(broken)).toBe(fixed);
  });

  it.each([
    "Panadería",
    "INFORMÁTICA",
    "Ruiz & Asoc.",
    "Año 2024 · ¿Pagó? ¡Sí!",
    "",
    "Ã",
    // An accented capital before typographic punctuation is a UTF-8 lead byte's look-alike.
    "“EL CAFÉ” S.R.L.",
    "«ÑANDÚ» SA",
    "CAMIÓN° 3",
    "PEÑA–GÓMEZ",
  ])("leaves correct text alone: %j", (text) => {
    expect(repairEncoding(text)).toBe(text);
  });
});

describe("cleanText", () => {
  it("trims and repairs", () => {
    expect(cleanText("  FACTURA A 0002-00000010 (INFORM\u00c3\u0081TICA)   ")).toBe(
      "FACTURA A 0002-00000010 (INFORMÁTICA)",
    );
  });

  it("normalizes to NFC so equal names compare equal", () => {
    expect(cleanText("Mu\u0308ller")).toBe("Müller");
  });
});
