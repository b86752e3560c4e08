/**
 * The ledger as Tablero shows it: movements oldest first and the running saldo recomputed in
 * integer centavos, compared with the one TusFacturas sent. Pure and linear apart from the
 * sort, which only runs when the rows did not arrive in order.
 */
import type { MovimientoCuentaCorriente } from "@/lib/tusfacturas/types";
import { parseConcepto, type Comprobante } from "./concepto";

export type LedgerRow = {
  /** ISO "yyyy-mm-dd". */
  fecha: string;
  /** As TusFacturas sent it (cleaned). */
  concepto: string;
  /** `concepto` split into its parts, or null when it does not look like a comprobante. */
  comprobante: Comprobante | null;
  debeCentavos: number;
  haberCentavos: number;
  restaAbonarCentavos: number;
  /** TusFacturas' running saldo, which may be inconsistent. */
  saldoReportadoCentavos: number;
  /** Tablero's running saldo: previous + debe − haber, starting at 0. */
  saldoCentavos: number;
  saldoDifiere: boolean;
  /** Position of the row on the wire (0-based). */
  orden: number;
};

export type Ledger = {
  /** Oldest first; same-day rows keep their wire order. */
  rows: LedgerRow[];
  /** Rows whose reported saldo differs from the recomputed one. */
  mismatches: number;
  /** True when the rows did not arrive sorted by date and had to be reordered. */
  reordered: boolean;
};

export type LedgerSummary = {
  debeCentavos: number;
  haberCentavos: number;
  /** Running saldo after the latest row; 0 when there are no rows. */
  saldoCentavos: number;
  restaAbonarCentavos: number;
  movimientos: number;
};

type Ordered = Pick<MovimientoCuentaCorriente, "fecha" | "orden">;

function compare(a: Ordered, b: Ordered): number {
  if (a.fecha < b.fecha) return -1;
  if (a.fecha > b.fecha) return 1;
  return a.orden - b.orden;
}

function isSorted(movimientos: readonly MovimientoCuentaCorriente[]): boolean {
  let previous: MovimientoCuentaCorriente | undefined;
  for (const movimiento of movimientos) {
    if (previous && compare(previous, movimiento) > 0) return false;
    previous = movimiento;
  }
  return true;
}

/**
 * The ledger built a slice of `slice` rows at a time: pauses (yields) between slices, and
 * returns the ledger. One loop for both ways of running it below.
 */
function* building(
  movimientos: readonly MovimientoCuentaCorriente[],
  slice: number,
): Generator<void, Ledger> {
  const reordered = !isSorted(movimientos);
  const ordered = reordered ? [...movimientos].sort(compare) : movimientos;
  let saldo = 0;
  let mismatches = 0;
  const rows: LedgerRow[] = [];
  for (const movimiento of ordered) {
    if (rows.length > 0 && rows.length % slice === 0) yield;
    saldo += movimiento.debeCentavos - movimiento.haberCentavos;
    const saldoDifiere = movimiento.saldoCentavos !== saldo;
    if (saldoDifiere) mismatches += 1;
    rows.push({
      fecha: movimiento.fecha,
      concepto: movimiento.concepto,
      comprobante: parseConcepto(movimiento.concepto),
      debeCentavos: movimiento.debeCentavos,
      haberCentavos: movimiento.haberCentavos,
      restaAbonarCentavos: movimiento.restaAbonarCentavos,
      saldoReportadoCentavos: movimiento.saldoCentavos,
      saldoCentavos: saldo,
      saldoDifiere,
      orden: movimiento.orden,
    });
  }
  return { rows, mismatches, reordered };
}

/**
 * Sorts the movements by date (stable on `orden` within a day), recomputes the running saldo
 * and flags every row where TusFacturas' saldo disagrees.
 */
export function buildLedger(movimientos: readonly MovimientoCuentaCorriente[]): Ledger {
  const steps = building(movimientos, Infinity);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Rows per slice in the browser: ~50 ms each on a host slowed 4× (Lighthouse's phone). */
const SLICE = 2_000;

/**
 * `buildLedger` in slices, awaiting `pause()` between them: in the browser, reading each row's
 * comprobante for 20 000 movements is one long task otherwise, during which the page answers
 * nothing.
 */
export async function buildLedgerInSlices(
  movimientos: readonly MovimientoCuentaCorriente[],
  pause: () => Promise<void>,
  slice = SLICE,
): Promise<Ledger> {
  const steps = building(movimientos, slice);
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  return step.value;
}

/**
 * Totals of some ledger rows (all of them, or a filtered view in either order). The saldo is
 * the running saldo after the chronologically latest of them.
 */
export function summarize(rows: readonly LedgerRow[]): LedgerSummary {
  let debeCentavos = 0;
  let haberCentavos = 0;
  let restaAbonarCentavos = 0;
  let latest: LedgerRow | undefined;
  for (const row of rows) {
    debeCentavos += row.debeCentavos;
    haberCentavos += row.haberCentavos;
    restaAbonarCentavos += row.restaAbonarCentavos;
    if (!latest || compare(latest, row) < 0) latest = row;
  }
  return {
    debeCentavos,
    haberCentavos,
    saldoCentavos: latest?.saldoCentavos ?? 0,
    restaAbonarCentavos,
    movimientos: rows.length,
  };
}
