import { formatInteger } from "@/lib/format";

const SIZE = 256;
const STROKE = 22;
const RADIUS = (SIZE - STROKE) / 2;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * Comprobantes generados of the cupo, as TusFacturas reported them: a ring filled clockwise
 * from the top, in a few lines of SVG (no chart library in the page's first load). Decorative
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
  const share = Math.min(Math.max(generados, 0), cupo) / Math.max(cupo, 1);
  const center = SIZE / 2;
  return (
    <div role="img" aria-label={label} className="relative mx-auto h-64 w-64">
      <svg
        aria-hidden="true"
        width={SIZE}
        height={SIZE}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        className="-rotate-90"
      >
        <circle
          cx={center}
          cy={center}
          r={RADIUS}
          fill="none"
          stroke="#e2e8f0"
          strokeWidth={STROKE}
        />
        {share > 0 ? (
          <circle
            data-testid="consumo-gauge-bar"
            cx={center}
            cy={center}
            r={RADIUS}
            fill="none"
            stroke={low ? "#b45309" : "#1d5fd1"}
            strokeWidth={STROKE}
            strokeLinecap="round"
            strokeDasharray={`${share * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
          />
        ) : null}
      </svg>
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
