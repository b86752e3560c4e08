import { describe, expect, it } from "vitest";
import { filterLedger, ledgerFiltersToSearch, parseLedgerFilters } from "./filters";
import { ledgerRow } from "@/lib/testing/ledger-rows";

describe("parseLedgerFilters", () => {
  it("reads valid values from a Next.js searchParams object", () => {
    expect(
      parseLedgerFilters({
        desde: "2025-01-01",
        hasta: "2025-12-31",
        q: "  recibo  x ",
        orden: "desc",
      }),
    ).toEqual({ desde: "2025-01-01", hasta: "2025-12-31", q: "recibo x", orden: "desc" });
  });

  it("reads URLSearchParams, taking the first of repeated values", () => {
    const params = new URLSearchParams("desde=2025-02-01&desde=2025-03-01&q=nota&orden=asc");
    expect(parseLedgerFilters(params)).toEqual({ desde: "2025-02-01", q: "nota", orden: "asc" });
    expect(parseLedgerFilters({ q: ["uno", "dos"] })).toEqual({ q: "uno", orden: "asc" });
  });

  it("ignores invalid values instead of failing", () => {
    expect(
      parseLedgerFilters({
        desde: "2025-02-30",
        hasta: "31/12/2025",
        q: "   ",
        orden: "sideways",
        extra: "x",
      }),
    ).toEqual({ orden: "asc" });
    expect(parseLedgerFilters({})).toEqual({ orden: "asc" });
    expect(parseLedgerFilters({ desde: "2024-02-29" })).toEqual({
      desde: "2024-02-29",
      orden: "asc",
    });
  });

  it("cuts the search text at 100 characters", () => {
    expect(parseLedgerFilters({ q: "á".repeat(150) }).q).toBe("á".repeat(100));
  });
});

describe("ledgerFiltersToSearch", () => {
  it("writes only the values that are not the default", () => {
    expect(ledgerFiltersToSearch({ orden: "asc" })).toBe("");
    expect(ledgerFiltersToSearch({})).toBe("");
    expect(
      ledgerFiltersToSearch({
        desde: "2025-01-01",
        hasta: "2025-06-30",
        q: "nota de crédito",
        orden: "desc",
      }),
    ).toBe("?desde=2025-01-01&hasta=2025-06-30&q=nota+de+cr%C3%A9dito&orden=desc");
  });

  it("round-trips through parseLedgerFilters and drops invalid values", () => {
    const filters = { desde: "2025-01-01", q: "a&b=c", orden: "desc" } as const;
    expect(parseLedgerFilters(new URLSearchParams(ledgerFiltersToSearch(filters)))).toEqual(
      filters,
    );
    expect(ledgerFiltersToSearch({ desde: "ayer", q: " " })).toBe("");
  });
});

describe("filterLedger", () => {
  const rows = [
    ledgerRow({
      fecha: "2025-01-31",
      concepto: "FACTURA A 0002-00000001 (PÉREZ)",
      debeCentavos: 123456,
      saldoCentavos: 123456,
      orden: 0,
    }),
    ledgerRow({
      fecha: "2025-02-01",
      concepto: "NOTA DE CRÉDITO A 0002-00000002 (PÉREZ)",
      haberCentavos: 1050,
      saldoCentavos: 122406,
      orden: 1,
    }),
    ledgerRow({
      fecha: "2025-02-28",
      concepto: "RECIBO X 0002-00000003 (PÉREZ)",
      haberCentavos: 22406,
      saldoCentavos: 100000,
      orden: 2,
    }),
    ledgerRow({
      fecha: "2025-03-01",
      concepto: "Ajuste manual",
      debeCentavos: 5,
      saldoCentavos: 100005,
      orden: 3,
    }),
  ];
  const ordenes = (filtered: typeof rows) => filtered.map((r) => r.orden);

  it("keeps everything, in order, with default filters", () => {
    expect(ordenes(filterLedger(rows, { orden: "asc" }))).toEqual([0, 1, 2, 3]);
  });

  it("includes both ends of the date range", () => {
    expect(
      ordenes(filterLedger(rows, { desde: "2025-02-01", hasta: "2025-02-28", orden: "asc" })),
    ).toEqual([1, 2]);
    expect(ordenes(filterLedger(rows, { desde: "2025-03-01", orden: "asc" }))).toEqual([3]);
    expect(ordenes(filterLedger(rows, { hasta: "2025-01-31", orden: "asc" }))).toEqual([0]);
  });

  it.each([
    ["credito", [1]],
    ["NOTA DE CRÉDITO", [1]],
    ["perez", [0, 1, 2]],
    ["Recibo X 0002-00000003", [2]],
    ["ajuste", [3]],
    ["1.234,56", [0]],
    ["1234,56", [0]],
    ["10,50", [1]],
    ["1.000,00", [2]],
    ["1.000,0", [2, 3]],
    // As the table shows them (copied from it, with its no-break space), sign included.
    ["$ 1.234,56", [0]],
    ["$\u00a01.234,56", [0]],
    ["$1234,56", [0]],
    ["no existe", []],
  ])("finds %j in concepto, comprobante or amounts", (q, expected) => {
    expect(ordenes(filterLedger(rows, { q, orden: "asc" }))).toEqual(expected);
  });

  it("lists newest first for desc without changing the input", () => {
    expect(ordenes(filterLedger(rows, { q: "pérez", orden: "desc" }))).toEqual([2, 1, 0]);
    expect(ordenes(rows)).toEqual([0, 1, 2, 3]);
  });
});
