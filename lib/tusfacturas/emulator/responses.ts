/**
 * Answers the emulator sends, built the way TusFacturas builds them.
 */

export type EmulatorResponse = {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
};

/** A JSON answer. */
export function jsonResponse(
  status: number,
  value: unknown,
  headers?: Record<string, string>,
): EmulatorResponse {
  const response: EmulatorResponse = {
    status,
    body: JSON.stringify(value),
    contentType: "application/json; charset=utf-8",
  };
  if (headers) response.headers = headers;
  return response;
}

/** TusFacturas' business error: HTTP 200 with `error: "S"` and its messages. */
export function rejection(messages: string[], status = 200): EmulatorResponse {
  return jsonResponse(status, { error: "S", errores: messages });
}

// The real text for wrong credentials is not documented; this one is plausible and only the
// HTTP status matters to the adapter.
export const ACCESS_DENIED = "Acceso denegado: las credenciales de acceso no son válidas.";
// Not documented either: the docs only say every call fails once the quota runs out.
export const QUOTA_EXHAUSTED = "Has superado la cantidad de requests de tu plan.";

/** Cloudflare's page for a 524 (origin took too long): HTML, not JSON. */
export const CLOUDFLARE_524_HTML = `<!DOCTYPE html>
<html lang="en-US">
<head><title>www.tusfacturas.app | 524: A timeout occurred</title></head>
<body>
<div id="cf-wrapper"><h1>A timeout occurred <span>Error code 524</span></h1>
<p>The origin web server timed out responding to this request.</p>
<p>Cloudflare Ray ID: 8f0c0ffee0000000 &bull; Performance &amp; security by Cloudflare</p></div>
</body>
</html>
`;

/** A 200 whose JSON body was cut short (a dropped connection behind a proxy). */
export const MALFORMED_BODY = '{"error":"N","errores":[],"abonos_pe';
