import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_BUSINESS_CREDENTIALS, benchBusinessAccount } from "./bench-business";
import { startEmulator, type RunningEmulator } from "./server";

const day = (fecha: string) => ({
  ...BENCH_BUSINESS_CREDENTIALS,
  busqueda_tipo: "F",
  comprobante: { fecha, operacion: "V" },
});

async function lookUp(emulator: RunningEmulator, body: unknown) {
  const response = await fetch(`${emulator.url}/app/api/v2/facturacion/consulta_avanzada`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("startEmulator's extraAccounts", () => {
  let plain: RunningEmulator;
  let bench: RunningEmulator;
  beforeAll(async () => {
    [plain, bench] = await Promise.all([
      startEmulator({ port: 0, quiet: true }),
      startEmulator({ port: 0, quiet: true, extraAccounts: [benchBusinessAccount()] }),
    ]);
  });
  afterAll(() => Promise.all([plain?.close(), bench?.close()]));

  it("serves the bench's business only to the emulator given it", async () => {
    const served = await lookUp(bench, day("15/06/2025"));
    expect(served).toMatchObject({ status: 200, json: { error: "N", total: 50 } });
    expect(served.json.comprobantes).toHaveLength(50);
    expect((await lookUp(plain, day("15/06/2025"))).status).toBe(401);
  });
});
