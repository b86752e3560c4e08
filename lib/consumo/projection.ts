import { startOfMonth } from "@/lib/audit/month";

/** One stored consumo snapshot, as the history and the projection read it. */
export type ConsumoPoint = {
  fetchedAt: Date;
  generados: number;
  cupo: number;
  disponibles: number;
};

/** The snapshots of the plan's cycle under way and of the one before it, oldest first. */
export type ConsumoCycles = {
  current: ConsumoPoint[];
  previous: ConsumoPoint[];
  /** When the cycle under way ends: the first instant of next month in Buenos Aires. */
  cycleEnd: Date;
};

/**
 * Where the cupo is heading at the pace of the cycle under way.
 * - `noHistory`: no snapshot of this cycle.
 * - `noCupo`: the plan has no cupo (0 or less: unlimited, or none to count down).
 * - `exhausted`: TusFacturas already reports no comprobantes disponibles.
 * - `onePoint`: fewer than two snapshots at different instants: no pace yet.
 * - `flat`: nothing was generated between the first and last snapshot of the cycle.
 * - `projected`: the instant `disponibles` reaches 0 if the pace holds; `withinCycle` when
 *   that falls before the cycle ends (the cupo is renewed then).
 */
export type Projection =
  | { kind: "noHistory" }
  | { kind: "noCupo" }
  | { kind: "exhausted" }
  | { kind: "onePoint" }
  | { kind: "flat" }
  | { kind: "projected"; exhaustsAt: Date; withinCycle: boolean; perDay: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first instant of the month after the one `at` is in (Buenos Aires). */
export function startOfNextMonth(at: Date): Date {
  // The 1st plus 32 days always lands in the next month, whatever its length.
  return startOfMonth(new Date(startOfMonth(at).getTime() + 32 * DAY_MS));
}

/** The first instant of the month before the one `at` is in (Buenos Aires). */
export function startOfPreviousMonth(at: Date): Date {
  return startOfMonth(new Date(startOfMonth(at).getTime() - 1));
}

/**
 * Splits stored snapshots into the plan's cycles and keeps the last two.
 *
 * How a cycle is identified: TusFacturas' cupo is monthly ("los comprobantes que podés emitir
 * en el mes en curso"), and Tablero counts months in Buenos Aires (lib/audit/month.ts). So a
 * snapshot starts a new cycle when (a) it is in another month than the one before it, or
 * (b) its `comprobantes_generados` is lower than the one before it: the counter only grows
 * within a cycle, so a drop means TusFacturas started counting again (a renewal that does not
 * fall on the 1st, a plan change). Either way the earlier points never feed the current pace.
 * The cycle under way is the last one only if it is in `now`'s month; a business whose last
 * snapshot is from an earlier month has no data for this cycle yet (its last cycle is then
 * the previous one). The cycle is assumed to end with the month, since that is all the API
 * says about it.
 */
export function splitCycles(points: readonly ConsumoPoint[], now: Date): ConsumoCycles {
  const sorted = points
    .filter((p) => p.fetchedAt.getTime() <= now.getTime())
    .sort((a, b) => a.fetchedAt.getTime() - b.fetchedAt.getTime());
  const cycles: ConsumoPoint[][] = [];
  let last: ConsumoPoint | undefined;
  for (const point of sorted) {
    const startsCycle =
      !last ||
      startOfMonth(point.fetchedAt).getTime() !== startOfMonth(last.fetchedAt).getTime() ||
      point.generados < last.generados;
    if (startsCycle) cycles.push([point]);
    else cycles.at(-1)?.push(point);
    last = point;
  }
  const monthStart = startOfMonth(now).getTime();
  const tail = cycles.at(-1);
  const underWay = tail !== undefined && tail[0]!.fetchedAt.getTime() >= monthStart;
  return {
    current: underWay ? tail : [],
    previous: (underWay ? cycles.at(-2) : tail) ?? [],
    cycleEnd: startOfNextMonth(now),
  };
}

/**
 * When the cupo runs out if the cycle keeps its pace so far: comprobantes generated between
 * the cycle's first and last snapshot over the time between them, applied to the
 * `disponibles` of the last snapshot as TusFacturas reported it (never recomputed: its figures
 * need not add up). `current` must be one cycle's snapshots (see {@link splitCycles}).
 */
export function projectExhaustion(current: readonly ConsumoPoint[], cycleEnd: Date): Projection {
  const first = current[0];
  const last = current.at(-1);
  if (!first || !last) return { kind: "noHistory" };
  if (last.cupo <= 0) return { kind: "noCupo" };
  if (last.disponibles <= 0) return { kind: "exhausted" };
  const elapsedMs = last.fetchedAt.getTime() - first.fetchedAt.getTime();
  if (elapsedMs <= 0) return { kind: "onePoint" };
  const generated = last.generados - first.generados;
  if (generated <= 0) return { kind: "flat" };
  const exhaustsAt = new Date(
    last.fetchedAt.getTime() + (last.disponibles * elapsedMs) / generated,
  );
  return {
    kind: "projected",
    exhaustsAt,
    withinCycle: exhaustsAt.getTime() < cycleEnd.getTime(),
    perDay: (generated * DAY_MS) / elapsedMs,
  };
}

/**
 * When the cupo runs out before the cycle ends at its pace (what the consumo page and the
 * portfolio warn of), or null.
 */
export function runsOutThisCycle(projection: Projection): Date | null {
  return projection.kind === "projected" && projection.withinCycle ? projection.exhaustsAt : null;
}

/** The projection of the cycle under way among `points` (stored snapshots), at `now`. */
export function projectFromSnapshots(points: readonly ConsumoPoint[], now: Date): Projection {
  const { current, cycleEnd } = splitCycles(points, now);
  return projectExhaustion(current, cycleEnd);
}
