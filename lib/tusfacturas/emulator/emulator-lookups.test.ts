import { describe, expect, it } from "vitest";
import type { TusFacturasCallEvent } from "../client";
import { isSinComprobantesError, TusFacturasError } from "../errors";
import { credentialsOf, setupEmulator } from "@/lib/testing/tusfacturas/emulator-harness";

const h = setupEmulator();
const A1003 = credentialsOf("1003");
const A1004 = credentialsOf("1004");
const DAY = { fecha: "2025-11-14", pagina: 0, limite: 1000 };

describe("facturacion/consulta_avanzada by date (F)", () => {
  it("serves a day most recent first: DNI clients, a queued and a failed comprobante", async () => {
    const page = await h.client().consultaAvanzadaPorFecha(A1003, DAY);
    expect(page.total).toBe(5);
    expect(page.comprobantes.map((c) => [c.tipo, c.numero, c.estado])).toEqual([
      ["FACTURA B", 44, "con_error"],
      ["FACTURA A", 15, "en_cola"],
      ["FACTURA B", 43, "emitido"],
      ["FACTURA B", 42, "emitido"],
      ["FACTURA B", 41, "emitido"],
    ]);
    expect(page.comprobantes[4]).toEqual({
      cliente: { documentoTipo: "DNI", documentoNro: "28123456", razonSocial: "JUAN CARLOS PEREZ" },
      fecha: "2025-11-14",
      tipo: "FACTURA B",
      puntoVenta: 1,
      numero: 41,
      totalCentavos: 1_500_050,
      vencimientoPago: "2025-12-14",
      ctacteStatus: "impaga",
      estado: "emitido",
      statusText: "EMITIDO",
      cae: "70001000000041",
    });
    expect(page.comprobantes[3]?.cliente.razonSocial).toBe("ROSA MUÑOZ");
    expect(page.comprobantes[1]).toMatchObject({
      cae: null,
      ctacteStatus: null,
      statusText: "APROBADO Y EN COLA. SE EMITE EL 16/11/2025",
    });
  });

  it("pages with pagina/limite and keeps the total of every match", async () => {
    const client = h.client();
    const pages = [];
    for (let pagina = 0; pagina < 3; pagina++) {
      pages.push(await client.consultaAvanzadaPorFecha(A1003, { ...DAY, pagina, limite: 2 }));
    }
    expect(pages.map((p) => [p.total, p.comprobantes.map((c) => c.numero)])).toEqual([
      [5, [44, 15]],
      [5, [43, 42]],
      [5, [41]],
    ]);
  });

  it("an empty day is an empty page, not a failure", async () => {
    await expect(
      h.client().consultaAvanzadaPorFecha(A1003, { ...DAY, fecha: "2025-11-13" }),
    ).resolves.toEqual({ total: 0, comprobantes: [] });
    await expect(
      h.client().consultaAvanzadaPorFecha(A1003, { ...DAY, operacion: "C" }),
    ).resolves.toEqual({ total: 0, comprobantes: [] });
  });

  it("is free: counted as a call, never billed, never spends the quota", async () => {
    const events: TusFacturasCallEvent[] = [];
    const client = h.client({ onCall: (e) => events.push(e) });
    await h.control.setRequestsRemaining("1003", 0);
    await client.consultaAvanzadaPorFecha(A1003, DAY);
    await client.consultaComprobante(A1003, { tipo: "FACTURA B", puntoVenta: 1, numero: 41 });
    expect(events.map((e) => [e.method, e.billed])).toEqual([
      ["facturacion/consulta_avanzada", false],
      ["facturacion/consulta", false],
    ]);
    expect(await h.control.calls("1003")).toEqual({
      total: 2,
      byMethod: { "facturacion/consulta_avanzada": 1, "facturacion/consulta": 1 },
    });
    expect(await h.control.billed("1003")).toBe(0);
    await expect(client.consumo(A1003)).rejects.toMatchObject({ code: "rejected" });
    expect(await h.control.allBilled()).toEqual({ byApikey: { "1003": 1 }, total: 1 });
  });

  it("answers 429 to an overlapping request of the same credentials, like every method", async () => {
    await h.control.injectFault({ count: 1, apikey: "1003", kind: "latency", latencyMs: 300 });
    const body = JSON.stringify({
      ...A1003,
      busqueda_tipo: "F",
      comprobante: { fecha: "14/11/2025" },
    });
    const post = () => fetch(`${h.url}/v2/facturacion/consulta_avanzada`, { method: "POST", body });
    const slow = post();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await post()).status).toBe(429);
    expect((await slow).status).toBe(200);
    expect(await h.control.throttled("1003")).toBe(1);
  });

  it("rejects malformed arguments before any request", async () => {
    const client = h.client();
    const bad = [
      { ...DAY, fecha: "14/11/2025" },
      { ...DAY, fecha: "2025-02-30" },
      { ...DAY, limite: 1001 },
      { ...DAY, limite: 0 },
      { ...DAY, pagina: -1 },
    ];
    for (const request of bad) {
      await expect(client.consultaAvanzadaPorFecha(A1003, request)).rejects.toThrow(RangeError);
    }
    await expect(
      client.consultaComprobante(A1003, { tipo: "FACTURA B", puntoVenta: 0, numero: 1 }),
    ).rejects.toThrow(RangeError);
    expect((await h.control.calls("1003")).total).toBe(0);
  });
});

describe("facturacion/consulta_avanzada by number range (TN)", () => {
  it("finds one type's range in the credentials' punto de venta only", async () => {
    const client = h.client();
    const range = { tipo: "factura b", numeroDesde: 42, numeroHasta: 43, pagina: 0, limite: 10 };
    const page = await client.consultaAvanzadaPorNumeros(A1003, { ...range, puntoVenta: 1 });
    expect(page.comprobantes.map((c) => c.numero)).toEqual([43, 42]);
    await expect(
      client.consultaAvanzadaPorNumeros(A1003, { ...range, puntoVenta: 2 }),
    ).resolves.toEqual({ total: 0, comprobantes: [] });
  });
});

describe("facturacion/consulta", () => {
  it("returns one comprobante of a seeded ledger, with its due date and ctacte status", async () => {
    const comprobante = await h
      .client()
      .consultaComprobante(A1003, { tipo: "FACTURA A", puntoVenta: 1, numero: 10 });
    expect(comprobante).toMatchObject({
      cliente: { documentoTipo: "CUIT", documentoNro: "27382910457" },
      fecha: "2024-11-04",
      totalCentavos: 100_000,
      vencimientoPago: "2024-12-04",
      ctacteStatus: "pagada",
      estado: "emitido",
    });
  });

  it("a comprobante that does not exist is TusFacturas' 'no se han encontrado'", async () => {
    const error: unknown = await h
      .client()
      .consultaComprobante(A1004, { tipo: "FACTURA B", puntoVenta: 1, numero: 999 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TusFacturasError);
    expect(isSinComprobantesError(error)).toBe(true);
  });
});
