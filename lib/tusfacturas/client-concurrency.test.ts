import { describe, expect, it } from "vitest";
import { createTusFacturasClient } from "./client";
import {
  CONSUMO_OK,
  CREDENTIALS_A,
  CREDENTIALS_B,
  CUENTA_CORRIENTE_OK,
} from "@/lib/testing/tusfacturas/credentials";
import {
  createFakeFetch,
  json,
  type FakeReply,
  type RecordedRequest,
} from "@/lib/testing/tusfacturas/fake-fetch";

function setup(script: FakeReply[], minSpacingMs: number) {
  const fake = createFakeFetch(script);
  const client = createTusFacturasClient({
    baseUrl: "https://tf.test",
    fetch: fake.fetch,
    minSpacingMs,
    retryBaseDelayMs: 0,
  });
  return { client, fake };
}

function gaps(requests: RecordedRequest[]): number[] {
  return requests.slice(1).map((r, i) => r.startedAt - (requests[i]?.finishedAt ?? Infinity));
}

describe("spacing per credential set", () => {
  it("serializes attempts of one set with at least minSpacingMs between them", async () => {
    const { client, fake } = setup([{ ...json(CUENTA_CORRIENTE_OK), delayMs: 15 }], 50);
    await Promise.all(
      ["30555666779", "30700987651", "27382910457", "30712293841"].map((cuit) =>
        client.cuentaCorriente(CREDENTIALS_A, cuit),
      ),
    );
    expect(fake.requests).toHaveLength(4);
    for (const gap of gaps(fake.requests)) expect(gap).toBeGreaterThanOrEqual(50);
  });

  it("also spaces a retry from the failed attempt", async () => {
    const { client, fake } = setup([json({ error: "S" }, 500), json(CONSUMO_OK)], 60);
    await client.consumo(CREDENTIALS_A);
    expect(gaps(fake.requests)[0]).toBeGreaterThanOrEqual(60);
  });

  it("spaces consecutive (not only concurrent) calls", async () => {
    const { client, fake } = setup([json(CONSUMO_OK)], 40);
    await client.consumo(CREDENTIALS_A);
    await client.consumo(CREDENTIALS_A);
    expect(gaps(fake.requests)[0]).toBeGreaterThanOrEqual(40);
  });

  it("runs different credential sets in parallel", async () => {
    const { client, fake } = setup([{ ...json(CONSUMO_OK), delayMs: 100 }], 100);
    await Promise.all([client.consumo(CREDENTIALS_A), client.consumo(CREDENTIALS_B)]);
    const [a, b] = fake.requests;
    expect(Math.abs((a?.startedAt ?? 0) - (b?.startedAt ?? Infinity))).toBeLessThan(50);
  });

  it("a failure does not block the next call of the set", async () => {
    const { client, fake } = setup([json({ error: "S", errores: ["No"] }), json(CONSUMO_OK)], 5);
    const [first, second] = await Promise.allSettled([
      client.cuentaCorriente(CREDENTIALS_A, "30555666779"),
      client.consumo(CREDENTIALS_A),
    ]);
    expect(first.status).toBe("rejected");
    expect(second.status).toBe("fulfilled");
    expect(fake.requests).toHaveLength(2);
  });
});

describe("de-duplication of identical concurrent calls", () => {
  it("two identical consumo calls share one upstream request", async () => {
    const { client, fake } = setup([{ ...json(CONSUMO_OK), delayMs: 20 }], 0);
    const [a, b] = await Promise.all([
      client.consumo(CREDENTIALS_A),
      client.consumo(CREDENTIALS_A),
    ]);
    expect(fake.requests).toHaveLength(1);
    expect(a).toEqual(b);
  });

  it("shares failures too, and the next call after settling goes upstream again", async () => {
    const { client, fake } = setup([json({ error: "S", errores: ["No"] }), json(CONSUMO_OK)], 0);
    const results = await Promise.allSettled([
      client.consumo(CREDENTIALS_A),
      client.consumo(CREDENTIALS_A),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await expect(client.consumo(CREDENTIALS_A)).resolves.toMatchObject({ comprobantesCupo: 200 });
    expect(fake.requests).toHaveLength(2);
  });

  it("different bodies are different calls", async () => {
    const { client, fake } = setup([json(CUENTA_CORRIENTE_OK)], 0);
    await Promise.all([
      client.cuentaCorriente(CREDENTIALS_A, "30555666779"),
      client.cuentaCorriente(CREDENTIALS_A, "30700987651"),
    ]);
    expect(fake.requests).toHaveLength(2);
  });

  it("different credentials are different calls", async () => {
    const { client, fake } = setup([json(CONSUMO_OK)], 0);
    await Promise.all([client.consumo(CREDENTIALS_A), client.consumo(CREDENTIALS_B)]);
    expect(fake.requests).toHaveLength(2);
  });

  it("a double-clicked IVA request sends one e-mail request", async () => {
    const { client, fake } = setup([json({ error: "N", errores: [] })], 0);
    const request = { anio: 2024, mes: 5, email: "estudio@example.com" };
    await Promise.all([
      client.ivaComprasVentas(CREDENTIALS_A, request),
      client.ivaComprasVentas(CREDENTIALS_A, { ...request }),
    ]);
    expect(fake.requests).toHaveLength(1);
  });
});
