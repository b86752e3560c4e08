import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";

/** As lib/security-log/request.ts names it (that module is server-only, the proxy is not). */
const PATH_HEADER = "x-tablero-path";

/**
 * Gives every request an id (the app reads it from the request headers, `requestLogger` in
 * lib/log.ts, and the caller gets it back to quote in a report) and a fresh CSP nonce: Next.js
 * reads the policy from the request headers and puts the nonce on the scripts it renders.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const policy = contentSecurityPolicy(newNonce(), {
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set("Content-Security-Policy", policy);
  // For the security log: a page's refusal names the page.
  headers.set(PATH_HEADER, request.nextUrl.pathname);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Everything but build assets, image optimization and the files of public/ and the
    // manifest, by name: a page whose last segment merely ends like a file's (a client's
    // `….txt`) still renders, and still needs its nonce and its own request headers.
    "/((?!_next/static/|_next/image|(?:favicon\\.(?:ico|svg)|apple-touch-icon\\.png|icon-(?:192|512|maskable-512)\\.png|robots\\.txt|manifest\\.webmanifest)$).*)",
  ],
};
