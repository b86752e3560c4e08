/**
 * Ledger arithmetic for tests: does each running `saldo` equal the cumulative debe − haber?
 */
import { toCentavos } from "@/lib/tusfacturas/centavos";
import type { MovimientoCuentaCorriente } from "@/lib/tusfacturas/types";

type Amounts = Pick<
  MovimientoCuentaCorriente,
  "debeCentavos" | "haberCentavos" | "saldoCentavos" | "restaAbonarCentavos"
>;

/** Wire rows (pesos) to centavo amounts. */
export function wireRowsToAmounts(
  rows: { debe: number; haber: number; saldo: number; resta_abonar_de_este_comprobante: number }[],
): Amounts[] {
  return rows.map((row) => ({
    debeCentavos: toCentavos(row.debe),
    haberCentavos: toCentavos(row.haber),
    saldoCentavos: toCentavos(row.saldo),
    restaAbonarCentavos: toCentavos(row.resta_abonar_de_este_comprobante),
  }));
}

/** Index of the first row whose saldo differs from the running sum, or -1. */
export function firstSaldoMismatch(rows: Amounts[]): number {
  let saldo = 0;
  for (const [index, row] of rows.entries()) {
    saldo += row.debeCentavos - row.haberCentavos;
    if (row.saldoCentavos !== saldo) return index;
  }
  return -1;
}

/** Final saldo and total still unpaid, in centavos. */
export function ledgerTotals(rows: Amounts[]): { saldo: number; restaAbonar: number } {
  return {
    saldo: rows.reduce((sum, r) => sum + r.debeCentavos - r.haberCentavos, 0),
    restaAbonar: rows.reduce((sum, r) => sum + r.restaAbonarCentavos, 0),
  };
}
