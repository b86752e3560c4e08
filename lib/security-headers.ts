/**
 * The security headers of every response. The Content-Security-Policy carries a nonce made
 * per request in proxy.ts: Next.js puts it on its own scripts, and 'strict-dynamic' lets
 * those load the rest, so no other script runs, whatever gets into a page.
 */

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one response. Styles: Tailwind's stylesheet is a file ('self'), and React
 * renders `style` attributes (Recharts sizes its SVG with them), which only
 * `style-src-attr 'unsafe-inline'` admits; no inline <style> element runs without the nonce.
 * Images: Tablero's own, and the data: URL of the two-factor QR code.
 */
export function contentSecurityPolicy(nonce: string, { dev }: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join("; ");
}

/** Headers every response carries, pages or files (set in next.config.ts). */
export function staticSecurityHeaders({
  production,
}: {
  production: boolean;
}): { key: string; value: string }[] {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
    // Tablero uses no camera, microphone, location, payment or sensor: nobody may.
    {
      key: "Permissions-Policy",
      value: [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
      ]
        .map((feature) => `${feature}=()`)
        .join(", "),
    },
    // Browsers ignore it over plain http (the tests, the demo); behind TLS it pins https.
    ...(production
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
  ];
}

/**
 * Framing, the opener, the permissions policy: only a document reads them, so the build's own
 * files (scripts, styles) go without; they would add some 450 bytes to every script of a visit.
 */
const DOCUMENT_ONLY = new Set([
  "X-Frame-Options",
  "Cross-Origin-Opener-Policy",
  "Permissions-Policy",
]);

/** The headers of the build's files under /_next/static (see `staticSecurityHeaders`). */
export function fileSecurityHeaders(options: {
  production: boolean;
}): { key: string; value: string }[] {
  return staticSecurityHeaders(options).filter(({ key }) => !DOCUMENT_ONLY.has(key));
}
