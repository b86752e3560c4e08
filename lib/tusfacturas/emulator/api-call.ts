/**
 * One call to a TusFacturas method, in the order the real service seems to apply things:
 * every call is counted, overlapping calls of one credential set get 429, then queued
 * faults, credentials, the plan's request quota (billed methods only: the lookups neither
 * spend it nor are refused when it is exhausted) and finally the method itself.
 */
import { isBilledMethod, type ApiMethod } from "./control-schemas";
import { handleConsumo, handleCuentaCorriente, handleIva } from "./api-handlers";
import { handleConsulta, handleConsultaAvanzada } from "./lookup-handlers";
import {
  ACCESS_DENIED,
  CLOUDFLARE_524_HTML,
  MALFORMED_BODY,
  QUOTA_EXHAUSTED,
  jsonResponse,
  rejection,
  type EmulatorResponse,
} from "./responses";
import type { EmulatorState, QueuedFault } from "./state";

export type ApiCall = {
  state: EmulatorState;
  method: ApiMethod;
  body: Record<string, unknown>;
  now: () => Date;
};

const text = (value: unknown): string =>
  typeof value === "string" || typeof value === "number" ? String(value).trim() : "";

function faultResponse(fault: QueuedFault): EmulatorResponse | null {
  switch (fault.kind) {
    case "latency":
      return null;
    case "http429":
      return jsonResponse(
        429,
        { error: "S", errores: ["Too many requests"] },
        fault.retryAfterSeconds === undefined
          ? undefined
          : { "Retry-After": String(fault.retryAfterSeconds) },
      );
    case "http500":
      return jsonResponse(500, { error: "S", errores: ["Error interno del servidor."] });
    case "http524":
      return { status: 524, body: CLOUDFLARE_524_HTML, contentType: "text/html; charset=UTF-8" };
    case "malformed":
      return { status: 200, body: MALFORMED_BODY, contentType: "application/json; charset=utf-8" };
    case "rejected":
      return rejection(fault.messages ?? []);
  }
}

/** Answers one call, counting it (and its 429 answer, if it gets one) under its apikey. */
export async function handleApiCall(call: ApiCall): Promise<EmulatorResponse> {
  const response = await answer(call);
  const apikey = text(call.body.apikey);
  if (apikey && response.status === 429) call.state.countThrottled(apikey);
  return response;
}

async function answer(call: ApiCall): Promise<EmulatorResponse> {
  const { state, method, body } = call;
  const apikey = text(body.apikey);
  const apitoken = text(body.apitoken);
  const usertoken = text(body.usertoken);
  // Calls without an apikey cannot be attributed to any account, so they are not counted.
  if (apikey) state.countCall(apikey, method);

  const credentialKey = `${apikey}\u0000${apitoken}\u0000${usertoken}`;
  if (!state.tryEnter(credentialKey)) {
    return jsonResponse(429, { error: "S", errores: ["Too many requests"] });
  }
  try {
    const fault = state.takeFault(apikey, method);
    if (fault) {
      const response = faultResponse(fault);
      if (response) return response;
      await new Promise((resolve) => setTimeout(resolve, fault.latencyMs ?? 0));
    }
    const account = state.accounts.get(apikey);
    if (!account || account.apitoken !== apitoken || account.usertoken !== usertoken) {
      return jsonResponse(401, { error: "S", errores: [ACCESS_DENIED] });
    }
    if (isBilledMethod(method) && !state.consumeRequest(apikey)) {
      return rejection([QUOTA_EXHAUSTED]);
    }
    switch (method) {
      case "micuenta/consumo":
        return handleConsumo(state, account);
      case "clientes/cuenta-corriente":
        return handleCuentaCorriente(account, body);
      case "micuenta/iva_compras_ventas":
        return handleIva(state, account, body, call.now());
      case "facturacion/consulta_avanzada":
        return handleConsultaAvanzada(account, body);
      case "facturacion/consulta":
        return handleConsulta(account, body);
    }
  } finally {
    state.leave(credentialKey);
  }
}
