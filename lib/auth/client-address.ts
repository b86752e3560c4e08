import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** Set on every request from its socket (never from what the client sent). */
export const PEER_HEADER = "x-tablero-peer";

/** Where this process keeps the stamp's secret (on globalThis: the app's bundles share it). */
const SECRET = Symbol.for("tablero.peerStampSecret");
type Stamped = typeof globalThis & { [SECRET]?: string };

/**
 * Writes each request's socket address in `PEER_HEADER`, replacing anything the client sent
 * under that name. Next.js keeps a client's own X-Forwarded-For and exposes no socket to route
 * handlers or actions, so this is the one trustworthy source of the connection's address.
 *
 * The address follows a secret drawn when the process starts: `next start` accepts (and holds)
 * requests before instrumentation installs this hook, and those reach the app with whatever
 * the client wrote under that name. Without the secret, `clientAddress` believes none of it.
 */
export function stampPeerAddresses(): void {
  const stamped = globalThis as Stamped;
  if (stamped[SECRET]) return;
  const secret = randomBytes(16).toString("hex");
  stamped[SECRET] = secret;
  const emit = http.Server.prototype.emit as (this: http.Server, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = `${secret} ${request.socket.remoteAddress ?? ""}`;
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}

/** The connection's address as the hook wrote it; null for a value it did not write. */
function stampedPeer(value: string | null): string | null {
  const secret = (globalThis as Stamped)[SECRET];
  if (!secret || !value || value[secret.length] !== " ") return null;
  const written = Buffer.from(value.slice(0, secret.length));
  if (written.length !== secret.length || !timingSafeEqual(written, Buffer.from(secret)))
    return null;
  return value.slice(secret.length + 1) || null;
}

/**
 * The client's address: the connection's own with no trusted proxy; behind `hops` proxies
 * that each append the address they received from, the entry `hops` places from the right of
 * X-Forwarded-For followed by the connection's address. What a client writes itself further
 * left is never trusted. Null when unknown: no stamp (not served by Tablero's server, or
 * arrived while it started).
 */
export function clientAddress(headers: Headers, hops: number): string | null {
  const peer = stampedPeer(headers.get(PEER_HEADER));
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
