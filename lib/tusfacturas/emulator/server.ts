/**
 * Standalone TusFacturas emulator (node:http, no framework) for development, tests and demos.
 * Runs outside Next.js: it must not import "server-only" nor anything outside lib/tusfacturas.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleApiCall } from "./api-call";
import { handleControl } from "./control-handlers";
import { API_METHODS, type ApiMethod } from "./control-schemas";
import { parseJsonBody, readBody, send } from "./http-io";
import { jsonResponse, type EmulatorResponse } from "./responses";
import { daysToDate, seededAccounts, type SeededAccount } from "./seed";
import { EmulatorState } from "./state";

export type EmulatorOptions = {
  /** 0 = a random free port. Default 4010. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** No per-request log lines. */
  quiet?: boolean;
  /**
   * Dates every seeded record relative to the day this falls on in Buenos Aires: the day the
   * fixtures describe (accounts.json `asOf`) becomes that day, and every ledger row, lookup and
   * due date moves by the same number of days. Omitted: the dates as stored.
   */
  asOf?: Date;
  /**
   * Clock for "future period" checks and outbox timestamps. Default: the wall clock, or with
   * `asOf`, a clock that starts at `asOf` (the same instant for `asOf: new Date()`).
   */
  now?: () => Date;
  /** Accounts served besides the seeded ones (the bench's generated business). */
  extraAccounts?: readonly SeededAccount[];
};

export type RunningEmulator = { url: string; port: number; close(): Promise<void> };

/** "1001" → "10**": enough to tell test accounts apart, never a whole credential. */
export function maskApikey(apikey: string): string {
  return apikey ? `${apikey.slice(0, 2)}**` : "-";
}

// Only the path: a query string is the caller's business and could hold anything.
const pathOf = (req: IncomingMessage): string =>
  new URL(req.url ?? "/", "http://emulator").pathname;

function apiMethodOf(pathname: string): ApiMethod | undefined {
  const path = pathname.replace(/^\/app\/api/, "").replace(/\/+$/, "");
  return API_METHODS.find((method) => path === `/v2/${method}`);
}

type Handled = { response: EmulatorResponse; apikey?: string };

async function route(
  req: IncomingMessage,
  state: EmulatorState,
  now: () => Date,
): Promise<Handled> {
  const pathname = pathOf(req);
  if (pathname.startsWith("/__control/")) {
    const text = req.method === "POST" ? await readBody(req) : "";
    const body = text ? parseJsonBody(text) : {};
    const path = pathname.slice("/__control".length).replace(/\/+$/, "");
    const response = handleControl(state, req.method ?? "GET", path, body);
    return { response: response ?? jsonResponse(404, { error: "Ruta de control desconocida" }) };
  }
  const method = apiMethodOf(pathname);
  if (!method) {
    return { response: jsonResponse(404, { error: "S", errores: ["El método no existe."] }) };
  }
  if (req.method !== "POST") {
    const response = jsonResponse(405, { error: "S", errores: ["Método HTTP no permitido."] });
    response.headers = { Allow: "POST" };
    return { response };
  }
  const text = await readBody(req);
  if (text === null) {
    return {
      response: jsonResponse(413, { error: "S", errores: ["El pedido es demasiado grande."] }),
    };
  }
  const body = parseJsonBody(text);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return {
      response: jsonResponse(400, { error: "S", errores: ["El JSON enviado no es válido."] }),
    };
  }
  const fields = body as Record<string, unknown>;
  const response = await handleApiCall({ state, method, body: fields, now });
  const apikey = typeof fields.apikey === "string" || typeof fields.apikey === "number";
  return apikey ? { response, apikey: String(fields.apikey).trim() } : { response };
}

/** The wall clock, moved so that it reads `start` now. */
function clockFrom(start: Date | undefined): () => Date {
  const offsetMs = start ? start.getTime() - Date.now() : 0;
  return () => new Date(Date.now() + offsetMs);
}

/** Starts the emulator with freshly seeded state; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const now = options.now ?? clockFrom(options.asOf);
  const days = options.asOf ? daysToDate(options.asOf) : 0;
  const extra = (options.extraAccounts ?? []).map((a): [string, SeededAccount] => [a.apikey, a]);
  const state = new EmulatorState(new Map([...seededAccounts(days), ...extra]));

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const startedAt = performance.now();
    route(req, state, now)
      .catch((): Handled => ({
        response: jsonResponse(500, { error: "S", errores: ["Error interno del emulador."] }),
      }))
      .then(({ response, apikey }) => {
        send(res, response);
        if (!options.quiet) {
          const ms = Math.round(performance.now() - startedAt);
          const who = apikey === undefined ? "" : ` apikey=${maskApikey(apikey)}`;
          console.log(`${req.method ?? "?"} ${pathOf(req)}${who} ${response.status} ${ms}ms`);
        }
      })
      .catch(() => res.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
