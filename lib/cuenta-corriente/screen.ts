/**
 * What the ledger page shows for some filters: the totals, the aging, the chart series and the
 * rows in the order shown. The server sends the first screen of it (figures and the first rows)
 * and the browser computes the whole of it once the movements arrive. Pure.
 */
import { dueAgingOf, type DueAging } from "@/lib/vencimientos/aging";
import type { VencimientosByKey } from "@/lib/vencimientos/refs";
import { agingOf, type Aging } from "./aging";
import { filterLedger, type LedgerFilters } from "./filters";
import { summarize, type Ledger, type LedgerRow, type LedgerSummary } from "./ledger";
import {
  downsample,
  monthlyTotals,
  packSeries,
  saldoSeries,
  unpackSeries,
  type MonthlyTotal,
  type PackedSeries,
  type SaldoPoint,
} from "./series";

/** Rows sent with the first screen: the table's initial viewport and its overscan, with margin. */
export const FIRST_SCREEN_ROWS = 50;

type ScreenFigures = {
  /** Movements in the whole ledger, before filtering. */
  movimientos: number;
  mismatches: number;
  reordered: boolean;
  summary: LedgerSummary;
  aging: Aging;
  /** The same by days past each comprobante's due date (lib/vencimientos). */
  dueAging: DueAging;
  /** Downsampled; each point's `row` indexes the filtered rows oldest first (`period`). */
  series: SaldoPoint[];
  monthly: MonthlyTotal[];
};

export type LedgerScreen = ScreenFigures & {
  /** The filtered rows, oldest first: what the figures and exports are made of. */
  period: LedgerRow[];
  /** The same rows in the order the table shows them. */
  shown: LedgerRow[];
};

export type LedgerFirstScreen = ScreenFigures & {
  /** The first rows of `shown` (at most `FIRST_SCREEN_ROWS`); `summary.movimientos` counts all. */
  rows: LedgerRow[];
};

/**
 * The whole screen of a ledger for some filters, on `today` ("yyyy-mm-dd", for the aging),
 * with the due dates stored so far.
 */
export function ledgerScreen(
  ledger: Ledger,
  filters: LedgerFilters,
  today: string,
  vencimientos: VencimientosByKey = {},
): LedgerScreen {
  const period = filterLedger(ledger.rows, { ...filters, orden: "asc" });
  return {
    movimientos: ledger.rows.length,
    mismatches: ledger.mismatches,
    reordered: ledger.reordered,
    summary: summarize(period),
    aging: agingOf(period, today),
    dueAging: dueAgingOf(period, vencimientos, today),
    series: downsample(saldoSeries(period)),
    monthly: monthlyTotals(period),
    period,
    shown: filters.orden === "desc" ? [...period].reverse() : period,
  };
}

/**
 * The part of `ledgerScreen` a page sends before the movements: every figure, and only the
 * first rows of the table. A few tens of kilobytes whatever the ledger's length.
 */
export function firstScreen(
  ledger: Ledger,
  filters: LedgerFilters,
  today: string,
  rows = FIRST_SCREEN_ROWS,
  vencimientos: VencimientosByKey = {},
): LedgerFirstScreen {
  const { period: _period, shown, ...figures } = ledgerScreen(ledger, filters, today, vencimientos);
  return { ...figures, rows: shown.slice(0, rows) };
}

/** The first screen as the page sends it to the browser: the series by column. */
export type PackedFirstScreen = Omit<LedgerFirstScreen, "series"> & { series: PackedSeries };

export function packFirstScreen({ series, ...rest }: LedgerFirstScreen): PackedFirstScreen {
  return { ...rest, series: packSeries(series) };
}

export function unpackFirstScreen({ series, ...rest }: PackedFirstScreen): LedgerFirstScreen {
  return { ...rest, series: unpackSeries(series) };
}
