import { describe, expect, it } from "vitest";
import { createPrng } from "@/lib/tusfacturas/emulator/prng";
import { formatCompactPesos } from "./cuenta-corriente/amount-text";
import {
  formatCentavos,
  formatDate,
  formatDayMonth,
  formatDateTime,
  formatInteger,
  todayIso,
} from "./format";
import { formatRelative } from "./relative-time";

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

  it("chooses the unit after rounding, and counts days on Buenos Aires' calendar", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const ago = (ms: number) => formatRelative(new Date(now.getTime() - ms), now);
    expect(ago(59 * 60_000 + 29_000)).toBe("hace 59 minutos");
    expect(ago(59 * 60_000 + 40_000)).toBe("hace 1 hora");
    expect(ago(23 * 3_600_000 + 29 * 60_000)).toBe("hace 23 horas");
    expect(ago(23 * 3_600_000 + 40 * 60_000)).toBe("ayer");
    // 23:00 on the 19th, read at 05:00 on the 21st: 30 hours, two calendar days.
    const at = (iso: string) => new Date(`${iso}-03:00`);
    expect(formatRelative(at("2026-11-19T23:00:00"), at("2026-11-21T05:00:00"))).toBe("anteayer");
    expect(formatRelative(at("2026-11-21T05:00:00"), at("2026-11-19T23:00:00"))).toBe(
      "pasado mañana",
    );
    // Nearly a day apart on the same day: hours.
    expect(formatRelative(at("2026-11-21T00:10:00"), at("2026-11-21T23:50:00"))).toBe(
      "hace 24 horas",
    );
  });
});

// Tablero spells numbers, axis labels and relative times itself (so a browser builds no Intl
// object for them: lib/format.ts, lib/relative-time.ts, lib/cuenta-corriente/amount-text.ts);
// these compare every spelling with Intl's own for es-AR.
describe("the same words as Intl", () => {
  const money = new Intl.NumberFormat("es-AR", { style: "currency", currency: "ARS" });
  const integer = new Intl.NumberFormat("es-AR");
  const one = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 1 });
  const relative = new Intl.RelativeTimeFormat("es-AR", { numeric: "auto" });
  const random = createPrng(20261130);
  const samples = [
    0,
    1,
    9,
    10,
    99,
    100,
    101,
    999,
    1000,
    1001,
    99_999,
    100_000,
    123_456_789,
    2 ** 40,
    ...Array.from({ length: 400 }, () => Math.floor(random() * 10 ** Math.ceil(random() * 12))),
  ];

  it("formats centavos as Intl's ARS currency", () => {
    for (const n of samples) {
      expect(formatCentavos(n)).toBe(money.format(n / 100));
      if (n > 0) expect(formatCentavos(-n)).toBe(money.format(-n / 100));
    }
  });

  it("formats integers as Intl does", () => {
    for (const n of samples) {
      expect(formatInteger(n)).toBe(integer.format(n));
      if (n > 0) expect(formatInteger(-n)).toBe(integer.format(-n));
    }
    // Where Tablero parts from Intl on purpose: no "-0".
    expect(formatInteger(-0)).toBe("0");
    expect(formatCentavos(-0)).toBe(`$${NBSP}0,00`);
    // Anything but a safe integer is Intl's.
    expect(formatInteger(1234.5)).toBe("1.234,5");
  });

  it("shortens axis labels with Intl's decimals", () => {
    for (const n of samples) {
      const pesos = n / 100;
      const [scaled, unit] =
        pesos >= 1e6 ? [pesos / 1e6, " M"] : pesos >= 1e3 ? [pesos / 1e3, " mil"] : [pesos, ""];
      expect(formatCompactPesos(n)).toBe(`$ ${one.format(scaled)}${unit}`);
    }
  });

  it("says how long ago or how long until as Intl does", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const units = [
      [60, "minute", 1, 59],
      [3600, "hour", 1, 23],
      [86_400, "day", 1, 1500],
    ] as const;
    for (const [seconds, unit, from, to] of units) {
      for (let amount = from; amount <= to; amount++) {
        for (const sign of [-1, 1]) {
          const at = new Date(now.getTime() + sign * amount * seconds * 1000);
          expect(formatRelative(at, now)).toBe(relative.format(sign * amount, unit));
        }
      }
    }
  });
});
