/**
 * What is still unpaid by how long past its due date it is. The due date is the one TusFacturas
 * gave for the comprobante; where it gave none (or it has not been looked up yet) the issue date
 * stands in, and the result counts those so the screen can say so. Pure and linear.
 */
import type { LedgerRow } from "@/lib/cuenta-corriente/ledger";
import { isIsoDate, isoToEpochDay } from "@/lib/cuenta-corriente/iso-date";
import { vencimientoOf, type VencimientosByKey } from "./refs";

export type DueBucketKey = "a-vencer" | "1-30" | "31-60" | "61-90" | "90+";

export type DueBucket = {
  key: DueBucketKey;
  label: string;
  centavos: number;
  comprobantes: number;
};

export type DueAging = {
  /** Always the five buckets, «A vencer» first, empty ones included. */
  buckets: DueBucket[];
  totalCentavos: number;
  /** Everything past its due date (every bucket but «A vencer»). */
  vencidoCentavos: number;
  /** Unpaid comprobantes aged from their issue date, for want of a due date. */
  sinVencimiento: number;
};

/** The buckets with the most days past due each one holds (inclusive). */
export const DUE_BUCKETS: readonly { key: DueBucketKey; label: string; maxDays: number }[] = [
  { key: "a-vencer", label: "A vencer", maxDays: 0 },
  { key: "1-30", label: "Vencido 1–30 días", maxDays: 30 },
  { key: "31-60", label: "Vencido 31–60 días", maxDays: 60 },
  { key: "61-90", label: "Vencido 61–90 días", maxDays: 90 },
  { key: "90+", label: "Vencido más de 90 días", maxDays: Number.POSITIVE_INFINITY },
];

/**
 * Unpaid amounts (`restaAbonarCentavos` > 0, partly paid ones by what is left) by days past
 * due on `today` ("yyyy-mm-dd"): due today is not yet overdue.
 */
export function dueAgingOf(
  rows: readonly Pick<LedgerRow, "fecha" | "restaAbonarCentavos" | "comprobante">[],
  byKey: VencimientosByKey,
  today: string,
): DueAging {
  if (!isIsoDate(today)) throw new RangeError(`Fecha inválida: ${today}`);
  const todayDay = isoToEpochDay(today);
  const buckets = DUE_BUCKETS.map(({ key, label }): DueBucket => ({
    key,
    label,
    centavos: 0,
    comprobantes: 0,
  }));
  let totalCentavos = 0;
  let sinVencimiento = 0;
  for (const row of rows) {
    if (row.restaAbonarCentavos <= 0) continue;
    const vence = vencimientoOf(row.comprobante, byKey)?.vence ?? null;
    if (vence === null) sinVencimiento += 1;
    const late = todayDay - isoToEpochDay(vence ?? row.fecha);
    const bucket = buckets[DUE_BUCKETS.findIndex((b) => late <= b.maxDays)];
    if (!bucket) continue;
    bucket.centavos += row.restaAbonarCentavos;
    bucket.comprobantes += 1;
    totalCentavos += row.restaAbonarCentavos;
  }
  const aVencer = buckets[0]?.centavos ?? 0;
  return { buckets, totalCentavos, vencidoCentavos: totalCentavos - aVencer, sinVencimiento };
}
