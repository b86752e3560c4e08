/**
 * Where the saldo chart draws what, as fractions of its plotting box: the step line, the axes'
 * ticks and the point under the pointer. Pure, so the same chart renders on the server (in the
 * page's HTML, before any script) and in the browser.
 */
import { DAY_MS } from "./iso-date";
import type { SaldoPoint } from "./series";

/** The path's coordinates run over this box; the SVG stretches it to the plotting area. */
export const PLOT_WIDTH = 10_000;
export const PLOT_HEIGHT = 1_000;

/** A tick at `value` (epoch ms or centavos), `at` from 0 (left or bottom) to 1. */
export type Tick = { value: number; at: number };

export type SaldoGeometry = {
  /** The running saldo as a step line (each saldo holds until the next movement). */
  path: string;
  xTicks: Tick[];
  yTicks: Tick[];
};

/** 1, 2, 2,5 or 5 times a power of ten: the smallest of those at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 2.5, 5, 10].find((f) => f * power >= raw * (1 - 1e-12)) ?? 10;
  return factor * power;
}

/**
 * About `count` round ticks covering `low`–`high` and zero: the first at or below both, the
 * last at or above both, evenly spaced by a round step.
 */
export function niceTicks(low: number, high: number, count = 5): number[] {
  const from = Math.min(0, low);
  const to = Math.max(0, high);
  if (from === to) return [0, 1];
  const step = niceStep((to - from) / (count - 1));
  const first = Math.floor(from / step);
  const last = Math.ceil(to / step);
  return Array.from({ length: last - first + 1 }, (_, i) => (first + i) * step);
}

/**
 * Where date `x` falls on the chart's date axis, from 0 (the first movement's date) to 1 (the
 * last's); 0 when every movement is of the same day.
 */
export function dateFraction(points: readonly SaldoPoint[], x: number): number {
  const first = points[0];
  const last = points.at(-1);
  return first && last && last.x > first.x ? (x - first.x) / (last.x - first.x) : 0;
}

/** The chart's geometry for a series in date order (as `saldoSeries` builds it). */
export function saldoGeometry(points: readonly SaldoPoint[]): SaldoGeometry {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return { path: "", xTicks: [], yTicks: [] };
  const saldos = points.map((point) => point.saldoCentavos);
  const values = niceTicks(Math.min(...saldos), Math.max(...saldos));
  const bottom = values[0]!;
  const top = values.at(-1)!;
  const span = last.x - first.x;
  const xAt = (x: number) => dateFraction(points, x);
  const yAt = (saldo: number) => (saldo - bottom) / (top - bottom);
  const px = (x: number) => Math.round(xAt(x) * PLOT_WIDTH);
  const py = (saldo: number) => Math.round((1 - yAt(saldo)) * PLOT_HEIGHT);

  let path = `M${px(first.x)} ${py(first.saldoCentavos)}`;
  for (const point of points.slice(1)) {
    path += `H${px(point.x)}V${py(point.saldoCentavos)}`;
  }
  // A single day's movements still draw a line across the chart.
  if (span === 0) path += `H${PLOT_WIDTH}`;

  // Up to five evenly spaced dates, whole days, with the first and the last movement's at the
  // ends; fewer when fewer days lie between them, so no date is written twice.
  const days = Math.round(span / DAY_MS);
  const count = Math.min(5, days + 1);
  const xTicks =
    span > 0
      ? Array.from({ length: count }, (_, i) => {
          const value = first.x + Math.round((days * i) / (count - 1)) * DAY_MS;
          return { value, at: xAt(value) };
        })
      : [{ value: first.x, at: 0 }];
  return { path, xTicks, yTicks: values.map((value) => ({ value, at: yAt(value) })) };
}

/**
 * The point the pointer is over, `at` from 0 (left) to 1 (right) of the plot: the one with the
 * nearest date, and of several on that date the last (the day's closing saldo). Binary search,
 * for series of a thousand points under a moving pointer.
 */
export function pointAt(points: readonly SaldoPoint[], at: number): SaldoPoint | undefined {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return undefined;
  const x = first.x + Math.min(1, Math.max(0, at)) * (last.x - first.x);
  // The first index whose date is after `x`.
  const after = (value: number) => {
    let low = 0;
    let high = points.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (points[middle]!.x > value) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const next = after(x);
  const before = points[next - 1];
  const later = points[next];
  if (!later) return before;
  if (!before || later.x - x < x - before.x) return points[after(later.x) - 1];
  return before;
}
