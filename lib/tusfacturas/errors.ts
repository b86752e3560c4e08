/**
 * The one error type of the TusFacturas adapter and its Spanish description.
 * Pure: safe to import anywhere; it never holds credentials, URLs or upstream stack traces.
 */

export type TusFacturasErrorCode =
  "invalid_credentials" | "rate_limited" | "unavailable" | "bad_response" | "rejected";

export type TusFacturasErrorInit = {
  /** TusFacturas' own messages, already cleaned. */
  messages?: string[];
  status?: number;
  timedOut?: boolean;
  /** Short technical detail for logs (no credentials, no URLs). */
  detail?: string;
};

const tusFacturasErrorBrand = Symbol.for("tablero.TusFacturasError");

/**
 * An expected failure of a TusFacturas call, classified by `code`. `instanceof` works across
 * copies of this module: Next bundles server code once per layer (pages, actions), and the
 * process-wide client and services live across them.
 */
export class TusFacturasError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && tusFacturasErrorBrand in value;
  }

  readonly [tusFacturasErrorBrand] = true;
  readonly code: TusFacturasErrorCode;
  readonly messages: string[];
  readonly status?: number;
  readonly timedOut: boolean;

  constructor(code: TusFacturasErrorCode, init: TusFacturasErrorInit = {}) {
    const status = init.status === undefined ? "" : ` (HTTP ${init.status})`;
    const detail = init.detail ? `: ${init.detail}` : "";
    super(`TusFacturas ${code}${status}${detail}`);
    this.name = "TusFacturasError";
    this.code = code;
    this.messages = init.messages ?? [];
    if (init.status !== undefined) this.status = init.status;
    this.timedOut = init.timedOut ?? false;
  }
}

/** Narrowing helper for `catch (e: unknown)`. */
export function isTusFacturasError(value: unknown): value is TusFacturasError {
  return value instanceof TusFacturasError;
}

/**
 * Spanish (es-AR), user-facing text for an error. TusFacturas' own messages are shown as they
 * came for rejections; everything else gets a fixed sentence with no internals.
 */
export function describeTusFacturasError(e: TusFacturasError): string {
  switch (e.code) {
    case "invalid_credentials":
      return "Las credenciales de TusFacturas no son válidas.";
    case "rate_limited":
      return "TusFacturas recibió demasiadas solicitudes seguidas. Esperá unos segundos y probá de nuevo.";
    case "unavailable":
      return e.timedOut
        ? "TusFacturas no respondió a tiempo. Probá de nuevo en unos minutos."
        : "TusFacturas no está disponible en este momento. Probá de nuevo en unos minutos.";
    case "bad_response":
      return "TusFacturas respondió algo que Tablero no pudo interpretar.";
    case "rejected":
      return e.messages.length > 0
        ? `TusFacturas rechazó el pedido: ${e.messages.join("; ")}`
        : "TusFacturas rechazó el pedido sin indicar el motivo.";
  }
}

/**
 * True for TusFacturas' answer to a known client without movements ("No se han encontrado
 * comprobantes."), which the app may prefer to show as an empty ledger rather than a failure.
 */
export function isSinComprobantesError(e: unknown): boolean {
  return (
    e instanceof TusFacturasError &&
    e.code === "rejected" &&
    e.messages.some((m) => /no se (han|ha) encontrado comprobantes/i.test(m))
  );
}
