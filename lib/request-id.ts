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

/** The path the proxy saw, so a page's refusal names the page (lib/security-log/request.ts). */
export const PATH_HEADER = "x-tablero-path";

/**
 * Request headers only the proxy writes (the policy, whose nonce Next puts on the page's
 * scripts, and the path): what a client sends under these names is dropped before Next sees the
 * request (`stampIncomingRequests`, lib/auth/client-address.ts), so a request the proxy does not
 * run for, a link's prefetch, carries none of them.
 */
export const PROXY_REQUEST_HEADERS = [PATH_HEADER, "content-security-policy"] as const;
