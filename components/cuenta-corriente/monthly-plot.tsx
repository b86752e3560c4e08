"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { MonthlyTotal } from "@/lib/cuenta-corriente/series";
import { formatCompactPesos } from "@/lib/cuenta-corriente/amount-text";
import { formatCentavos } from "@/lib/format";

/** Debe vs haber per month, drawn by Recharts: loaded apart from the page, see monthly-chart.tsx. */
export function MonthlyPlot({ months }: { months: MonthlyTotal[] }) {
  // At most about eight labels, at a fixed interval: Recharts' default measures every label
  // to choose which fit. The grid is given the same ones, or its first pass measures them all.
  const every = Math.max(1, Math.ceil(months.length / 8));
  const labelled = months.filter((_, i) => i % every === 0).map((m) => m.label);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={months}
        margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" verticalValues={labelled} />
        <XAxis dataKey="label" fontSize={12} interval={every - 1} />
        <YAxis interval={0} tickFormatter={formatCompactPesos} fontSize={12} width={70} />
        <Tooltip formatter={(value) => formatCentavos(Number(value))} />
        <Legend />
        <Bar dataKey="debeCentavos" name="Debe" fill="#1d5fd1" isAnimationActive={false} />
        <Bar dataKey="haberCentavos" name="Haber" fill="#059669" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
