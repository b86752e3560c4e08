import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "./emulator/server";
import {
  getTusFacturasClient,
  setTusFacturasCallListener,
  type TusFacturasCallEvent,
} from "./index";
import { CREDENTIALS_A } from "./testing/credentials";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, quiet: true });
  // The singleton reads the environment on first use.
  process.env.TUSFACTURAS_API_URL = `${emulator.url}/app/api`;
  process.env.TUSFACTURAS_TIMEOUT_MS = "5000";
});

afterAll(async () => {
  setTusFacturasCallListener(null);
  await emulator.close();
});

describe("getTusFacturasClient", () => {
  it("is one client per process, configured from the environment", async () => {
    const client = getTusFacturasClient();
    expect(getTusFacturasClient()).toBe(client);
    await expect(client.consumo(CREDENTIALS_A)).resolves.toMatchObject({ comprobantesCupo: 200 });
  });

  it("tells the listener about every upstream attempt, until it is cleared", async () => {
    const events: TusFacturasCallEvent[] = [];
    setTusFacturasCallListener((event) => events.push(event));
    await getTusFacturasClient().cuentaCorriente(CREDENTIALS_A, "30555666779");
    expect(events).toMatchObject([{ method: "clientes/cuenta-corriente", ok: true, status: 200 }]);
    setTusFacturasCallListener(null);
    await getTusFacturasClient().consumo(CREDENTIALS_A);
    expect(events).toHaveLength(1);
  });
});
