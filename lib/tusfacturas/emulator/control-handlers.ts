/**
 * Test-only control surface under `/__control/`: JSON in, JSON out. Never part of the real API.
 */
import type { z } from "zod";
import { consumoOverrideSchema, faultSchema, requestsRemainingSchema } from "./control-schemas";
import { jsonResponse, type EmulatorResponse } from "./responses";
import type { EmulatorState } from "./state";

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> | EmulatorResponse {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  return jsonResponse(400, { error: "Cuerpo inválido", issues: result.error.issues });
}

const isResponse = (value: unknown): value is EmulatorResponse =>
  typeof value === "object" && value !== null && "status" in value && "contentType" in value;

const ok = (): EmulatorResponse => jsonResponse(200, { ok: true });
const unknownAccount = (apikey: string) =>
  jsonResponse(404, { error: `No hay una cuenta sembrada con apikey ${apikey}` });

/**
 * Routes `path` (after `/__control`) for `httpMethod`; `body` is the parsed JSON for POSTs.
 * Returns `null` for unknown routes.
 */
export function handleControl(
  state: EmulatorState,
  httpMethod: string,
  path: string,
  body: unknown,
): EmulatorResponse | null {
  if (httpMethod === "GET") {
    if (path === "/health") return ok();
    if (path === "/calls") return jsonResponse(200, state.callsReport());
    const calls = /^\/calls\/([^/]+)$/.exec(path);
    if (calls) return jsonResponse(200, state.callsOf(decodeURIComponent(calls[1] ?? "")));
    if (path === "/throttled") return jsonResponse(200, state.throttledReport());
    const throttled = /^\/throttled\/([^/]+)$/.exec(path);
    if (throttled) {
      const apikey = decodeURIComponent(throttled[1] ?? "");
      return jsonResponse(200, { apikey, count: state.throttledOf(apikey) });
    }
    if (path === "/billed") return jsonResponse(200, state.billedReport());
    const billed = /^\/billed\/([^/]+)$/.exec(path);
    if (billed) {
      const apikey = decodeURIComponent(billed[1] ?? "");
      return jsonResponse(200, { apikey, count: state.billedOf(apikey) });
    }
    if (path === "/outbox") return jsonResponse(200, { requests: state.outbox });
    return null;
  }
  if (httpMethod !== "POST") return null;
  switch (path) {
    case "/reset":
      state.reset();
      return ok();
    case "/consumo": {
      const input = parse(consumoOverrideSchema, body);
      if (isResponse(input)) return input;
      const { apikey, ...figures } = input;
      const current = state.consumo.get(apikey);
      if (!current) return unknownAccount(apikey);
      state.consumo.set(apikey, { ...current, ...figures });
      return ok();
    }
    case "/faults": {
      const input = parse(faultSchema, body);
      if (isResponse(input)) return input;
      const { count, ...fault } = input;
      state.faults.push({ ...fault, remaining: count });
      return ok();
    }
    case "/requests-remaining": {
      const input = parse(requestsRemainingSchema, body);
      if (isResponse(input)) return input;
      if (!state.accounts.has(input.apikey)) return unknownAccount(input.apikey);
      if (input.remaining === null) state.requestsRemaining.delete(input.apikey);
      else state.requestsRemaining.set(input.apikey, input.remaining);
      return ok();
    }
    default:
      return null;
  }
}
