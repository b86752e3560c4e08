import "server-only";
import http from "node:http";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** Set on every request from its socket (never from what the client sent). */
export const PEER_HEADER = "x-tablero-peer";

/**
 * Writes each request's socket address in `PEER_HEADER`, replacing anything the client sent
 * under that name. Next.js keeps a client's own X-Forwarded-For and exposes no socket to route
 * handlers or actions, so this is the one trustworthy source of the connection's address.
 */
export function stampPeerAddresses(): void {
  const flag = globalThis as { tableroPeerStamp?: boolean };
  if (flag.tableroPeerStamp) return;
  flag.tableroPeerStamp = true;
  const emit = http.Server.prototype.emit as (this: http.Server, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}

/**
 * The client's address: the connection's own with no trusted proxy; behind `hops` proxies
 * that each append the address they received from, the entry `hops` places from the right of
 * X-Forwarded-For followed by the connection's address. What a client writes itself further
 * left is never trusted. Null when unknown (no stamp: not served by Tablero's server).
 */
export function clientAddress(headers: Headers, hops: number): string | null {
  const peer = headers.get(PEER_HEADER);
  if (!peer) return null;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, normalize(peer)];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? null;
}

/** "::ffff:127.0.0.1" (IPv4 on a dual-stack socket) → "127.0.0.1". */
function normalize(address: string): string {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

/** The address of the client of the request being served; null outside a request. */
export async function requestClientAddress(): Promise<string | null> {
  let incoming: Headers;
  try {
    incoming = await headers();
  } catch {
    return null;
  }
  return clientAddress(incoming, env().TABLERO_TRUSTED_PROXY_HOPS);
}
