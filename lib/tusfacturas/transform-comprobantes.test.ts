import { describe, expect, it } from "vitest";
import { classifyResponse } from "./classify";
import { decodeConsulta, decodeConsultaAvanzada } from "./decoders";
import { readResponseFixture } from "./fixtures/load";
import { consultaAvanzadaResponseSchema } from "./wire";

const parse = <T>(name: string, decode: (json: unknown) => T): T =>
  classifyResponse(200, readResponseFixture(name), decode);

describe("facturacion/consulta_avanzada answers", () => {
  it("consulta-avanzada-ok: every documented quirk, most recent first as sent", () => {
    const page = parse("consulta-avanzada-ok", decodeConsultaAvanzada);
    expect(page.total).toBe(4);
    expect(page.comprobantes).toEqual([
      {
        cliente: { documentoTipo: "DNI", documentoNro: "1292963535", razonSocial: "ROSA MUÑOZ" },
        fecha: "2025-11-14",
        tipo: "FACTURA B",
        puntoVenta: 3,
        numero: 44,
        totalCentavos: 50_000,
        vencimientoPago: null,
        ctacteStatus: null,
        estado: "con_error",
        statusText: "ENVIADO A PROCESAR - CON ERROR",
        cae: null,
      },
      {
        cliente: {
          documentoTipo: "CUIT",
          documentoNro: "30555666779",
          razonSocial: "CUIT DE PRUEBA",
        },
        fecha: "2025-11-14",
        tipo: "FACTURA A",
        puntoVenta: 3,
        numero: 15,
        totalCentavos: 121_000,
        vencimientoPago: "2025-12-14",
        ctacteStatus: null,
        estado: "en_cola",
        statusText: "APROBADO Y EN COLA. SE EMITE EL 16/11/2025",
        cae: null,
      },
      {
        cliente: {
          documentoTipo: "DNI",
          documentoNro: "28123456",
          razonSocial: "JUAN CARLOS PEREZ",
        },
        fecha: "2025-11-13",
        tipo: "NOTA DE DEBITO B",
        puntoVenta: 3,
        numero: 7,
        totalCentavos: 300_050,
        vencimientoPago: "2025-12-13",
        ctacteStatus: "pago_parcial",
        estado: "emitido",
        statusText: "EMITIDO",
        cae: "70003000000007",
      },
      {
        cliente: {
          documentoTipo: "CUIT",
          documentoNro: "30708123451",
          razonSocial: "SUPERMERCADO EL TREBOL S.A.",
        },
        fecha: "2025-11-01",
        tipo: "NOTA DE CREDITO A",
        puntoVenta: 3,
        numero: 2,
        totalCentavos: 1_523_499,
        vencimientoPago: null,
        ctacteStatus: "pagada",
        estado: "emitido",
        statusText: "EMITIDO",
        cae: "70003000000002",
      },
    ]);
  });

  it("consulta-avanzada-pagina: `total` counts every match, not the page", () => {
    const page = parse("consulta-avanzada-pagina", decodeConsultaAvanzada);
    expect(page.total).toBe(2501);
    expect(page.comprobantes.map((c) => [c.numero, c.ctacteStatus])).toEqual([[310, "impaga"]]);
  });

  it("consulta-avanzada-sin-total: answers from before 2022 count their page; unknown status → null", () => {
    const page = parse("consulta-avanzada-sin-total", decodeConsultaAvanzada);
    expect(page.total).toBe(1);
    expect(page.comprobantes[0]).toMatchObject({ totalCentavos: 11_210, ctacteStatus: null });
  });

  it("tax fields: numeric strings and blanks pass, words do not", () => {
    const page = JSON.parse(readResponseFixture("consulta-avanzada-pagina")) as {
      comprobantes: { comprobante: Record<string, unknown> }[];
    };
    const withTax = (value: unknown) => {
      const copy = structuredClone(page);
      copy.comprobantes[0]!.comprobante.percepciones_iva = value;
      return consultaAvanzadaResponseSchema.safeParse(copy).success;
    };
    expect([withTax("0"), withTax(" 12.50 "), withTax(0), withTax(""), withTax(null)]).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(withTax("cero")).toBe(false);
  });
});

describe("facturacion/consulta answers", () => {
  it('consulta-ok: one comprobante with errores [""], text repaired, CAE trimmed', () => {
    expect(parse("consulta-ok", decodeConsulta)).toEqual({
      cliente: {
        documentoTipo: "CUIT",
        documentoNro: "30712340017",
        razonSocial: "SERVICIOS DE INFORMÁTICA DEL LITORAL S.A.",
      },
      fecha: "2024-01-02",
      tipo: "FACTURA A",
      puntoVenta: 2,
      numero: 10,
      totalCentavos: 1_523_499,
      vencimientoPago: "2024-02-01",
      ctacteStatus: "impaga",
      estado: "emitido",
      statusText: "EMITIDO",
      cae: "74023014567890",
    });
  });
});
