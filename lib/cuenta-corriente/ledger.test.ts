import { describe, expect, it } from "vitest";
import { toMovimiento } from "@/lib/tusfacturas/transform";
import { buildLedger, buildLedgerInSlices, summarize } from "./ledger";
import { ledgerRow, movimiento } from "@/lib/testing/ledger-rows";

const wire = (fecha: string, debe: number, haber: number, resta: number, saldo: number) => ({
  fecha,
  concepto: "FACTURA A 0002-00000001 (CUIT DE PRUEBA)",
  debe,
  haber,
  resta_abonar_de_este_comprobante: resta,
  saldo,
});

describe("buildLedger", () => {
  it("recomputes the saldo in exact centavos (112.1 + 112.1 = 224.2, 0.1 + 0.2 = 0.3)", () => {
    const movimientos = [
      wire("11/05/2017", 112.1, 0, 112.1, 112.1),
      wire("11/05/2017", 112.1, 0, 112.1, 224.2),
      wire("12/05/2017", 0.1, 0, 0.1, 224.3),
      wire("12/05/2017", 0.2, 0, 0.2, 224.5),
      wire("13/05/2017", 0, 224.2, 0, 0.3),
    ].map(toMovimiento);
    const ledger = buildLedger(movimientos);
    expect(ledger.rows.map((r) => r.saldoCentavos)).toEqual([11210, 22420, 22430, 22450, 30]);
    expect(ledger.mismatches).toBe(0);
    expect(ledger.reordered).toBe(false);
    expect(ledger.rows[0]?.comprobante?.label).toBe("Factura A 0002-00000001");
  });

  it("marks every row whose reported saldo differs and counts them", () => {
    const ledger = buildLedger([
      movimiento({ fecha: "2025-01-01", debeCentavos: 1000, saldoCentavos: 1000, orden: 0 }),
      movimiento({ fecha: "2025-01-02", debeCentavos: 500, saldoCentavos: 1499, orden: 1 }),
      movimiento({ fecha: "2025-01-03", haberCentavos: 1500, saldoCentavos: 0, orden: 2 }),
      movimiento({ fecha: "2025-01-04", haberCentavos: 100, saldoCentavos: 0, orden: 3 }),
    ]);
    expect(
      ledger.rows.map((r) => [r.saldoCentavos, r.saldoReportadoCentavos, r.saldoDifiere]),
    ).toEqual([
      [1000, 1000, false],
      [1500, 1499, true],
      [0, 0, false],
      [-100, 0, true],
    ]);
    expect(ledger.mismatches).toBe(2);
  });

  it("sorts unsorted rows by date, keeping the wire order within a day", () => {
    const ledger = buildLedger([
      movimiento({ fecha: "2025-03-05", debeCentavos: 1, orden: 0 }),
      movimiento({ fecha: "2025-03-01", debeCentavos: 2, orden: 1 }),
      movimiento({ fecha: "2025-03-05", debeCentavos: 3, orden: 2 }),
      movimiento({ fecha: "2025-03-01", debeCentavos: 4, orden: 3 }),
      movimiento({ fecha: "2025-02-28", debeCentavos: 5, orden: 4 }),
    ]);
    expect(ledger.reordered).toBe(true);
    expect(ledger.rows.map((r) => r.orden)).toEqual([4, 1, 3, 0, 2]);
    expect(ledger.rows.map((r) => r.saldoCentavos)).toEqual([5, 7, 11, 12, 15]);
  });

  it("puts same-day rows back in wire order when they came shuffled", () => {
    const ledger = buildLedger([
      movimiento({ fecha: "2025-03-01", orden: 1 }),
      movimiento({ fecha: "2025-03-01", orden: 0 }),
    ]);
    expect(ledger.reordered).toBe(true);
    expect(ledger.rows.map((r) => r.orden)).toEqual([0, 1]);
  });

  it("does not touch the input array", () => {
    const input = [
      movimiento({ fecha: "2025-03-02", orden: 0 }),
      movimiento({ fecha: "2025-03-01", orden: 1 }),
    ];
    buildLedger(input);
    expect(input.map((m) => m.orden)).toEqual([0, 1]);
  });

  it("keeps a concepto that is not a comprobante, with no comprobante", () => {
    const [row] = buildLedger([
      movimiento({ fecha: "2025-03-01", concepto: "Saldo inicial" }),
    ]).rows;
    expect(row).toMatchObject({ concepto: "Saldo inicial", comprobante: null });
  });

  it("handles an empty ledger", () => {
    expect(buildLedger([])).toEqual({ rows: [], mismatches: 0, reordered: false });
  });
});

describe("buildLedgerInSlices", () => {
  // Shuffled days, a saldo TusFacturas got wrong and conceptos of either kind.
  const movimientos = Array.from({ length: 25 }, (_, i) =>
    movimiento({
      fecha: `2025-01-${String(1 + ((i * 7) % 25)).padStart(2, "0")}`,
      concepto: i % 3 ? `FACTURA A 0002-${String(i).padStart(8, "0")} (CLIENTE)` : "AJUSTE",
      debeCentavos: 1000 + i,
      haberCentavos: i % 4 ? 0 : 700,
      saldoCentavos: i === 10 ? 1 : 0,
      orden: i,
    }),
  );

  it("builds the same ledger as buildLedger, pausing between slices", async () => {
    let pauses = 0;
    const ledger = await buildLedgerInSlices(movimientos, async () => void (pauses += 1), 10);
    expect(ledger).toEqual(buildLedger(movimientos));
    expect(ledger.reordered).toBe(true);
    // 25 rows in slices of 10: 3 slices, with a pause before each of the last two.
    expect(pauses).toBe(2);
  });

  it("does not pause for a ledger within one slice, nor for an empty one", async () => {
    let pauses = 0;
    const pause = async () => void (pauses += 1);
    expect(await buildLedgerInSlices(movimientos, pause, 25)).toEqual(buildLedger(movimientos));
    expect(await buildLedgerInSlices([], pause)).toEqual(buildLedger([]));
    expect(pauses).toBe(0);
  });
});

describe("summarize", () => {
  const rows = [
    ledgerRow({
      fecha: "2025-01-01",
      debeCentavos: 10000,
      restaAbonarCentavos: 2500,
      saldoCentavos: 10000,
      orden: 0,
    }),
    ledgerRow({ fecha: "2025-01-02", haberCentavos: 7500, saldoCentavos: 2500, orden: 1 }),
    ledgerRow({
      fecha: "2025-01-02",
      debeCentavos: 1,
      restaAbonarCentavos: 1,
      saldoCentavos: 2501,
      orden: 2,
    }),
  ];
  const expected = {
    debeCentavos: 10001,
    haberCentavos: 7500,
    saldoCentavos: 2501,
    restaAbonarCentavos: 2501,
    movimientos: 3,
  };

  it("adds the columns and takes the saldo after the latest row", () => {
    expect(summarize(rows)).toEqual(expected);
  });

  it("gives the same totals for a view sorted newest first", () => {
    expect(summarize([...rows].reverse())).toEqual(expected);
  });

  it("is all zeros for no rows", () => {
    expect(summarize([])).toEqual({
      debeCentavos: 0,
      haberCentavos: 0,
      saldoCentavos: 0,
      restaAbonarCentavos: 0,
      movimientos: 0,
    });
  });
});
