import { describe, expect, it } from "vitest";
import {
  describeTusFacturasError,
  isSinComprobantesError,
  TusFacturasError,
  type TusFacturasErrorCode,
} from "./errors";

describe("describeTusFacturasError", () => {
  it.each<[TusFacturasErrorCode, ConstructorParameters<typeof TusFacturasError>[1], string]>([
    ["invalid_credentials", { status: 401 }, "Las credenciales de TusFacturas no son válidas."],
    [
      "rate_limited",
      { status: 429 },
      "TusFacturas recibió demasiadas solicitudes seguidas. Esperá unos segundos y probá de nuevo.",
    ],
    [
      "unavailable",
      { status: 524 },
      "TusFacturas no está disponible en este momento. Probá de nuevo en unos minutos.",
    ],
    [
      "unavailable",
      { timedOut: true },
      "TusFacturas no respondió a tiempo. Probá de nuevo en unos minutos.",
    ],
    [
      "bad_response",
      { status: 200 },
      "TusFacturas respondió algo que Tablero no pudo interpretar.",
    ],
    [
      "rejected",
      { messages: ["El cliente no existe en tu cartera", "Otro motivo"] },
      "TusFacturas rechazó el pedido: El cliente no existe en tu cartera; Otro motivo",
    ],
    ["rejected", { messages: [] }, "TusFacturas rechazó el pedido sin indicar el motivo."],
  ])("%s %j", (code, init, text) => {
    expect(describeTusFacturasError(new TusFacturasError(code, init))).toBe(text);
  });

  it("keeps internals out of the error itself", () => {
    const error = new TusFacturasError("unavailable", { status: 502, detail: "error de red" });
    expect(error.message).toBe("TusFacturas unavailable (HTTP 502): error de red");
    expect(error.name).toBe("TusFacturasError");
    expect(error.timedOut).toBe(false);
    expect(error.messages).toEqual([]);
  });
});

describe("isSinComprobantesError", () => {
  it("recognises TusFacturas' answer for a client without movements", () => {
    const error = new TusFacturasError("rejected", {
      messages: ["No se han encontrado comprobantes."],
    });
    expect(isSinComprobantesError(error)).toBe(true);
    expect(isSinComprobantesError(new TusFacturasError("rejected"))).toBe(false);
    expect(isSinComprobantesError(new Error("No se han encontrado comprobantes."))).toBe(false);
  });
});
