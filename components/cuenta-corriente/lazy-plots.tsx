"use client";

import dynamic from "next/dynamic";

// Recharts is most of the ledger's script: the page draws its figures' frames and captions
// at once and the plots once their chunk arrives (their boxes keep their height meanwhile).
export const SaldoPlot = dynamic(() => import("./saldo-plot").then((m) => m.SaldoPlot), {
  ssr: false,
});
export const MonthlyPlot = dynamic(() => import("./monthly-plot").then((m) => m.MonthlyPlot), {
  ssr: false,
});
export const AgingPlot = dynamic(() => import("./aging-plot").then((m) => m.AgingPlot), {
  ssr: false,
});
