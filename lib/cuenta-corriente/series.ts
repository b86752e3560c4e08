/**
 * Plain series for the charts: the running saldo (downsampled for long ledgers) and debe vs
 * haber per month. Pure and linear.
 */
import { DAY_MS, isoToUtcMs } from "./iso-date";
import type { LedgerRow } from "./ledger";

export type SaldoPoint = {
  /** Epoch milliseconds of the movement's date (UTC midnight). */
  x: number;
  saldoCentavos: number;
  /** Index of the movement in the rows the series was built from (for the tooltip). */
  row: number;
};

/**
 * A saldo series by column, with dates as days since 1970-01-01: how the server sends the first
 * screen's series to the browser, a third of the bytes of one object per point.
 */
export type PackedSeries = { dia: number[]; saldoCentavos: number[]; row: number[] };

export function packSeries(points: readonly SaldoPoint[]): PackedSeries {
  return {
    dia: points.map((point) => point.x / DAY_MS),
    saldoCentavos: points.map((point) => point.saldoCentavos),
    row: points.map((point) => point.row),
  };
}

/** The points `packSeries` was given, exactly. */
export function unpackSeries({ dia, saldoCentavos, row }: PackedSeries): SaldoPoint[] {
  return dia.map((days, i) => ({
    x: days * DAY_MS,
    saldoCentavos: saldoCentavos[i]!,
    row: row[i]!,
  }));
}

export type MonthlyTotal = {
  /** "2025-03". */
  month: string;
  /** "mar 2025". */
  label: string;
  debeCentavos: number;
  haberCentavos: number;
};

const MONTHS = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"];

/** One point per row, in the rows' order, with the recomputed running saldo. */
export function saldoSeries(
  rows: readonly Pick<LedgerRow, "fecha" | "saldoCentavos">[],
): SaldoPoint[] {
  return rows.map((row, index) => ({
    x: isoToUtcMs(row.fecha),
    saldoCentavos: row.saldoCentavos,
    row: index,
  }));
}

/** Index of the point with the largest (`sign` 1) or smallest (`sign` -1) saldo. */
function extremeIndex(points: readonly SaldoPoint[], sign: 1 | -1): number {
  let best = 0;
  points.forEach((point, index) => {
    const current = points[best]?.saldoCentavos ?? 0;
    if (sign * (point.saldoCentavos - current) > 0) best = index;
  });
  return best;
}

/** Largest-Triangle-Three-Buckets: indices of the kept points, first and last included. */
function lttb(points: readonly SaldoPoint[], threshold: number): number[] {
  const n = points.length;
  const every = (n - 2) / (threshold - 2);
  const kept = [0];
  let a = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    // Average of the next bucket: the third corner of the triangle.
    const nextStart = Math.floor((bucket + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      avgX += points[i]?.x ?? 0;
      avgY += points[i]?.saldoCentavos ?? 0;
    }
    const count = Math.max(1, nextEnd - nextStart);
    avgX /= count;
    avgY /= count;

    const ax = points[a]?.x ?? 0;
    const ay = points[a]?.saldoCentavos ?? 0;
    const start = Math.floor(bucket * every) + 1;
    const end = Math.floor((bucket + 1) * every) + 1;
    let maxArea = -1;
    let chosen = start;
    for (let i = start; i < end; i++) {
      const point = points[i];
      if (!point) continue;
      const area = Math.abs(
        (ax - avgX) * (point.saldoCentavos - ay) - (ax - point.x) * (avgY - ay),
      );
      if (area > maxArea) {
        maxArea = area;
        chosen = i;
      }
    }
    kept.push(chosen);
    a = chosen;
  }
  kept.push(n - 1);
  return kept;
}

/** Adds `index` to the sorted `kept` list unless a kept point already has the same saldo. */
function ensureKept(kept: number[], points: readonly SaldoPoint[], index: number): void {
  const saldo = points[index]?.saldoCentavos;
  if (kept.some((i) => points[i]?.saldoCentavos === saldo)) return;
  const at = kept.findIndex((i) => i > index);
  kept.splice(at === -1 ? kept.length : at, 0, index);
}

/**
 * Downsamples a saldo series with Largest-Triangle-Three-Buckets to `threshold` points (at
 * least 3), keeping the first and last points and the highest and lowest saldo exactly, in the
 * input's order; so at most `threshold + 2` points. Returns the input when it is short enough.
 */
export function downsample(points: readonly SaldoPoint[], threshold = 1000): SaldoPoint[] {
  if (!Number.isInteger(threshold) || threshold < 3) {
    throw new RangeError("El umbral de puntos debe ser un entero mayor o igual a 3.");
  }
  if (points.length <= threshold) return [...points];
  const kept = lttb(points, threshold);
  ensureKept(kept, points, extremeIndex(points, 1));
  ensureKept(kept, points, extremeIndex(points, -1));
  return kept.flatMap((index) => {
    const point = points[index];
    return point ? [point] : [];
  });
}

/**
 * Debe and haber per calendar month, oldest first, from the first to the last month with
 * movements; months in between without movements appear with zeros so a chart's time axis
 * stays even.
 */
export function monthlyTotals(
  rows: readonly Pick<LedgerRow, "fecha" | "debeCentavos" | "haberCentavos">[],
): MonthlyTotal[] {
  const byMonth = new Map<number, { debe: number; haber: number }>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    // Months counted from year 0 so consecutive months are consecutive integers.
    const month = Number(row.fecha.slice(0, 4)) * 12 + Number(row.fecha.slice(5, 7)) - 1;
    const totals = byMonth.get(month) ?? { debe: 0, haber: 0 };
    totals.debe += row.debeCentavos;
    totals.haber += row.haberCentavos;
    byMonth.set(month, totals);
    first = Math.min(first, month);
    last = Math.max(last, month);
  }
  const result: MonthlyTotal[] = [];
  for (let month = first; month <= last; month++) {
    const year = Math.floor(month / 12);
    const index = month % 12;
    const totals = byMonth.get(month);
    result.push({
      month: `${year}-${String(index + 1).padStart(2, "0")}`,
      label: `${MONTHS[index] ?? ""} ${year}`,
      debeCentavos: totals?.debe ?? 0,
      haberCentavos: totals?.haber ?? 0,
    });
  }
  return result;
}
