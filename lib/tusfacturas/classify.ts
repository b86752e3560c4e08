/**
 * Turns one HTTP answer (status + body text) into a value or a `TusFacturasError`.
 * The HTTP status decides first; the JSON envelope second. Pure.
 */
import { TusFacturasError } from "./errors";
import { toMessages } from "./transform";
import { envelopeSchema } from "./wire";

type Json = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): Json {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** TusFacturas' messages when the body is an `error: "S"` envelope, else `null`. */
function rejectionMessages(json: Json): string[] | null {
  if (!json.ok) return null;
  const envelope = envelopeSchema.safeParse(json.value);
  if (!envelope.success || envelope.data.error !== "S") return null;
  return toMessages(envelope.data);
}

function describeDecodeFailure(cause: unknown): string {
  if (cause && typeof cause === "object" && "issues" in cause && Array.isArray(cause.issues)) {
    const first: unknown = cause.issues[0];
    if (first && typeof first === "object" && "path" in first && Array.isArray(first.path)) {
      return `campo inesperado en ${first.path.map(String).join(".") || "la raíz"}`;
    }
  }
  return "respuesta con forma inesperada";
}

/**
 * Classifies an answer. `decode` validates and maps a successful (`error: "N"`) body and throws
 * on any mismatch, which becomes `bad_response`.
 */
export function classifyResponse<T>(status: number, text: string, decode: (json: unknown) => T): T {
  const json = parseJson(text);
  if (status === 401 || status === 403) {
    throw new TusFacturasError("invalid_credentials", {
      status,
      messages: rejectionMessages(json) ?? [],
    });
  }
  if (status === 429) {
    throw new TusFacturasError("rate_limited", { status, messages: rejectionMessages(json) ?? [] });
  }
  if (status >= 500) {
    // Includes Cloudflare's 524 with an HTML page instead of JSON.
    throw new TusFacturasError("unavailable", { status });
  }
  if (status >= 400 && status < 500) {
    const messages = rejectionMessages(json);
    if (messages && messages.length > 0) {
      throw new TusFacturasError("rejected", { status, messages });
    }
    throw new TusFacturasError("bad_response", { status, detail: "estado HTTP inesperado" });
  }
  if (status < 200 || status >= 300) {
    throw new TusFacturasError("bad_response", { status, detail: "estado HTTP inesperado" });
  }
  if (!json.ok) throw new TusFacturasError("bad_response", { status, detail: "respuesta no JSON" });
  const envelope = envelopeSchema.safeParse(json.value);
  if (!envelope.success) {
    throw new TusFacturasError("bad_response", {
      status,
      detail: describeDecodeFailure(envelope.error),
    });
  }
  if (envelope.data.error === "S") {
    throw new TusFacturasError("rejected", { status, messages: toMessages(envelope.data) });
  }
  try {
    return decode(json.value);
  } catch (cause) {
    throw new TusFacturasError("bad_response", { status, detail: describeDecodeFailure(cause) });
  }
}
