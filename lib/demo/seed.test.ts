import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOfMonth } from "@/lib/audit/month";
import { splitCycles, projectExhaustion } from "@/lib/consumo/projection";
import type { DatabaseHandle } from "@/lib/db/client";
import { businesses, consumoSnapshots } from "@/lib/db/schema";
import { databaseEngines } from "@/lib/testing/test-database";
import { startEmulator, type RunningEmulator } from "@/lib/tusfacturas/emulator/server";
import { seedDemo } from "./seed";

// 09:00 on 20 November 2026 in Buenos Aires: the cycle under way began on the 1st.
const NOW = new Date("2026-11-20T12:00:00Z");

/** The emulator's figures for the demo businesses (lib/tusfacturas/fixtures/accounts.json). */
const demo = [
  { cuit: "30712293841", figures: [21, 12, 100, 79] },
  { cuit: "27285051466", figures: [3, 45, 50, 5] },
];

describe.each(databaseEngines())("demo seed on $name", (engine) => {
  let handle: DatabaseHandle;
  let emulator: RunningEmulator;
  beforeAll(async () => {
    [handle, emulator] = await Promise.all([
      engine.open(),
      startEmulator({ port: 0, quiet: true, asOf: NOW }),
    ]);
  });
  afterAll(() => Promise.all([handle?.close(), emulator?.close()]));

  const seed = () =>
    seedDemo(handle.db, {
      password: "una contraseña de demo",
      keyring: new Map([[1, randomBytes(32)]]),
      tusfacturasUrl: emulator.url,
      now: () => NOW,
    });

  async function snapshotsOf(cuit: string) {
    return handle.db
      .select({
        fetchedAt: consumoSnapshots.fetchedAt,
        abonos: consumoSnapshots.abonosPendientes,
        generados: consumoSnapshots.comprobantesGenerados,
        cupo: consumoSnapshots.comprobantesCupo,
        disponibles: consumoSnapshots.comprobantesDisponibles,
      })
      .from(consumoSnapshots)
      .innerJoin(businesses, eq(businesses.id, consumoSnapshots.businessId))
      .where(eq(businesses.cuit, cuit))
      .orderBy(asc(consumoSnapshots.fetchedAt));
  }

  it("gives each demo business both cycles of consumo history, ending at the emulator's figures, once", async () => {
    await expect(seed()).resolves.toEqual({ created: true });
    const stored = new Map<string, number>();

    for (const { cuit, figures } of demo) {
      const rows = await snapshotsOf(cuit);
      stored.set(cuit, rows.length);
      const { previous, current, cycleEnd } = splitCycles(rows, NOW);
      // Every stored snapshot falls in one of the two cycles the consumo page reads.
      expect(previous.length + current.length, cuit).toBe(rows.length);
      expect(previous.length, cuit).toBeGreaterThanOrEqual(8);
      expect(current.length, cuit).toBeGreaterThanOrEqual(6);
      expect(startOfMonth(previous[0]!.fetchedAt)).toEqual(new Date("2026-10-01T03:00:00Z"));
      expect(startOfMonth(current[0]!.fetchedAt)).toEqual(new Date("2026-11-01T03:00:00Z"));
      // The last one is the real consumo call, made now.
      const last = rows.at(-1);
      expect(last?.fetchedAt).toEqual(NOW);
      expect([last?.abonos, last?.generados, last?.cupo, last?.disponibles]).toEqual(figures);
      for (const cycle of [previous, current]) {
        const generados = cycle.map((p) => p.generados);
        expect(generados, cuit).toEqual([...generados].sort((a, b) => a - b));
        expect(generados[0], cuit).toBeLessThan(generados.at(-1)!);
      }
      expect(projectExhaustion(current, cycleEnd).kind, cuit).toBe("projected");
    }

    await expect(seed()).resolves.toEqual({ created: false });
    for (const { cuit } of demo) {
      expect((await snapshotsOf(cuit)).length, cuit).toBe(stored.get(cuit));
    }
  });
});
