import { startOfMonth } from "@/lib/audit/month";
import type { ConsumoPoint } from "@/lib/consumo/projection";
import { formatInteger } from "@/lib/format";

const DAY_MS = 24 * 60 * 60 * 1000;
const WIDTH = 600;
const HEIGHT = 240;
const PAD = { top: 16, right: 16, bottom: 28, left: 44 };
const DAYS = 31;

/** Days since the 1st of its month in Buenos Aires (0 at midnight of the 1st). */
const dayOfMonth = (at: Date) => (at.getTime() - startOfMonth(at).getTime()) / DAY_MS;

/**
 * «Comprobantes generados» of both cycles, day of the month against generados, as plain SVG
 * rendered on the server: a few dozen points need no chart library in the browser (the page's
 * first-load JavaScript does not grow). Decorative for assistive technology: the figures are in
 * the table beside it.
 */
export function ConsumoHistoryChart({
  current,
  previous,
}: {
  current: ConsumoPoint[];
  previous: ConsumoPoint[];
}) {
  const cupo = current.at(-1)?.cupo ?? previous.at(-1)?.cupo ?? 0;
  const top = Math.max(
    1,
    cupo,
    ...current.map((p) => p.generados),
    ...previous.map((p) => p.generados),
  );
  const x = (day: number) => PAD.left + (day / DAYS) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) =>
    HEIGHT - PAD.bottom - (value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const path = (points: ConsumoPoint[]) =>
    points
      .map((p) => `${x(dayOfMonth(p.fetchedAt)).toFixed(1)},${y(p.generados).toFixed(1)}`)
      .join(" ");
  const ticks = [0, Math.round(top / 2), top];

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full"
      aria-hidden="true"
      data-testid="consumo-history-chart"
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
          <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#475569">
            {formatInteger(tick)}
          </text>
        </g>
      ))}
      {[1, 8, 15, 22, 29].map((day) => (
        <text
          key={day}
          x={x(day - 1)}
          y={HEIGHT - 8}
          textAnchor="middle"
          fontSize="11"
          fill="#475569"
        >
          {`día ${day}`}
        </text>
      ))}
      {cupo > 0 ? (
        <g>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(cupo)}
            y2={y(cupo)}
            stroke="#b45309"
            strokeDasharray="2 4"
          />
          <text x={WIDTH - PAD.right} y={y(cupo) - 4} textAnchor="end" fontSize="11" fill="#92400e">
            {`Cupo ${formatInteger(cupo)}`}
          </text>
        </g>
      ) : null}
      {series(previous, "#94a3b8", true)}
      {series(current, "#1d5fd1", false)}
    </svg>
  );

  function series(points: ConsumoPoint[], color: string, dashed: boolean) {
    return (
      <g>
        <polyline
          points={path(points)}
          fill="none"
          stroke={color}
          strokeWidth="2"
          strokeDasharray={dashed ? "6 4" : undefined}
        />
        {points.map((p) => (
          <circle
            key={p.fetchedAt.toISOString()}
            cx={x(dayOfMonth(p.fetchedAt))}
            cy={y(p.generados)}
            r="3"
            fill={color}
          />
        ))}
      </g>
    );
  }
}
