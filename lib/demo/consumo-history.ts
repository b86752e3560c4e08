/**
 * Demo only: made-up consumo snapshots for a demo business, so its consumo page opens on a month
 * of history (the chart, the projection) instead of a single point. Never used for a real
 * business. Deterministic: the same latest snapshot and seed always give the same history.
 */
import { startOfMonth } from "@/lib/audit/month";
import { startOfPreviousMonth } from "@/lib/consumo/projection";
import { createPrng } from "@/lib/tusfacturas/emulator/prng";

/** A row of `consumo_snapshots` without its business. */
export type DemoSnapshot = {
  fetchedAt: Date;
  abonosPendientes: number;
  comprobantesGenerados: number;
  comprobantesCupo: number;
  comprobantesDisponibles: number;
};

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Share of days someone opens the consumo page. */
const VISIT_CHANCE = 0.6;

/**
 * A visit on most days from `from` (a midnight in Buenos Aires, which keeps no daylight saving
 * time) to before `until`, each between 08:00 and 20:00, with the weight of the comprobantes
 * generated since the visit before; `tailWeight` is what is generated after the last one.
 */
function visits(from: Date, until: Date, random: () => number) {
  const found: { at: Date; weight: number }[] = [];
  let weight = 0;
  for (let day = from.getTime(); day < until.getTime(); day += DAY_MS) {
    // Three draws a day, whether or not there is a visit, so each day's figures stay put.
    const dayWeight = 0.4 + random();
    const at = day + (8 * 60 + Math.floor(random() * 12 * 60)) * MINUTE_MS;
    const visited = random() < VISIT_CHANCE;
    const before = Math.min(1, Math.max(0, (at - day) / DAY_MS));
    weight += dayWeight * before;
    if (visited && at < until.getTime()) {
      found.push({ at: new Date(at), weight });
      weight = 0;
    }
    weight += dayWeight * (1 - before);
  }
  return { found, tailWeight: weight };
}

/** Generados at each visit when `total` is reached at the end of the stretch. */
function cumulative(weights: readonly number[], tailWeight: number, total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) + tailWeight;
  let running = 0;
  return weights.map((weight) => {
    running += weight;
    return sum > 0 ? Math.floor((total * running) / sum) : 0;
  });
}

/**
 * Snapshots of the cycle before `latest`'s and of its own up to just before it (cycles are months
 * in Buenos Aires, lib/consumo/projection.ts). The cycle under way climbs to `latest`'s
 * generados; the one before ends near the same figure (never past the cupo). Every snapshot keeps
 * `latest`'s cupo, abonos and gap between cupo and generados + disponibles (TusFacturas' figures
 * need not add up). Oldest first; `latest` itself is not included.
 */
export function demoConsumoHistory(latest: DemoSnapshot, seed: number): DemoSnapshot[] {
  const random = createPrng(seed);
  const cupo = latest.comprobantesCupo;
  const gap = cupo - latest.comprobantesGenerados - latest.comprobantesDisponibles;
  const snapshot = (at: Date, generados: number): DemoSnapshot => ({
    fetchedAt: at,
    abonosPendientes: latest.abonosPendientes,
    comprobantesGenerados: generados,
    comprobantesCupo: cupo,
    comprobantesDisponibles:
      cupo > 0 ? Math.max(0, cupo - generados - gap) : latest.comprobantesDisponibles,
  });

  const cycleStart = startOfMonth(latest.fetchedAt);
  const previousTotal = Math.round(latest.comprobantesGenerados * (0.85 + 0.3 * random()));
  const previous = visits(startOfPreviousMonth(latest.fetchedAt), cycleStart, random);
  const previousGenerados = cumulative(
    previous.found.map((v) => v.weight),
    previous.tailWeight,
    cupo > 0 ? Math.min(cupo, previousTotal) : previousTotal,
  );
  // Half an hour at least before the snapshot just taken, so it stays the last one.
  const current = visits(cycleStart, new Date(latest.fetchedAt.getTime() - 30 * MINUTE_MS), random);
  const currentGenerados = cumulative(
    current.found.map((v) => v.weight),
    current.tailWeight,
    latest.comprobantesGenerados,
  );
  return [
    ...previous.found.map((v, i) => snapshot(v.at, previousGenerados[i] ?? 0)),
    ...current.found.map((v, i) => snapshot(v.at, currentGenerados[i] ?? 0)),
  ];
}
