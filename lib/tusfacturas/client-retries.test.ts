import { describe, expect, it } from "vitest";
import { createTusFacturasClient, type TusFacturasClient } from "./client";
import { readResponseFixture } from "./fixtures/load";
import { backoffDelayMs, retryAfterMs } from "./retry";
import {
  CONSUMO_OK,
  CREDENTIALS_A,
  CUENTA_CORRIENTE_OK,
} from "@/lib/testing/tusfacturas/credentials";
import { createFakeFetch, json, type FakeReply } from "@/lib/testing/tusfacturas/fake-fetch";

const CONSULTA_AVANZADA_OK: unknown = JSON.parse(readResponseFixture("consulta-avanzada-pagina"));
const CONSULTA_OK: unknown = JSON.parse(readResponseFixture("consulta-ok"));
const DAY = { fecha: "2025-06-01", pagina: 0, limite: 100 };
const FACTURA = { tipo: "FACTURA A", puntoVenta: 2, numero: 10 };
const IVA = { anio: 2024, mes: 5, email: "estudio@example.com" };
const fail500 = json({ error: "S", errores: ["boom"] }, 500);
const fail429 = json({ error: "S", errores: ["Too many requests"] }, 429);

function setup(script: FakeReply[], retryBaseDelayMs = 1) {
  const fake = createFakeFetch(script);
  const client = createTusFacturasClient({
    baseUrl: "https://tf.test",
    fetch: fake.fetch,
    minSpacingMs: 0,
    retryBaseDelayMs,
    timeoutMs: 50,
  });
  return { client, fake };
}

const reads: [string, (c: TusFacturasClient) => Promise<unknown>, unknown][] = [
  ["consumo", (c) => c.consumo(CREDENTIALS_A), CONSUMO_OK],
  ["cuentaCorriente", (c) => c.cuentaCorriente(CREDENTIALS_A, "30555666779"), CUENTA_CORRIENTE_OK],
  [
    "consultaAvanzadaPorFecha",
    (c) => c.consultaAvanzadaPorFecha(CREDENTIALS_A, DAY),
    CONSULTA_AVANZADA_OK,
  ],
  ["consultaComprobante", (c) => c.consultaComprobante(CREDENTIALS_A, FACTURA), CONSULTA_OK],
];

describe.each(reads)("%s (a read)", (_name, call, okBody) => {
  it.each<[string, FakeReply]>([
    ["500", fail500],
    ["429", fail429],
    ["524", { status: 524, body: "<html>524</html>" }],
    ["network error", { network: true }],
    ["timeout", { hang: true }],
  ])("retries after %s and succeeds", async (_label, failure) => {
    const { client, fake } = setup([failure, failure, json(okBody)]);
    await expect(call(client)).resolves.toBeDefined();
    expect(fake.requests).toHaveLength(3);
  });

  it("gives up after maxRetries (2) retries: 3 attempts", async () => {
    const { client, fake } = setup([fail500]);
    await expect(call(client)).rejects.toMatchObject({ code: "unavailable", status: 500 });
    expect(fake.requests).toHaveLength(3);
  });

  it.each<[string, FakeReply, string]>([
    ["401", json({ error: "S", errores: [] }, 401), "invalid_credentials"],
    ["403", json({ error: "S", errores: [] }, 403), "invalid_credentials"],
    ["error S", json({ error: "S", errores: ["No"] }), "rejected"],
    ["malformed", { status: 200, body: "{" }, "bad_response"],
    ["404", { status: 404, body: "nope" }, "bad_response"],
  ])("does not retry %s", async (_label, reply, code) => {
    const { client, fake } = setup([reply, json(okBody)]);
    await expect(call(client)).rejects.toMatchObject({ code });
    expect(fake.requests).toHaveLength(1);
  });

  it("backs off exponentially between attempts", async () => {
    const { client, fake } = setup([fail500, fail500, json(okBody)], 40);
    await call(client);
    const [a, b, c] = fake.requests;
    expect((b?.startedAt ?? 0) - (a?.finishedAt ?? 0)).toBeGreaterThanOrEqual(39);
    expect((c?.startedAt ?? 0) - (b?.finishedAt ?? 0)).toBeGreaterThanOrEqual(79);
  });
});

describe("ivaComprasVentas is never retried", () => {
  it.each<[string, FakeReply, string]>([
    ["500", fail500, "unavailable"],
    ["429", fail429, "rate_limited"],
    ["524", { status: 524, body: "<html>524</html>" }, "unavailable"],
    ["network error", { network: true }, "unavailable"],
    ["timeout", { hang: true }, "unavailable"],
  ])("%s → one attempt only", async (_label, failure, code) => {
    const { client, fake } = setup([failure, json({ error: "N", errores: [] })]);
    await expect(client.ivaComprasVentas(CREDENTIALS_A, IVA)).rejects.toMatchObject({ code });
    expect(fake.requests).toHaveLength(1);
  });
});

describe("Retry-After", () => {
  it("is honoured in seconds", async () => {
    const { client, fake } = setup([
      { ...fail429, headers: { "Retry-After": "1" } },
      json(CONSUMO_OK),
    ]);
    await client.consumo(CREDENTIALS_A);
    const [first, second] = fake.requests;
    expect((second?.startedAt ?? 0) - (first?.finishedAt ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("is capped at 10 s and accepts HTTP dates", () => {
    expect(retryAfterMs("120")).toBe(10_000);
    expect(retryAfterMs("2")).toBe(2_000);
    expect(retryAfterMs(new Date(5_000).toUTCString(), 2_000)).toBe(3_000);
    expect(retryAfterMs("mañana")).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it("backoff doubles with at most 20% jitter", () => {
    expect(backoffDelayMs(0, 500, () => 0)).toBe(500);
    expect(backoffDelayMs(1, 500, () => 0)).toBe(1_000);
    expect(backoffDelayMs(2, 500, () => 0.999)).toBeLessThanOrEqual(2_400);
  });
});
