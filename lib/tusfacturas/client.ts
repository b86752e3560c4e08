import "server-only";
import { attemptRequest, type AttemptOutcome } from "./attempt";
import { credentialKey, hasBlankCredential, scrubSecrets } from "./credentials";
import { isSinComprobantesError, TusFacturasError, type TusFacturasErrorCode } from "./errors";
import { createCredentialLanes } from "./lanes";
import { backoffDelayMs, isRetryable, sleep } from "./retry";
import {
  decodeConsulta,
  decodeConsultaAvanzada,
  decodeConsumo,
  decodeCuentaCorriente,
  decodeIvaComprasVentas,
} from "./decoders";
import {
  checkIvaRequest,
  consultaParams,
  consultaPorFechaParams,
  consultaPorNumerosParams,
  normalizeCuit,
} from "./params";
import type {
  ComprobanteEmitido,
  ComprobanteRef,
  ConsultaAvanzadaPage,
  ConsultaPorFechaRequest,
  ConsultaPorNumerosRequest,
  Consumo,
  IvaComprasVentasRequest,
  MovimientoCuentaCorriente,
  TusFacturasCredentials,
} from "./types";
import type { CuentaCorrienteRequestWire } from "./wire";

export type TusFacturasCallEvent = {
  method: string;
  ok: boolean;
  status?: number;
  code?: TusFacturasErrorCode;
  durationMs: number;
  /** False for the lookups (`facturacion/consulta*`): TusFacturas does not bill them. */
  billed: boolean;
};

export type TusFacturasClientOptions = {
  /** e.g. "https://www.tusfacturas.app/app/api"; methods are POST `${baseUrl}/v2/${method}`. */
  baseUrl: string;
  /** Per attempt, body included. Default 30 000 (TusFacturas' own samples). */
  timeoutMs?: number;
  /** Gap between attempts of one credential set. Default 100. */
  minSpacingMs?: number;
  /** Retries for reads only (consumo, cuenta corriente). Default 2. */
  maxRetries?: number;
  /** First backoff delay; doubles each retry. Default 500. */
  retryBaseDelayMs?: number;
  fetch?: typeof fetch;
  /**
   * Holds one credential set's turn across processes (keyed by an opaque digest, never a
   * secret) around each attempt and the spacing after it. Default: this process's lanes only.
   */
  exclusive?: <T>(key: string, task: () => Promise<T>) => Promise<T>;
  /**
   * Called once per upstream HTTP attempt. Every attempt of consumo, cuenta corriente and IVA is
   * billed by TusFacturas, retries included; the lookups are free (`billed: false`).
   */
  onCall?: (event: TusFacturasCallEvent) => void;
};

export interface TusFacturasClient {
  consumo(credentials: TusFacturasCredentials): Promise<Consumo>;
  cuentaCorriente(
    credentials: TusFacturasCredentials,
    cuit: string,
  ): Promise<MovimientoCuentaCorriente[]>;
  /**
   * `beforeSend` runs in the credentials' turn just before the request leaves; if it throws,
   * nothing is sent.
   */
  ivaComprasVentas(
    credentials: TusFacturasCredentials,
    request: IvaComprasVentasRequest,
    options?: { beforeSend?: () => Promise<void> },
  ): Promise<void>;
  /** Free. One page of the comprobantes issued on one day, most recent first. */
  consultaAvanzadaPorFecha(
    credentials: TusFacturasCredentials,
    request: ConsultaPorFechaRequest,
  ): Promise<ConsultaAvanzadaPage>;
  /** Free. One page of the comprobantes of one type and punto de venta in a number range. */
  consultaAvanzadaPorNumeros(
    credentials: TusFacturasCredentials,
    request: ConsultaPorNumerosRequest,
  ): Promise<ConsultaAvanzadaPage>;
  /** Free. One comprobante of the credentials' punto de venta. */
  consultaComprobante(
    credentials: TusFacturasCredentials,
    ref: ComprobanteRef,
  ): Promise<ComprobanteEmitido>;
}

type CallSpec<T> = {
  method: string;
  params: Record<string, unknown>;
  decode: (json: unknown) => T;
  retry: boolean;
  /** Whether TusFacturas counts the call against the plan. */
  billed: boolean;
  beforeSend?: () => Promise<void>;
};

/**
 * Builds a client. Malformed arguments (a CUIT without 11 digits, mes 13…) are programming errors
 * and reject with a `RangeError` before any billed request; blank credentials reject with
 * `invalid_credentials` without calling upstream. Everything else rejects with `TusFacturasError`.
 */
export function createTusFacturasClient(options: TusFacturasClientOptions): TusFacturasClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 2;
  const retryBaseDelayMs = options.retryBaseDelayMs ?? 500;
  const fetchImpl = options.fetch ?? fetch;
  const lanes = createCredentialLanes(options.minSpacingMs ?? 100, undefined, options.exclusive);
  const inFlight = new Map<string, Promise<unknown>>();

  function report(
    spec: CallSpec<unknown>,
    outcome: AttemptOutcome<unknown>,
    durationMs: number,
  ): void {
    if (!options.onCall) return;
    const { method, billed } = spec;
    const event: TusFacturasCallEvent = outcome.ok
      ? { method, ok: true, status: outcome.status, durationMs, billed }
      : { method, ok: false, code: outcome.error.code, durationMs, billed };
    if (!outcome.ok && outcome.error.status !== undefined) event.status = outcome.error.status;
    try {
      options.onCall(event);
    } catch {
      // A failing listener must not turn a successful call into a failure.
    }
  }

  async function run<T>(credentials: TusFacturasCredentials, key: string, spec: CallSpec<T>) {
    // Only the three credential fields: callers may pass a wider object (a database row).
    const { apikey, apitoken, usertoken } = credentials;
    const body = JSON.stringify({ apikey, apitoken, usertoken, ...spec.params });
    for (let retryIndex = 0; ; retryIndex++) {
      const outcome = await lanes.run(key, async () => {
        await spec.beforeSend?.();
        const startedAt = performance.now();
        const result = await attemptRequest({
          fetch: fetchImpl,
          url: `${baseUrl}/v2/${spec.method}`,
          body,
          timeoutMs,
          decode: spec.decode,
        });
        report(spec, result, performance.now() - startedAt);
        return result;
      });
      if (outcome.ok) return outcome.value;
      const { error } = outcome;
      if (!spec.retry || retryIndex >= maxRetries || !isRetryable(error.code)) {
        throw withScrubbedMessages(error, credentials);
      }
      await sleep(outcome.retryAfterMs ?? backoffDelayMs(retryIndex, retryBaseDelayMs));
    }
  }

  function call<T>(credentials: TusFacturasCredentials, spec: CallSpec<T>): Promise<T> {
    if (hasBlankCredential(credentials)) {
      return Promise.reject(new TusFacturasError("invalid_credentials", { detail: "en blanco" }));
    }
    const key = credentialKey(credentials);
    // A call with its own hook is one caller's: never shared with another.
    if (spec.beforeSend) return run(credentials, key, spec);
    const dedupeKey = `${key}\n${spec.method}\n${JSON.stringify(spec.params)}`;
    const existing = inFlight.get(dedupeKey);
    if (existing) return existing as Promise<T>;
    const promise = run(credentials, key, spec).finally(() => inFlight.delete(dedupeKey));
    inFlight.set(dedupeKey, promise);
    return promise;
  }

  async function consultaAvanzada(
    credentials: TusFacturasCredentials,
    params: Record<string, unknown>,
  ): Promise<ConsultaAvanzadaPage> {
    try {
      return await call(credentials, {
        method: "facturacion/consulta_avanzada",
        params,
        decode: decodeConsultaAvanzada,
        retry: true,
        billed: false,
      });
    } catch (error) {
      // An empty day or range comes as a rejection ("No se han encontrado comprobantes.").
      if (isSinComprobantesError(error)) return { total: 0, comprobantes: [] };
      throw error;
    }
  }

  return {
    consumo(credentials) {
      return call(credentials, {
        method: "micuenta/consumo",
        params: {},
        decode: decodeConsumo,
        retry: true,
        billed: true,
      });
    },
    async cuentaCorriente(credentials, cuit) {
      const params: CuentaCorrienteRequestWire = {
        cliente: { documento_tipo: "CUIT", documento_nro: normalizeCuit(cuit) },
      };
      return call(credentials, {
        method: "clientes/cuenta-corriente",
        params,
        decode: decodeCuentaCorriente,
        retry: true,
        billed: true,
      });
    },
    async ivaComprasVentas(credentials, request, { beforeSend } = {}) {
      const params = checkIvaRequest(request);
      // Never retried: a second attempt can email the report twice and is billed again.
      await call(credentials, {
        method: "micuenta/iva_compras_ventas",
        params,
        decode: decodeIvaComprasVentas,
        retry: false,
        billed: true,
        ...(beforeSend ? { beforeSend } : {}),
      });
    },
    async consultaAvanzadaPorFecha(credentials, request) {
      return consultaAvanzada(credentials, consultaPorFechaParams(request));
    },
    async consultaAvanzadaPorNumeros(credentials, request) {
      return consultaAvanzada(credentials, consultaPorNumerosParams(request));
    },
    async consultaComprobante(credentials, ref) {
      return call(credentials, {
        method: "facturacion/consulta",
        params: consultaParams(ref),
        decode: decodeConsulta,
        retry: true,
        billed: false,
      });
    },
  };
}

function withScrubbedMessages(
  error: TusFacturasError,
  credentials: TusFacturasCredentials,
): TusFacturasError {
  const messages = error.messages.map((m) => scrubSecrets(m, credentials));
  if (messages.every((m, i) => m === error.messages[i])) return error;
  const init = { messages, timedOut: error.timedOut };
  return new TusFacturasError(
    error.code,
    error.status === undefined ? init : { ...init, status: error.status },
  );
}
