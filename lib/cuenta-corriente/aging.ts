/**
 * Aging of what is still unpaid. TusFacturas gives no due date, so a comprobante ages from its
 * own date. Pure and linear.
 */
import { isIsoDate, isoToEpochDay } from "./iso-date";
import type { LedgerRow } from "./ledger";

export type AgingBucketKey = "0-30" | "31-60" | "61-90" | "90+";

export type AgingBucket = {
  key: AgingBucketKey;
  label: string;
  centavos: number;
  comprobantes: number;
};

export type Aging = {
  /** Always the four buckets, youngest first, empty ones included. */
  buckets: AgingBucket[];
  totalCentavos: number;
  /** Date of the oldest comprobante with something unpaid, or null when nothing is owed. */
  oldestUnpaidFecha: string | null;
};

/** The buckets with the oldest age (in days, inclusive) each one holds. */
export const AGING_BUCKETS: readonly { key: AgingBucketKey; label: string; maxDays: number }[] = [
  { key: "0-30", label: "Al día (0–30 días)", maxDays: 30 },
  { key: "31-60", label: "31–60 días", maxDays: 60 },
  { key: "61-90", label: "61–90 días", maxDays: 90 },
  { key: "90+", label: "Más de 90 días", maxDays: Number.POSITIVE_INFINITY },
];

/** Calendar days from `fecha` to `today` (both ISO); dates in the future count as 0. */
export function ageInDays(fecha: string, today: string): number {
  return Math.max(0, isoToEpochDay(today) - isoToEpochDay(fecha));
}

/**
 * Unpaid amounts (`restaAbonarCentavos` > 0) by age on `today` ("yyyy-mm-dd"). Accepts ledger
 * rows or raw movements, which carry the same two fields.
 */
export function agingOf(
  rows: readonly Pick<LedgerRow, "fecha" | "restaAbonarCentavos">[],
  today: string,
): Aging {
  if (!isIsoDate(today)) throw new RangeError(`Fecha inválida: ${today}`);
  const todayDay = isoToEpochDay(today);
  const buckets = AGING_BUCKETS.map(({ key, label }): AgingBucket => ({
    key,
    label,
    centavos: 0,
    comprobantes: 0,
  }));
  let totalCentavos = 0;
  let oldestUnpaidFecha: string | null = null;
  for (const row of rows) {
    if (row.restaAbonarCentavos <= 0) continue;
    const age = Math.max(0, todayDay - isoToEpochDay(row.fecha));
    const index = AGING_BUCKETS.findIndex((bucket) => age <= bucket.maxDays);
    const bucket = buckets[index];
    if (!bucket) continue;
    bucket.centavos += row.restaAbonarCentavos;
    bucket.comprobantes += 1;
    totalCentavos += row.restaAbonarCentavos;
    if (oldestUnpaidFecha === null || row.fecha < oldestUnpaidFecha) oldestUnpaidFecha = row.fecha;
  }
  return { buckets, totalCentavos, oldestUnpaidFecha };
}
