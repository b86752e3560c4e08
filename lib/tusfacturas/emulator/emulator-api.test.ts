import { describe, expect, it } from "vitest";
import { isSinComprobantesError, TusFacturasError } from "../errors";
import { credentialsOf, setupEmulator } from "@/lib/testing/tusfacturas/emulator-harness";

const h = setupEmulator();
const A1001 = credentialsOf("1001");
const A1002 = credentialsOf("1002");
const A1003 = credentialsOf("1003");
const A1004 = credentialsOf("1004");

async function rejectionOf(promise: Promise<unknown>): Promise<TusFacturasError> {
  const error: unknown = await promise.catch((e: unknown) => e);
  if (!(error instanceof TusFacturasError))
    throw new Error(`expected a TusFacturasError, got ${String(error)}`);
  return error;
}

async function post(path: string, body: string, method = "POST") {
  const response = await fetch(`${h.url}${path}`, method === "GET" ? {} : { method, body });
  return { status: response.status, body: await response.text() };
}

describe("micuenta/consumo", () => {
  it("serves the documented figures as they are, even though they do not add up", async () => {
    await expect(h.client().consumo(A1001)).resolves.toEqual({
      abonosPendientes: 21,
      comprobantesGenerados: 12,
      comprobantesCupo: 100,
      comprobantesDisponibles: 79,
    });
  });

  it("parses the account that sends numbers as padded strings", async () => {
    const raw = await post("/v2/micuenta/consumo", JSON.stringify(A1002));
    expect(raw.body).toContain('"comprobantes_disponibles":"5 "');
    await expect(h.client().consumo(A1002)).resolves.toEqual({
      abonosPendientes: 3,
      comprobantesGenerados: 45,
      comprobantesCupo: 50,
      comprobantesDisponibles: 5,
    });
  });

  it("rejects unknown or mismatched credentials with HTTP 401", async () => {
    for (const credentials of [
      { ...A1003, usertoken: "otro" },
      { ...A1003, apikey: "9999" },
    ]) {
      const error = await rejectionOf(h.client().consumo(credentials));
      expect(error).toMatchObject({ code: "invalid_credentials", status: 401 });
    }
    expect((await h.control.calls("9999")).total).toBe(1);
  });
});

describe("clientes/cuenta-corriente", () => {
  it("returns the documented example ledger", async () => {
    const rows = await h.client().cuentaCorriente(A1003, "30555666779");
    expect(rows.map((r) => [r.fecha, r.debeCentavos, r.saldoCentavos, r.orden])).toEqual([
      ["2017-05-11", 11210, 11210, 0],
      ["2017-05-11", 11210, 22420, 1],
    ]);
  });

  it("repairs the double-encoded client name and trims padded conceptos", async () => {
    const rows = await h.client().cuentaCorriente(A1001, "30712340017");
    expect(rows[0]?.concepto).toBe(
      "FACTURA A 0002-00000210 (SERVICIOS DE INFORMÁTICA DEL LITORAL S.A.)",
    );
    const hotel = await h.client().cuentaCorriente(A1001, "30699112247");
    expect(hotel[0]?.concepto.endsWith("(HOTEL LOS ALAMOS S.R.L.)")).toBe(true);
  });

  it.each([
    ["an invalid CUIT", "30111222334", "El cuit ingresado 30111222334 no es válido"],
    ["a client outside the cartera", "30712293841", "El cliente no existe en tu cartera"],
    ["a client without movements", "30700987651", "No se han encontrado comprobantes."],
  ])("answers %s with error S", async (_label, cuit, message) => {
    const error = await rejectionOf(h.client().cuentaCorriente(A1003, cuit));
    expect(error).toMatchObject({ code: "rejected", status: 200, messages: [message] });
    expect(isSinComprobantesError(error)).toBe(message.startsWith("No se han"));
  });

  it("accepts only CUIT as documento_tipo", async () => {
    const body = { ...A1003, cliente: { documento_tipo: "DNI", documento_nro: "30555666779" } };
    const raw = await post("/v2/clientes/cuenta-corriente", JSON.stringify(body));
    expect(JSON.parse(raw.body)).toEqual({
      error: "S",
      errores: ["El tipo de documento enviado no es valido"],
    });
  });
});

describe("micuenta/iva_compras_ventas", () => {
  it("queues the report in the outbox", async () => {
    await h.client().ivaComprasVentas(A1004, { anio: 2025, mes: 10, email: "ruiz@example.com" });
    expect(await h.control.outbox()).toEqual([
      {
        apikey: "1004",
        anio: 2025,
        mes: 10,
        email: "ruiz@example.com",
        at: "2025-11-15T15:00:00.000Z",
      },
    ]);
  });

  it("refuses a future period", async () => {
    const error = await rejectionOf(
      h.client().ivaComprasVentas(A1004, { anio: 2025, mes: 12, email: "ruiz@example.com" }),
    );
    expect(error.messages).toEqual(["No es posible solicitar el reporte de un período futuro."]);
    expect(await h.control.outbox()).toEqual([]);
  });

  it.each([
    [{ anio: 2025, mes: 13, email: "a@b.com" }, "El mes indicado no es válido."],
    [
      { anio: 2025, mes: 1, email: "a@b.com, c@d.com" },
      "Se permite 1 casilla de e-mail solamente por solicitud.",
    ],
    [{ anio: 2025, mes: 1, email: "sin-arroba" }, "La dirección de e-mail indicada no es válida."],
    [{ anio: "dos mil", mes: 1, email: "a@b.com" }, "El año indicado no es válido."],
  ])("validates %j", async (fields, message) => {
    const raw = await post(
      "/v2/micuenta/iva_compras_ventas",
      JSON.stringify({ ...A1004, ...fields }),
    );
    expect(raw.status).toBe(200);
    expect(JSON.parse(raw.body)).toEqual({ error: "S", errores: [message] });
  });
});

describe("transport", () => {
  it("answers invalid JSON with 400, other verbs with 405, unknown methods with 404", async () => {
    expect((await post("/v2/micuenta/consumo", "{no es json")).status).toBe(400);
    expect((await post("/v2/micuenta/consumo", "", "GET")).status).toBe(405);
    expect((await post("/v2/micuenta/otra-cosa", "{}")).status).toBe(404);
    expect((await post("/app/api/v2/micuenta/consumo", JSON.stringify(A1003))).status).toBe(200);
  });

  it("answers 429 when a request of the same credentials is still in progress", async () => {
    await h.control.injectFault({ count: 1, apikey: "1004", kind: "latency", latencyMs: 300 });
    const body = JSON.stringify(A1004);
    const slow = post("/v2/micuenta/consumo", body);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [overlapping, other] = await Promise.all([
      post("/v2/micuenta/consumo", body),
      post("/v2/micuenta/consumo", JSON.stringify(A1003)),
    ]);
    expect(overlapping).toEqual({
      status: 429,
      body: '{"error":"S","errores":["Too many requests"]}',
    });
    expect(other.status).toBe(200);
    expect((await slow).status).toBe(200);
  });

  it("a second process overlapping the first gets 429 and its client retries", async () => {
    await h.control.injectFault({ count: 1, apikey: "1004", kind: "latency", latencyMs: 150 });
    const [a, b] = [h.client(), h.client({ retryBaseDelayMs: 200 })];
    const first = a.consumo(A1004);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await expect(b.consumo(A1004)).resolves.toMatchObject({ comprobantesCupo: 500 });
    await first;
    expect(await h.control.calls("1004")).toEqual({
      total: 3,
      byMethod: { "micuenta/consumo": 3 },
    });
  });
});
