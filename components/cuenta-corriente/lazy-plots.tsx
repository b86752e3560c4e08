"use client";

import dynamic from "next/dynamic";
import { nearViewport } from "@/components/ui/near-viewport";

// Recharts is most of the ledger's script and of its main-thread work: the page draws these
// figures' frames and captions at once, and each plot once its box comes near the screen and
// its chunk arrives (the boxes keep their height meanwhile). The saldo chart needs neither: it
// is drawn on the server (saldo-plot.tsx).
export const MonthlyPlot = nearViewport(
  dynamic(() => import("./monthly-plot").then((m) => m.MonthlyPlot), { ssr: false }),
);
export const AgingPlot = nearViewport(
  dynamic(() => import("./aging-plot").then((m) => m.AgingPlot), { ssr: false }),
);
