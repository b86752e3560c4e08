"use client";

import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { Aging } from "@/lib/cuenta-corriente/aging";

/** The aging table as bars (Recharts): loaded apart from the page, see aging-block.tsx. */
export function AgingPlot({ buckets }: { buckets: Aging["buckets"] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={buckets}
        layout="vertical"
        margin={{ left: 8, right: 8 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="key" width={50} fontSize={12} />
        <Bar dataKey="centavos" fill="#b45309" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
