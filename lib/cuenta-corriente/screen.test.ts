import { describe, expect, it } from "vitest";
import { generateLedger } from "@/lib/tusfacturas/emulator/generated-ledger";
import { toMovimiento } from "@/lib/tusfacturas/transform";
import { agingOf } from "./aging";
import type { LedgerFilters } from "./filters";
import { buildLedger, summarize } from "./ledger";
import {
  FIRST_SCREEN_ROWS,
  firstScreen,
  ledgerScreen,
  packFirstScreen,
  unpackFirstScreen,
} from "./screen";
import { monthlyTotals } from "./series";
import { movimiento } from "@/lib/testing/ledger-rows";

const TODAY = "2026-11-20";

const large = buildLedger(
  generateLedger({
    seed: 435239840,
    movimientos: 20_000,
    desde: "2016-01-04",
    puntoVenta: 2,
    nombre: "DISTRIBUIDORA MAYORISTA DEL SUR S.A.",
  }).map(toMovimiento),
);

// Out of order on the wire, one saldo TusFacturas got wrong.
const small = buildLedger([
  movimiento({ fecha: "2025-03-01", debeCentavos: 500, saldoCentavos: 1500, orden: 0 }),
  movimiento({ fecha: "2025-01-10", debeCentavos: 1000, saldoCentavos: 1000, orden: 1 }),
  movimiento({
    fecha: "2025-02-05",
    concepto: "RECIBO X 0002-00000001 (CLIENTE)",
    haberCentavos: 400,
    saldoCentavos: 999,
    orden: 2,
  }),
]);

describe("ledgerScreen", () => {
  it("filters oldest first, then orders the table as asked", () => {
    const screen = ledgerScreen(small, { orden: "desc", desde: "2025-02-01" }, TODAY);
    expect(screen.period.map((r) => r.fecha)).toEqual(["2025-02-05", "2025-03-01"]);
    expect(screen.shown.map((r) => r.fecha)).toEqual(["2025-03-01", "2025-02-05"]);
    expect(screen.summary).toEqual(summarize(screen.period));
    expect(screen.aging).toEqual(agingOf(screen.period, TODAY));
    expect(screen.monthly).toEqual(monthlyTotals(screen.period));
    expect(screen.series.map((p) => [p.row, p.saldoCentavos])).toEqual([
      [0, 600],
      [1, 1100],
    ]);
    // Ledger-wide facts do not depend on the filters.
    expect(screen).toMatchObject({ movimientos: 3, mismatches: 2, reordered: true });
  });
});

describe("firstScreen", () => {
  const cases: LedgerFilters[] = [
    { orden: "asc" },
    { orden: "desc" },
    { orden: "desc", desde: "2020-01-01", hasta: "2021-06-30" },
    { orden: "asc", q: "recibo" },
    { orden: "asc", q: "nada coincide con esto" },
  ];

  it.each(cases)("has the whole screen's figures and its first rows (%o)", (filters) => {
    const whole = ledgerScreen(large, filters, TODAY);
    const first = firstScreen(large, filters, TODAY);
    const { period: _period, shown, ...figures } = whole;
    expect(first).toEqual({ ...figures, rows: shown.slice(0, FIRST_SCREEN_ROWS) });
    expect(first.rows.length).toBe(Math.min(FIRST_SCREEN_ROWS, whole.shown.length));
    expect(first.summary.movimientos).toBe(whole.shown.length);
  });

  it("stays small whatever the ledger's length", () => {
    const bytes = JSON.stringify(firstScreen(large, { orden: "asc" }, TODAY)).length;
    expect(large.rows).toHaveLength(20_000);
    expect(bytes).toBeLessThan(120_000);
  });

  it("travels with its series by column, a third of the series' bytes, and unpacks exactly", () => {
    const first = firstScreen(large, { orden: "asc" }, TODAY);
    const packed = packFirstScreen(first);
    const sent: typeof packed = JSON.parse(JSON.stringify(packed));
    expect(unpackFirstScreen(sent)).toEqual(first);
    expect(sent.series.dia.length).toBe(first.series.length);
    expect(JSON.stringify(sent.series).length).toBeLessThan(
      JSON.stringify(first.series).length / 2.5,
    );
  });

  it("sends the rows asked for, newest first when so ordered", () => {
    const first = firstScreen(small, { orden: "desc" }, TODAY, 2);
    expect(first.rows.map((r) => r.orden)).toEqual([0, 2]);
    expect(first.summary.movimientos).toBe(3);
  });
});
