"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useContext } from "react";
import type { SaldoPoint } from "@/lib/cuenta-corriente/series";
import { formatCentavos } from "@/lib/format";
import { SaldoRows } from "./saldo-rows";

const day = new Intl.DateTimeFormat("es-AR", {
  timeZone: "UTC",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const axisMoney = new Intl.NumberFormat("es-AR", { notation: "compact", maximumFractionDigits: 1 });

/** The saldo chart's drawing (Recharts): loaded apart from the page, see saldo-chart.tsx. */
export function SaldoPlot({ points }: { points: SaldoPoint[] }) {
  const last = points.at(-1);
  const first = points[0];
  // Five evenly spaced dates, given rather than measured: Recharts' default measures every
  // candidate label in the DOM to choose which fit, which costs more than the whole ledger.
  const ticks =
    first && last && last.x > first.x
      ? Array.from({ length: 5 }, (_, i) => Math.round(first.x + ((last.x - first.x) * i) / 4))
      : undefined;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart
        data={points}
        margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
        accessibilityLayer={false}
      >
        {/* The grid's lines at the same dates: on its first pass, before the axis settles,
            it would otherwise measure a label for every point. */}
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" verticalValues={ticks} />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          ticks={ticks}
          interval={0}
          domain={["dataMin", "dataMax"]}
          tickFormatter={(x: number) => day.format(new Date(x))}
          fontSize={12}
        />
        <YAxis
          interval={0}
          tickFormatter={(c: number) => `$ ${axisMoney.format(c / 100)}`}
          fontSize={12}
          width={70}
        />
        <Tooltip
          content={({ active, payload }) => {
            const point = active ? (payload?.[0]?.payload as SaldoPoint | undefined) : undefined;
            return point ? <PointTooltip point={point} /> : null;
          }}
        />
        <Line
          type="stepAfter"
          dataKey="saldoCentavos"
          stroke="#1d5fd1"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

function PointTooltip({ point }: { point: SaldoPoint }) {
  const row = useContext(SaldoRows)?.[point.row];
  return (
    <div className="rounded-md border border-slate-200 bg-white p-2 text-xs shadow">
      <p className="font-medium">{day.format(new Date(point.x))}</p>
      {row ? <p>{row.comprobante?.label ?? row.concepto}</p> : null}
      <p className="tabular-nums">Saldo {formatCentavos(point.saldoCentavos)}</p>
    </div>
  );
}
