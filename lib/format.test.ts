import { describe, expect, it } from "vitest";
import {
  formatCentavos,
  formatCompactPesos,
  formatDate,
  formatDayMonth,
  formatDateTime,
  formatInteger,
  formatRelative,
  todayIso,
} from "./format";

const NBSP = "\u00a0";

describe("es-AR formats", () => {
  it("formats centavos as pesos", () => {
    expect(formatCentavos(123456)).toBe(`$${NBSP}1.234,56`);
    expect(formatCentavos(123456789)).toBe(`$${NBSP}1.234.567,89`);
    expect(formatCentavos(-1050)).toBe(`-$${NBSP}10,50`);
    expect(formatCentavos(0)).toBe(`$${NBSP}0,00`);
  });

  it("shortens centavos for a chart's axis", () => {
    expect(formatCompactPesos(0)).toBe("$ 0");
    expect(formatCompactPesos(85_050)).toBe("$ 850,5");
    expect(formatCompactPesos(150_000)).toBe("$ 1,5 mil");
    expect(formatCompactPesos(-14_199_998)).toBe("-$ 142 mil");
    expect(formatCompactPesos(500_000_000)).toBe("$ 5 M");
    expect(formatCompactPesos(125_000_000_000)).toBe("$ 1.250 M");
  });

  it("formats integers with dot thousands", () => {
    expect(formatInteger(12345)).toBe("12.345");
  });

  it("formats dates in Buenos Aires time as dd/mm/aaaa", () => {
    // 02:30 UTC on the 1st is still the 31st in Buenos Aires (UTC−3).
    expect(formatDate(new Date("2026-01-01T02:30:00Z"))).toBe("31/12/2025");
    expect(formatDateTime(new Date("2026-03-05T13:07:00Z"))).toBe("05/03/2026 10:07");
    // Just after midnight in Buenos Aires: "00:05", not "24:05".
    expect(formatDateTime(new Date("2026-03-05T03:05:00Z"))).toBe("05/03/2026 00:05");
    // dd/mm keeps its zeros, and its day is Buenos Aires' too.
    expect(formatDayMonth(new Date("2026-12-05T02:00:00Z"))).toBe("04/12");
  });

  it("gives today's date in Buenos Aires as ISO", () => {
    // 02:30 UTC on 1 January is still 31 December in Buenos Aires.
    expect(todayIso(new Date("2026-01-01T02:30:00Z"))).toBe("2025-12-31");
    expect(todayIso(new Date("2026-01-01T03:30:00Z"))).toBe("2026-01-01");
  });

  it("says how long ago in Spanish", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const ago = (ms: number) => formatRelative(new Date(now.getTime() - ms), now);
    expect(ago(20_000)).toBe("recién");
    expect(ago(3 * 60_000)).toBe("hace 3 minutos");
    expect(ago(60_000)).toBe("hace 1 minuto");
    expect(ago(2 * 3_600_000)).toBe("hace 2 horas");
    expect(ago(26 * 3_600_000)).toBe("ayer");
  });
});
