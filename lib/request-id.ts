/**
 * The id that ties one request's log lines together. The proxy accepts a caller's id only
 * when it is this plain (no spaces, quotes or control characters that could forge log lines),
 * otherwise it makes one.
 */
export const REQUEST_ID_HEADER = "x-request-id";

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

export function isValidRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && REQUEST_ID_PATTERN.test(value);
}

/** The incoming id when it is valid, or a new random one. */
export function requestIdFrom(incoming: string | null): string {
  return isValidRequestId(incoming) ? incoming : crypto.randomUUID();
}
