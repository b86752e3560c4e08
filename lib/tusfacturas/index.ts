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
export type {
  Consumo,
  IvaComprasVentasRequest,
  MovimientoCuentaCorriente,
  TusFacturasCredentials,
} from "./types";
