import { describe, expect, it } from "vitest";
import type { TusFacturasCallEvent } from "../client";
import { TusFacturasError } from "../errors";
import { credentialsOf, setupEmulator } from "@/lib/testing/tusfacturas/emulator-harness";

const h = setupEmulator();
const A1003 = credentialsOf("1003");
const A1005 = credentialsOf("1005");

async function rejectionOf(promise: Promise<unknown>): Promise<TusFacturasError> {
  const error: unknown = await promise.catch((e: unknown) => e);
  if (!(error instanceof TusFacturasError))
    throw new Error(`expected a TusFacturasError, got ${String(error)}`);
  return error;
}

describe("faults", () => {
  it("http500 once: the read is retried and succeeds; both attempts are billed", async () => {
    await h.control.injectFault({ count: 1, kind: "http500" });
    const events: TusFacturasCallEvent[] = [];
    await expect(h.client({ onCall: (e) => events.push(e) }).consumo(A1003)).resolves.toMatchObject(
      {
        comprobantesDisponibles: 193,
      },
    );
    expect(events.map((e) => [e.ok, e.status])).toEqual([
      [false, 500],
      [true, 200],
    ]);
    expect((await h.control.calls("1003")).total).toBe(2);
  });

  it("http524 on every attempt: unavailable after 3 attempts", async () => {
    await h.control.injectFault({ count: 3, kind: "http524", method: "clientes/cuenta-corriente" });
    const error = await rejectionOf(h.client().cuentaCorriente(A1003, "30555666779"));
    expect(error).toMatchObject({ code: "unavailable", status: 524, timedOut: false });
    expect(await h.control.calls("1003")).toEqual({
      total: 3,
      byMethod: { "clientes/cuenta-corriente": 3 },
    });
  });

  it("http429 with Retry-After 0 is retried", async () => {
    await h.control.injectFault({ count: 2, kind: "http429", retryAfterSeconds: 0 });
    await expect(h.client().consumo(A1003)).resolves.toBeDefined();
    expect((await h.control.calls("1003")).total).toBe(3);
  });

  it("malformed: a truncated 200 is a bad_response and is not retried", async () => {
    await h.control.injectFault({ count: 1, kind: "malformed" });
    const error = await rejectionOf(h.client().consumo(A1003));
    expect(error).toMatchObject({ code: "bad_response", status: 200 });
    expect((await h.control.calls("1003")).total).toBe(1);
  });

  it.each([[[]], [["  Servicio suspendido  "]]])("rejected with messages %j", async (messages) => {
    await h.control.injectFault({ count: 1, kind: "rejected", messages });
    const error = await rejectionOf(h.client().consumo(A1003));
    expect(error.code).toBe("rejected");
    expect(error.messages).toEqual(messages.map((m) => m.trim()));
  });

  it("latency beyond the client's timeout: timedOut, and the IVA call is not retried", async () => {
    await h.control.injectFault({ count: 5, kind: "latency", latencyMs: 400 });
    const client = h.client({ timeoutMs: 100 });
    const request = { anio: 2025, mes: 1, email: "a@example.com" };
    const error = await rejectionOf(client.ivaComprasVentas(A1003, request));
    expect(error).toMatchObject({ code: "unavailable", timedOut: true });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await h.control.calls("1003")).toEqual({
      total: 1,
      byMethod: { "micuenta/iva_compras_ventas": 1 },
    });
  });

  it("only hits the calls it targets", async () => {
    await h.control.injectFault({
      count: 1,
      apikey: "1005",
      kind: "http500",
      method: "micuenta/consumo",
    });
    const client = h.client({ maxRetries: 0 });
    await expect(client.consumo(A1003)).resolves.toBeDefined();
    await expect(client.cuentaCorriente(A1005, "30555666779")).resolves.toHaveLength(2);
    await expect(client.consumo(A1005)).rejects.toMatchObject({ code: "unavailable" });
    await expect(client.consumo(A1005)).resolves.toBeDefined();
  });

  it("rejects malformed control bodies", async () => {
    await expect(h.control.injectFault({ count: 0, kind: "http500" })).rejects.toThrow(/400/);
  });
});

describe("quota, overrides, counters and reset", () => {
  it("requests-remaining: once exhausted, every call answers TusFacturas' quota error", async () => {
    await h.control.setRequestsRemaining("1005", 1);
    const client = h.client();
    await expect(client.consumo(A1005)).resolves.toBeDefined();
    const error = await rejectionOf(client.cuentaCorriente(A1005, "30555666779"));
    expect(error.messages).toEqual(["Has superado la cantidad de requests de tu plan."]);
    await h.control.setRequestsRemaining("1005", null);
    await expect(client.consumo(A1005)).resolves.toBeDefined();
  });

  it("overrides consumo figures", async () => {
    await h.control.setConsumo({
      apikey: "1003",
      comprobantes_disponibles: 0,
      comprobantes_generados: 200,
    });
    await expect(h.client().consumo(A1003)).resolves.toEqual({
      abonosPendientes: 0,
      comprobantesGenerados: 200,
      comprobantesCupo: 200,
      comprobantesDisponibles: 0,
    });
  });

  it("counts calls per apikey and method", async () => {
    const client = h.client();
    await client.consumo(A1003);
    await client.consumo(A1003);
    await client.cuentaCorriente(A1003, "30555666779");
    await client.consumo(A1005);
    expect(await h.control.calls("1003")).toEqual({
      total: 3,
      byMethod: { "micuenta/consumo": 2, "clientes/cuenta-corriente": 1 },
    });
    expect(await h.control.calls("1006")).toEqual({ total: 0, byMethod: {} });
    expect(await h.control.allCalls()).toEqual({
      byApikey: {
        "1003": { total: 3, byMethod: { "micuenta/consumo": 2, "clientes/cuenta-corriente": 1 } },
        "1005": { total: 1, byMethod: { "micuenta/consumo": 1 } },
      },
      total: 4,
    });
  });

  it("counts the calls answered 429 per apikey: overlapping ones and injected ones", async () => {
    await h.control.injectFault({ count: 1, apikey: "1003", kind: "latency", latencyMs: 300 });
    const body = JSON.stringify(A1003);
    const post = () => fetch(`${h.url}/v2/micuenta/consumo`, { method: "POST", body });
    const slow = post();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await post()).status).toBe(429);
    expect((await slow).status).toBe(200);
    await h.control.injectFault({ count: 1, apikey: "1005", kind: "http429" });
    await expect(h.client({ maxRetries: 0 }).consumo(A1005)).rejects.toBeInstanceOf(
      TusFacturasError,
    );
    await h.client().consumo(A1005);

    expect(await h.control.throttled("1003")).toBe(1);
    expect(await h.control.throttled("1005")).toBe(1);
    expect(await h.control.throttled("1006")).toBe(0);
    expect(await h.control.allThrottled()).toEqual({
      byApikey: { "1003": 1, "1005": 1 },
      total: 2,
    });
    // Every 429 was a call too.
    expect((await h.control.calls("1003")).total).toBe(2);
    await h.control.reset();
    expect(await h.control.allThrottled()).toEqual({ byApikey: {}, total: 0 });
  });

  it("reset restores the seed: figures, quotas, faults, counters and outbox", async () => {
    const client = h.client({ maxRetries: 0 });
    await h.control.setConsumo({ apikey: "1003", comprobantes_cupo: 1 });
    await h.control.setRequestsRemaining("1003", 0);
    await h.control.injectFault({ count: 5, kind: "http500" });
    await client
      .ivaComprasVentas(A1005, { anio: 2025, mes: 1, email: "a@example.com" })
      .catch(() => undefined);
    await h.control.reset();
    expect(await h.control.allCalls()).toEqual({ byApikey: {}, total: 0 });
    expect(await h.control.outbox()).toEqual([]);
    await expect(client.consumo(A1003)).resolves.toMatchObject({ comprobantesCupo: 200 });
  });
});
