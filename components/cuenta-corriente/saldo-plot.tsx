"use client";

import { useContext, useMemo, useState, type PointerEvent } from "react";
import {
  PLOT_HEIGHT,
  PLOT_WIDTH,
  dateFraction,
  pointAt,
  saldoGeometry,
} from "@/lib/cuenta-corriente/saldo-geometry";
import type { SaldoPoint } from "@/lib/cuenta-corriente/series";
import { formatCompactPesos } from "@/lib/cuenta-corriente/amount-text";
import { formatCentavos } from "@/lib/format";
import { isoToDmy } from "@/lib/cuenta-corriente/iso-date";
import { SaldoRows } from "./saldo-rows";

/** A point's date (UTC midnight) as dd/mm/aaaa. */
const day = (x: number) => isoToDmy(new Date(x).toISOString().slice(0, 10));

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/**
 * The saldo chart's drawing: a step line in SVG with HTML axes, laid out in fractions of its box
 * so that the server draws it in the page's HTML, with no chart library and nothing measured.
 * Hovering shows the nearest date's closing saldo and, once the rows have arrived (`SaldoRows`),
 * its comprobante.
 */
export function SaldoPlot({ points }: { points: SaldoPoint[] }) {
  const { path, xTicks, yTicks } = useMemo(() => saldoGeometry(points), [points]);
  const [hover, setHover] = useState<{ point: SaldoPoint; at: number }>();
  const bottom = yTicks[0]?.value ?? 0;
  const top = yTicks.at(-1)?.value ?? 1;

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    const point = pointAt(points, (event.clientX - box.left) / box.width);
    setHover(point && { point, at: dateFraction(points, point.x) });
  }

  return (
    <div className="relative h-full w-full text-xs text-slate-500">
      {/* The saldo axis: a 70 px column left of the plot. */}
      <div className="absolute bottom-[38px] left-2 top-2 w-[62px]">
        {yTicks.map((tick) => (
          <span
            key={tick.value}
            className="absolute right-0 -translate-y-1/2 whitespace-nowrap tabular-nums"
            style={{ bottom: percent(tick.at) }}
          >
            {formatCompactPesos(tick.value)}
          </span>
        ))}
      </div>
      {/* The date axis, under the plot. */}
      <div className="absolute bottom-2 left-[78px] right-2 h-6">
        {xTicks.map((tick, i) => (
          <span
            key={tick.value}
            // On a phone's width three dates fit under the plot, not five.
            className={`absolute top-1 -translate-x-1/2 whitespace-nowrap tabular-nums ${i % 2 ? "max-sm:hidden" : ""}`}
            style={{ left: percent(tick.at) }}
          >
            {day(tick.value)}
          </span>
        ))}
      </div>
      <div
        className="absolute bottom-[38px] left-[78px] right-2 top-2 border-b border-l border-slate-300"
        data-saldo-plot=""
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(undefined)}
      >
        {yTicks.map((tick) => (
          <div
            key={tick.value}
            className="absolute inset-x-0 border-t border-dashed border-slate-200"
            style={{ bottom: percent(tick.at) }}
          />
        ))}
        {xTicks.map((tick) => (
          <div
            key={tick.value}
            className="absolute inset-y-0 border-l border-dashed border-slate-200"
            style={{ left: percent(tick.at) }}
          />
        ))}
        <svg
          className="absolute inset-0 h-full w-full overflow-visible"
          viewBox={`0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`}
          preserveAspectRatio="none"
        >
          <path
            d={path}
            fill="none"
            stroke="#1d5fd1"
            strokeWidth={1.5}
            vectorEffect="non-scaling-stroke"
            data-saldo-line=""
          />
        </svg>
        {hover ? (
          <>
            <div
              className="pointer-events-none absolute inset-y-0 border-l border-slate-400"
              style={{ left: percent(hover.at) }}
            />
            <div
              className="pointer-events-none absolute size-2 -translate-x-1/2 translate-y-1/2 rounded-full bg-[#1d5fd1]"
              style={{
                left: percent(hover.at),
                bottom: percent((hover.point.saldoCentavos - bottom) / (top - bottom)),
              }}
            />
            <PointTooltip point={hover.point} at={hover.at} />
          </>
        ) : null}
      </div>
    </div>
  );
}

/** Beside the pointer's date, on the side with room. */
function PointTooltip({ point, at }: { point: SaldoPoint; at: number }) {
  const row = useContext(SaldoRows)?.[point.row];
  return (
    <div
      className="pointer-events-none absolute top-2 z-10 whitespace-nowrap rounded-md border border-slate-200 bg-white p-2 text-xs text-slate-900 shadow"
      style={
        at > 0.6
          ? { right: percent(1 - at), marginRight: 12 }
          : { left: percent(at), marginLeft: 12 }
      }
      data-saldo-tooltip=""
    >
      <p className="font-medium">{day(point.x)}</p>
      {row ? <p>{row.comprobante?.label ?? row.concepto}</p> : null}
      <p className="tabular-nums">Saldo {formatCentavos(point.saldoCentavos)}</p>
    </div>
  );
}
