"use client";

import { PolarAngleAxis, RadialBar, RadialBarChart } from "recharts";
import { formatInteger } from "@/lib/format";

/**
 * Comprobantes generados of the cupo, as TusFacturas reported them. The chart is decorative
 * for screen readers: the figure's label says the same in words.
 */
export function ConsumoGauge({
  generados,
  cupo,
  low,
}: {
  generados: number;
  cupo: number;
  low: boolean;
}) {
  const label = `${formatInteger(generados)} de ${formatInteger(cupo)} comprobantes usados`;
  const data = [{ name: "generados", value: Math.min(generados, cupo) }];
  return (
    <div role="img" aria-label={label} className="relative mx-auto h-64 w-64">
      <div aria-hidden="true">
        <RadialBarChart
          width={256}
          height={256}
          data={data}
          innerRadius="72%"
          outerRadius="100%"
          startAngle={90}
          endAngle={-270}
          barSize={22}
          accessibilityLayer={false}
        >
          <PolarAngleAxis type="number" domain={[0, Math.max(cupo, 1)]} tick={false} />
          <RadialBar
            dataKey="value"
            cornerRadius={11}
            background={{ fill: "#e2e8f0" }}
            fill={low ? "#b45309" : "#1d5fd1"}
            isAnimationActive={false}
          />
        </RadialBarChart>
      </div>
      <div
        aria-hidden="true"
        className="absolute inset-0 flex flex-col items-center justify-center text-center"
      >
        <span className="text-4xl font-bold tabular-nums">{formatInteger(generados)}</span>
        <span className="text-sm text-slate-600">de {formatInteger(cupo)} comprobantes</span>
      </div>
    </div>
  );
}
