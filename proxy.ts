import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER, REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";

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

// Every page and route but build assets, image optimization, the icons and other static files,
// and a link's prefetch: an RSC answer, not a document, so it needs neither nonce nor request id
// (Next's CSP guide advises leaving prefetches out). A prefetch carries both `RSC` and
// `Next-Router-Prefetch`, which a browser never sends on a navigation; the two entries are
// alternatives, so the proxy runs whenever either is missing, and any request that could be
// answered with a document keeps its policy. What a client sends as the proxy's own request
// headers never reaches the app (PROXY_REQUEST_HEADERS, lib/request-id.ts). Each page view prefetches the header's three links
// twice (route tree, then loading state); without the proxy each costs 0,3 ms of CPU instead
// of 0,8. Next reads the matcher at build time: literals only, hence the source written twice.
export const config = {
  matcher: [
    {
      source:
        "/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpe?g|gif|webp|avif|ico|css|js|map|txt|woff2?)$).*)",
      missing: [{ type: "header", key: "rsc", value: "1" }],
    },
    {
      source:
        "/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpe?g|gif|webp|avif|ico|css|js|map|txt|woff2?)$).*)",
      missing: [{ type: "header", key: "next-router-prefetch", value: "1" }],
    },
  ],
};
