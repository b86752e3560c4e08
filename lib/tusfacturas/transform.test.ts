import { describe, expect, it } from "vitest";
import { classifyResponse } from "./classify";
import {
  decodeConsultaAvanzada,
  decodeConsumo,
  decodeCuentaCorriente,
  decodeIvaComprasVentas,
} from "./decoders";
import { TusFacturasError, type TusFacturasErrorCode } from "./errors";
import { listResponseFixtures, readResponseFixture } from "./fixtures/load";

/** Runs a recorded wire response through the same classifier and decoders the client uses. */
function parse<T>(name: string, decode: (json: unknown) => T, status = 200): T {
  return classifyResponse(status, readResponseFixture(name), decode);
}

function failure(name: string, decode: (json: unknown) => unknown): TusFacturasError {
  try {
    parse(name, decode);
  } catch (error) {
    if (error instanceof TusFacturasError) return error;
    throw error;
  }
  throw new Error(`${name} was expected to fail`);
}

const consumoCases: [string, [number, number, number, number]][] = [
  ["consumo-ok", [21, 12, 100, 79]],
  ["consumo-numeros-como-texto", [3, 45, 50, 5]],
  ["consumo-sin-errores", [0, 7, 200, 193]],
  ["consumo-errores-texto", [1, 0, 10, 10]],
];

const rejectedCases: [string, string[]][] = [
  ["cuenta-corriente-sin-comprobantes", ["No se han encontrado comprobantes."]],
  ["cuenta-corriente-cuit-invalido", ["El cuit ingresado 2112321321 no es válido"]],
  ["cuenta-corriente-cliente-inexistente", ["El cliente no existe en tu cartera"]],
  ["cuenta-corriente-documento-tipo", ["El tipo de documento enviado no es valido"]],
  ["error-sin-mensajes", []],
  ["error-mensajes-vacios", []],
  ["error-con-detalles", ["Tu plan no incluye este método."]],
  [
    "error-doble-codificacion",
    ["El cliente SERVICIOS DE INFORMÁTICA DEL LITORAL S.A. no tiene comprobantes"],
  ],
  ["error-cuota-agotada", ["Has superado la cantidad de requests de tu plan."]],
  ["iva-periodo-futuro", ["No es posible solicitar el reporte de un período futuro."]],
  ["consulta-avanzada-sin-comprobantes", ["No se han encontrado comprobantes."]],
];

const badResponseCases: [string, (json: unknown) => unknown][] = [
  ["consumo-incompleto", decodeConsumo],
  ["consumo-numero-decimal", decodeConsumo],
  ["cuenta-corriente-fecha-invalida", decodeCuentaCorriente],
  ["cuenta-corriente-importe-invalido", decodeCuentaCorriente],
  ["sin-campo-error", decodeConsumo],
  ["consulta-avanzada-vencimiento-invalido", decodeConsultaAvanzada],
];

// The lookups' successful answers are checked in transform-comprobantes.test.ts.
const otherCases = [
  "consulta-avanzada-ok",
  "consulta-avanzada-pagina",
  "consulta-avanzada-sin-total",
  "consulta-ok",
  "cuenta-corriente-ok",
  "cuenta-corriente-peculiaridades",
  "cuenta-corriente-sin-resultados",
  "cuenta-corriente-resultados-vacios",
  "iva-ok",
  "iva-ok-rta",
];

describe("recorded wire responses", () => {
  it("every fixture file is covered by a case below", () => {
    const covered = [
      ...consumoCases.map(([name]) => name),
      ...rejectedCases.map(([name]) => name),
      ...badResponseCases.map(([name]) => name),
      ...otherCases,
    ].sort();
    expect(covered).toEqual(listResponseFixtures());
  });

  it.each(consumoCases)("%s → consumo as reported", (name, [abonos, generados, cupo, disp]) => {
    expect(parse(name, decodeConsumo)).toEqual({
      abonosPendientes: abonos,
      comprobantesGenerados: generados,
      comprobantesCupo: cupo,
      comprobantesDisponibles: disp,
    });
  });

  it.each(rejectedCases)("%s → rejected with TusFacturas' cleaned messages", (name, messages) => {
    const error = failure(name, decodeCuentaCorriente);
    expect(error.code).toBe<TusFacturasErrorCode>("rejected");
    expect(error.messages).toEqual(messages);
    expect(error.status).toBe(200);
  });

  it.each(badResponseCases)("%s → bad_response", (name, decode) => {
    expect(failure(name, decode).code).toBe<TusFacturasErrorCode>("bad_response");
  });

  it("cuenta-corriente-ok: the documented example in centavos and ISO dates", () => {
    expect(parse("cuenta-corriente-ok", decodeCuentaCorriente)).toEqual([
      {
        fecha: "2017-05-11",
        concepto: "FACTURA A 0002-00000001 (CUIT DE PRUEBA)",
        debeCentavos: 11210,
        haberCentavos: 0,
        restaAbonarCentavos: 11210,
        saldoCentavos: 11210,
        orden: 0,
      },
      {
        fecha: "2017-05-11",
        concepto: "FACTURA A 0002-00000002 (CUIT DE PRUEBA)",
        debeCentavos: 11210,
        haberCentavos: 0,
        restaAbonarCentavos: 11210,
        saldoCentavos: 22420,
        orden: 1,
      },
    ]);
  });

  it("cuenta-corriente-peculiaridades: padded text and numbers, mojibake, float residue", () => {
    const rows = parse("cuenta-corriente-peculiaridades", decodeCuentaCorriente);
    expect(rows.map((r) => r.fecha)).toEqual([
      "2024-01-02",
      "2024-02-01",
      "2024-02-29",
      "2024-03-01",
    ]);
    expect(rows[0]?.concepto).toBe(
      "FACTURA A 0002-00000010 (SERVICIOS DE INFORMÁTICA DEL LITORAL S.A.)",
    );
    expect(rows[3]?.concepto).toBe("FACTURA A 0002-00000011 (Panadería de Müller)");
    expect(rows.map((r) => [r.debeCentavos, r.haberCentavos, r.saldoCentavos])).toEqual([
      [1523499, 0, 1523499],
      [0, 3000029, -1476530],
      [29, 0, -1476501],
      [100000000, 0, 98523499],
    ]);
    expect(rows.map((r) => r.orden)).toEqual([0, 1, 2, 3]);
  });

  it.each(["cuenta-corriente-sin-resultados", "cuenta-corriente-resultados-vacios"])(
    "%s → empty ledger",
    (name) => {
      expect(parse(name, decodeCuentaCorriente)).toEqual([]);
    },
  );

  it.each(["iva-ok", "iva-ok-rta"])("%s → accepted", (name) => {
    expect(() => parse(name, decodeIvaComprasVentas)).not.toThrow();
  });
});
