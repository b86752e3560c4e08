/**
 * Retry policy for read calls. Pure apart from `sleep`.
 */
import type { TusFacturasErrorCode } from "./errors";

const MAX_RETRY_AFTER_MS = 10_000;

/** Only failures that a later attempt can fix: throttling and upstream outages/timeouts. */
export function isRetryable(code: TusFacturasErrorCode): boolean {
  return code === "rate_limited" || code === "unavailable";
}

/** Exponential backoff (base, 2×base, 4×base…) plus up to 20% jitter so callers do not align. */
export function backoffDelayMs(retryIndex: number, baseMs: number, random = Math.random): number {
  return Math.round(baseMs * 2 ** retryIndex * (1 + 0.2 * random()));
}

/**
 * Delay asked for by a `Retry-After` header (seconds or an HTTP date), capped at 10 s, or
 * `undefined` when there is no usable header.
 */
export function retryAfterMs(header: string | null, nowMs = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - nowMs;
  }
  return Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS);
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
