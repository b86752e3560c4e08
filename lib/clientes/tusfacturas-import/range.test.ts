import { describe, expect, it } from "vitest";
import {
  addDays,
  daysInRange,
  defaultImportRange,
  dmyToIso,
  importRangeErrors,
  isoToDmy,
} from "./range";

// 15/11/2025, 12:00 in Buenos Aires; 01:00 UTC of the 16th is still the 15th there.
const NOW = new Date("2025-11-15T15:00:00Z");

describe("the import's date range", () => {
  it("reads dd/mm/aaaa, and only days of the calendar", () => {
    expect(dmyToIso("14/11/2025")).toBe("2025-11-14");
    expect(dmyToIso(" 4/1/2025 ")).toBe("2025-01-04");
    expect(dmyToIso("31/02/2025")).toBeNull();
    expect(dmyToIso("2025-11-14")).toBeNull();
    expect(isoToDmy("2025-01-04")).toBe("04/01/2025");
  });

  it("counts days with both ends, across months and years", () => {
    expect(daysInRange("2025-08-01", "2025-11-15")).toBe(107);
    expect(daysInRange("2024-11-16", "2025-11-15")).toBe(365);
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });

  it("offers the last 90 days up to today in Buenos Aires", () => {
    expect(defaultImportRange(NOW)).toEqual({ desde: "18/08/2025", hasta: "15/11/2025" });
    expect(defaultImportRange(new Date("2025-11-16T01:00:00Z")).hasta).toBe("15/11/2025");
  });

  it.each([
    ["14/11/2025", "15/11/2025", {}],
    ["16/11/2024", "15/11/2025", {}],
    ["15/11/2024", "15/11/2025", {}],
    ["14/11/2024", "15/11/2025", { desde: "El período puede abarcar hasta 12 meses." }],
    ["15/11/2025", "14/11/2025", { desde: "La fecha «desde» tiene que ser anterior a «hasta»." }],
    ["01/11/2025", "16/11/2025", { hasta: "La fecha «hasta» no puede ser posterior a hoy." }],
    [
      "",
      "32/11/2025",
      {
        desde: "Ingresá la fecha «desde» como dd/mm/aaaa.",
        hasta: "Ingresá la fecha «hasta» como dd/mm/aaaa.",
      },
    ],
  ])("%s – %s", (desde, hasta, errors) => {
    expect(importRangeErrors(desde, hasta, NOW)).toEqual(errors);
  });
});
