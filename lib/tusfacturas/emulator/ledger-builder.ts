/**
 * Builds wire-format ledger rows from a list of comprobantes: running `saldo` and what is still
 * unpaid of each debit (payments and credit notes settle the oldest debits first).
 * Used for generated ledgers; the stored fixtures were produced the same way.
 */
import { toWireDate } from "../fecha";

export const DEBIT_TYPES = ["FACTURA A", "FACTURA B", "NOTA DE DEBITO A"] as const;
export const CREDIT_TYPES = ["NOTA DE CREDITO A", "RECIBO X"] as const;
export type ComprobanteTipo = (typeof DEBIT_TYPES)[number] | (typeof CREDIT_TYPES)[number];

export type LedgerEntry = {
  /** ISO "yyyy-mm-dd". */
  fecha: string;
  tipo: ComprobanteTipo;
  numero: number;
  centavos: number;
};

export type WireLedgerRow = {
  fecha: string;
  concepto: string;
  debe: number;
  haber: number;
  resta_abonar_de_este_comprobante: number;
  saldo: number;
};

const isDebit = (tipo: ComprobanteTipo): boolean =>
  (DEBIT_TYPES as readonly string[]).includes(tipo);

/** "FACTURA A 0002-00000001 (NOMBRE)"; `nombre` goes as given (it may be double-encoded). */
export function concepto(
  tipo: ComprobanteTipo,
  puntoVenta: number,
  numero: number,
  nombre: string,
) {
  const pv = String(puntoVenta).padStart(4, "0");
  return `${tipo} ${pv}-${String(numero).padStart(8, "0")} (${nombre})`;
}

/** Rows in the given order; amounts are pesos as JSON numbers (exact decimal text, e.g. 112.1). */
export function buildLedger(entries: LedgerEntry[], puntoVenta: number, nombre: string) {
  const unpaid: number[] = entries.map(() => 0);
  const open: number[] = [];
  let credit = 0;
  let saldo = 0;
  const saldos: number[] = [];

  entries.forEach((entry, index) => {
    if (isDebit(entry.tipo)) {
      saldo += entry.centavos;
      const applied = Math.min(credit, entry.centavos);
      credit -= applied;
      unpaid[index] = entry.centavos - applied;
      if (unpaid[index] > 0) open.push(index);
    } else {
      saldo -= entry.centavos;
      let amount = entry.centavos;
      while (amount > 0 && open.length > 0) {
        const oldest = open[0] ?? 0;
        const applied = Math.min(amount, unpaid[oldest] ?? 0);
        unpaid[oldest] = (unpaid[oldest] ?? 0) - applied;
        amount -= applied;
        if (unpaid[oldest] === 0) open.shift();
      }
      credit += amount;
    }
    saldos.push(saldo);
  });

  return entries.map((entry, index): WireLedgerRow => ({
    fecha: toWireDate(entry.fecha),
    concepto: concepto(entry.tipo, puntoVenta, entry.numero, nombre),
    debe: isDebit(entry.tipo) ? entry.centavos / 100 : 0,
    haber: isDebit(entry.tipo) ? 0 : entry.centavos / 100,
    resta_abonar_de_este_comprobante: (unpaid[index] ?? 0) / 100,
    saldo: (saldos[index] ?? 0) / 100,
  }));
}
