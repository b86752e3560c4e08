import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAccountsFixture } from "../fixtures/load";
import { buenosAiresDay } from "./dating";
import { startEmulator, type RunningEmulator } from "./server";

const { asOf: fixturesDay, accounts } = loadAccountsFixture();
// 09:00 on 20/04/2026 in Buenos Aires: 156 days after the day the fixtures describe.
const AS_OF = new Date("2026-04-20T12:00:00Z");
const SHIFT = 156;

type WireRow = { fecha: string } & Record<string, unknown>;
type Answer = { error: string; resultados?: WireRow[]; comprobantes?: unknown[] } & Record<
  string,
  unknown
>;

/** dd/mm/yyyy → a day count, computed apart from the emulator's own date code. */
const dayNumber = (wire: string): number => {
  const [d, m, y] = wire.split("/").map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 0) / 86_400_000;
};

let unshifted: RunningEmulator;
let shifted: RunningEmulator;

beforeAll(async () => {
  // Both in one process, the shifted one started first: neither may see the other's dates.
  shifted = await startEmulator({ port: 0, quiet: true, asOf: AS_OF });
  unshifted = await startEmulator({ port: 0, quiet: true });
});
afterAll(async () => {
  await Promise.all([shifted?.close(), unshifted?.close()]);
});

async function call(emulator: RunningEmulator, method: string, body: object): Promise<Answer> {
  const response = await fetch(`${emulator.url}/app/api/v2/${method}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  return (await response.json()) as Answer;
}

const credentialsOf = (apikey: string) => {
  const account = accounts.find((a) => a.apikey === apikey);
  if (!account) throw new Error(`no account ${apikey}`);
  return { apikey, apitoken: account.apitoken, usertoken: account.usertoken };
};

const ledger = (emulator: RunningEmulator, apikey: string, cuit: string) =>
  call(emulator, "clientes/cuenta-corriente", {
    ...credentialsOf(apikey),
    cliente: { documento_tipo: "CUIT", documento_nro: cuit },
  });

const byDate = (emulator: RunningEmulator, apikey: string, fecha: string) =>
  call(emulator, "facturacion/consulta_avanzada", {
    ...credentialsOf(apikey),
    busqueda_tipo: "F",
    comprobante: { fecha },
  });

describe("an emulator dated to another day", () => {
  it("describes the day after the latest lookup-only comprobante, the tests' own clock", () => {
    expect(fixturesDay).toBe("2025-11-15");
    expect(buenosAiresDay(AS_OF)).toBe("2026-04-20");
    // 02:00 UTC is still the evening before in Buenos Aires.
    expect(buenosAiresDay(new Date("2026-04-20T02:00:00Z"))).toBe("2026-04-19");
  });

  it("serves the latest movement 45 days before the given day, amounts and saldo unchanged", async () => {
    const before = await ledger(unshifted, "1002", "33715443215");
    const after = await ledger(shifted, "1002", "33715443215");
    expect(before.resultados?.at(-1)).toMatchObject({ fecha: "01/10/2025", saldo: 140370.33 });
    expect(after.resultados?.at(-1)).toEqual({
      ...before.resultados?.at(-1),
      fecha: "06/03/2026",
    });
  });

  it.each(
    accounts.flatMap((account) =>
      [...account.clientes, ...(account.generatedClients ?? [])].map(({ cuit }) => ({
        apikey: account.apikey,
        cuit,
      })),
    ),
  )("$apikey / $cuit: every row moved 156 days, nothing else changed", async ({ apikey, cuit }) => {
    const [before, after] = await Promise.all([
      ledger(unshifted, apikey, cuit),
      ledger(shifted, apikey, cuit),
    ]);
    const rowsBefore = before.resultados ?? [];
    const rowsAfter = after.resultados ?? [];
    expect(rowsAfter).toHaveLength(rowsBefore.length);
    expect(after.error).toBe(before.error);
    rowsBefore.forEach((row, i) => {
      const moved = rowsAfter[i];
      expect(moved?.fecha).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(dayNumber(moved?.fecha ?? "") - dayNumber(row.fecha)).toBe(SHIFT);
      expect({ ...moved, fecha: row.fecha }).toEqual(row);
    });
  });

  it("moves the lookup-only comprobantes, their due dates and the dates in their status", async () => {
    const before = await byDate(unshifted, "1003", "14/11/2025");
    const after = await byDate(shifted, "1003", "19/04/2026");
    expect(after.total).toBe(5);
    expect(after.comprobantes).toEqual(
      JSON.parse(
        JSON.stringify(before.comprobantes)
          .replaceAll("14/11/2025", "19/04/2026")
          .replaceAll("24/11/2025", "29/04/2026")
          .replaceAll("16/11/2025", "21/04/2026")
          .replaceAll("14/12/2025", "19/05/2026"),
      ),
    );
    expect(JSON.stringify(after.comprobantes)).toContain("SE EMITE EL 21/04/2026");
    // The stored day is empty once moved.
    expect(await byDate(shifted, "1003", "14/11/2025")).toMatchObject({ error: "S", total: 0 });
  });

  it("dates a ledger comprobante's lookup like its row: due 30 days after it", async () => {
    const query = { tipo: "FACTURA A", punto_venta: 1, numero: 1066 };
    const before = await call(unshifted, "facturacion/consulta", {
      ...credentialsOf("1002"),
      comprobante: query,
    });
    const after = await call(shifted, "facturacion/consulta", {
      ...credentialsOf("1002"),
      comprobante: query,
    });
    expect(before.comprobante).toMatchObject({
      fecha: "01/10/2025",
      vencimiento_pago: "31/10/2025",
    });
    expect(after.comprobante).toEqual({
      ...(before.comprobante as object),
      fecha: "06/03/2026",
      vencimiento_pago: "05/04/2026",
      vencimiento_cae: "16/03/2026",
    });
  });

  it("counts the IVA report's future periods from the given day", async () => {
    const request = (mes: number) =>
      call(shifted, "micuenta/iva_compras_ventas", {
        ...credentialsOf("1003"),
        anio: 2026,
        mes,
        email: "contador@example.com",
      });
    await expect(request(4)).resolves.toMatchObject({ error: "N" });
    await expect(request(5)).resolves.toMatchObject({
      error: "S",
      errores: ["No es posible solicitar el reporte de un período futuro."],
    });
  });

  it("serves the stored dates, byte for byte, when dated to the fixtures' own day", async () => {
    const own = await startEmulator({
      port: 0,
      quiet: true,
      asOf: new Date(`${fixturesDay}T12:00:00-03:00`),
    });
    try {
      for (const [label, method, body] of [
        ["ledger", "clientes/cuenta-corriente", { cliente: { documento_nro: "30708123451" } }],
        [
          "lookup",
          "facturacion/consulta_avanzada",
          { busqueda_tipo: "F", comprobante: { fecha: "12/11/2025" } },
        ],
      ] as const) {
        const text = async (e: RunningEmulator) =>
          (
            await fetch(`${e.url}/app/api/v2/${method}`, {
              method: "POST",
              body: JSON.stringify({ ...credentialsOf("1001"), ...body }),
            })
          ).text();
        expect(await text(own), label).toBe(await text(unshifted));
      }
      const stored = accounts[0]?.clientes[0]?.cuentaCorriente;
      expect((await ledger(unshifted, "1001", "30708123451")).resultados).toEqual(stored);
    } finally {
      await own.close();
    }
  });
});
