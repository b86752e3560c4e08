import { describe, expect, it } from "vitest";
import { splitCycles } from "@/lib/consumo/projection";
import { demoConsumoHistory, type DemoSnapshot } from "./consumo-history";

const latestAt = (fetchedAt: string): DemoSnapshot => ({
  fetchedAt: new Date(fetchedAt),
  abonosPendientes: 3,
  comprobantesGenerados: 45,
  comprobantesCupo: 50,
  comprobantesDisponibles: 5,
});

const points = (snapshots: DemoSnapshot[]) =>
  snapshots.map((s) => ({
    fetchedAt: s.fetchedAt,
    generados: s.comprobantesGenerados,
    cupo: s.comprobantesCupo,
    disponibles: s.comprobantesDisponibles,
  }));

// Every hour of a 31-day month in Buenos Aires (from 00:00 of the 1st, 03:00 UTC), and its end.
const instants = Array.from({ length: 31 * 24 }, (_, hour) =>
  new Date(Date.parse("2026-12-01T03:00:00Z") + hour * 3_600_000).toISOString(),
);

describe("the demo's made-up consumo history", () => {
  it("is the same for the same latest snapshot and seed, and differs with the seed", () => {
    const latest = latestAt("2026-11-30T16:20:00Z");
    expect(demoConsumoHistory(latest, 1002)).toEqual(demoConsumoHistory(latest, 1002));
    expect(demoConsumoHistory(latest, 1001)).not.toEqual(demoConsumoHistory(latest, 1002));
  });

  it("at any hour of a month: two cycles before the latest snapshot, climbing to it", () => {
    for (const at of instants) {
      const latest = latestAt(at);
      const history = demoConsumoHistory(latest, 1002);
      const { previous, current } = splitCycles(points([...history, latest]), latest.fetchedAt);

      // Nothing outside the two cycles, nothing at or after the real snapshot.
      expect(previous.length + current.length, at).toBe(history.length + 1);
      expect(previous.length, at).toBeGreaterThanOrEqual(10);
      expect(current.at(-1)?.fetchedAt, at).toEqual(latest.fetchedAt);
      for (const cycle of [previous, current]) {
        const generados = cycle.map((p) => p.generados);
        expect(generados, at).toEqual([...generados].sort((a, b) => a - b));
      }
      expect(Math.max(...previous.map((p) => p.generados)), at).toBeLessThanOrEqual(50);
      // The gap TusFacturas reports between cupo and generados + disponibles is kept.
      for (const p of [...previous, ...current]) expect(p.generados + p.disponibles, at).toBe(50);
      for (const s of history) {
        expect([s.abonosPendientes, s.comprobantesCupo], at).toEqual([3, 50]);
      }
    }
  });
});
