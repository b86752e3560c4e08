/**
 * The comprobantes a ledger still owes, as a snapshot stores them for the cartera and the
 * portfolio to weigh against the stored due dates in SQL. Pure.
 */
import type { LedgerRow } from "@/lib/cuenta-corriente/ledger";
import { lookupKeyOf, type ComprobanteKey } from "./refs";

/**
 * One unpaid row: its lookup key (null when it is not a factura or nota de débito), issue date
 * and what is left to pay. Short names: a snapshot of a long ledger holds many.
 */
export type UnpaidComprobante = {
  t: string | null;
  p: number | null;
  n: number | null;
  /** ISO issue date: the due date's stand-in. */
  f: string;
  /** Centavos left to pay. */
  r: number;
};

/** Every row with something left to pay. */
export function unpaidOf(
  rows: readonly Pick<LedgerRow, "fecha" | "restaAbonarCentavos" | "comprobante">[],
): UnpaidComprobante[] {
  return rows
    .filter((row) => row.restaAbonarCentavos > 0)
    .map((row) => {
      const key = lookupKeyOf(row.comprobante);
      return {
        t: key?.tipo ?? null,
        p: key?.puntoVenta ?? null,
        n: key?.numero ?? null,
        f: row.fecha,
        r: row.restaAbonarCentavos,
      };
    });
}

/** The lookup keys among unpaid comprobantes. */
export function lookupKeysOf(unpaid: readonly UnpaidComprobante[]): ComprobanteKey[] {
  return unpaid.flatMap((u) =>
    u.t !== null && u.p !== null && u.n !== null
      ? [{ tipo: u.t, puntoVenta: u.p, numero: u.n }]
      : [],
  );
}
