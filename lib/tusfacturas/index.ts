import "server-only";
export { createTusFacturasClient } from "./client";
export type { TusFacturasCallEvent, TusFacturasClient, TusFacturasClientOptions } from "./client";
export {
  describeTusFacturasError,
  isSinComprobantesError,
  isTusFacturasError,
  TusFacturasError,
} from "./errors";
export type { TusFacturasErrorCode } from "./errors";
export { MAX_LIMITE } from "./params";
export type {
  ComprobanteEmitido,
  ComprobanteEstado,
  ComprobanteRef,
  ConsultaAvanzadaPage,
  ConsultaPorFechaRequest,
  ConsultaPorNumerosRequest,
  Consumo,
  CtacteStatus,
  IvaComprasVentasRequest,
  MovimientoCuentaCorriente,
  TusFacturasCredentials,
} from "./types";
