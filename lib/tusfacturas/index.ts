import "server-only";
import {
  createTusFacturasClient,
  type TusFacturasCallEvent,
  type TusFacturasClient,
} from "./client";

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

export type TusFacturasCallListener = (event: TusFacturasCallEvent) => void;

const DEFAULT_BASE_URL = "https://www.tusfacturas.app/app/api";

type Holder = { client?: TusFacturasClient; listener?: TusFacturasCallListener };

// On globalThis so Next's dev reloads keep one client (and one set of spacing queues).
const globalStore = globalThis as typeof globalThis & { __tableroTusFacturas?: Holder };
const holder: Holder = (globalStore.__tableroTusFacturas ??= {});

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const ms = Number(value);
  return Number.isInteger(ms) && ms > 0 ? ms : undefined;
}

/**
 * The process-wide client. Environment is read here and only here (until the app's env module
 * takes over): `TUSFACTURAS_API_URL` and `TUSFACTURAS_TIMEOUT_MS`.
 */
export function getTusFacturasClient(): TusFacturasClient {
  if (!holder.client) {
    const timeoutMs = parseTimeout(process.env.TUSFACTURAS_TIMEOUT_MS);
    holder.client = createTusFacturasClient({
      baseUrl: process.env.TUSFACTURAS_API_URL ?? DEFAULT_BASE_URL,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      onCall: (event) => holder.listener?.(event),
    });
  }
  return holder.client;
}

/** Sets (or clears, with `null`) the listener told about every upstream attempt. */
export function setTusFacturasCallListener(listener: TusFacturasCallListener | null): void {
  if (listener) holder.listener = listener;
  else delete holder.listener;
}
