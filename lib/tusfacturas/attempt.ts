import "server-only";
import { classifyResponse } from "./classify";
import { TusFacturasError } from "./errors";
import { retryAfterMs } from "./retry";

export type AttemptOutcome<T> =
  | { ok: true; value: T; status: number }
  | { ok: false; error: TusFacturasError; retryAfterMs?: number };

export type AttemptInput<T> = {
  fetch: typeof fetch;
  url: string;
  body: string;
  timeoutMs: number;
  decode: (json: unknown) => T;
};

function networkDetail(cause: unknown): string {
  // Only the error code (ECONNREFUSED, ENOTFOUND…): messages may carry the URL.
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  if (inner && typeof inner === "object" && "code" in inner && typeof inner.code === "string") {
    return `error de red ${inner.code}`;
  }
  return "error de red";
}

/**
 * One upstream HTTP attempt with its own timeout (covering the body too), classified.
 * Never throws: failures come back as `{ ok: false }` so the caller can report and retry.
 */
export async function attemptRequest<T>(input: AttemptInput<T>): Promise<AttemptOutcome<T>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, input.timeoutMs);
  let status: number | undefined;
  let retryAfter: number | undefined;
  try {
    const response = await input.fetch(input.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: input.body,
      signal: controller.signal,
      // A redirect would turn the POST into a GET and lose the body; treat it as unexpected.
      redirect: "manual",
    });
    status = response.status;
    retryAfter = retryAfterMs(response.headers.get("retry-after"));
    const text = await response.text();
    return { ok: true, value: classifyResponse(status, text, input.decode), status };
  } catch (cause) {
    if (cause instanceof TusFacturasError) {
      return retryAfter === undefined
        ? { ok: false, error: cause }
        : { ok: false, error: cause, retryAfterMs: retryAfter };
    }
    if (timedOut) {
      const init = status === undefined ? {} : { status };
      return {
        ok: false,
        error: new TusFacturasError("unavailable", { ...init, timedOut: true, detail: "timeout" }),
      };
    }
    return {
      ok: false,
      error: new TusFacturasError("unavailable", { detail: networkDetail(cause) }),
    };
  } finally {
    clearTimeout(timer);
  }
}
