"use client";

import { memo } from "react";
import type { MonthlyTotal } from "@/lib/cuenta-corriente/series";
import { MonthlyPlot } from "./lazy-plots";

/** Debe vs haber per month; drawn again only when the months change. */
export const MonthlyChart = memo(function MonthlyChart({ months }: { months: MonthlyTotal[] }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-medium">Debe y haber por mes</figcaption>
      <div className="h-64" aria-hidden="true">
        <MonthlyPlot months={months} />
      </div>
    </figure>
  );
});
