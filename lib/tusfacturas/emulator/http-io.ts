/**
 * node:http plumbing for the emulator: bounded body reading and writing answers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorResponse } from "./responses";

const MAX_BODY_BYTES = 1_000_000;

/** The request body as text, or `null` when it exceeds 1 MB. */
export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON.parse that returns `undefined` instead of throwing. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes an answer unless the client already went away. */
export function send(res: ServerResponse, response: EmulatorResponse): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(response.status, {
    "Content-Type": response.contentType,
    "Content-Length": Buffer.byteLength(response.body),
    ...response.headers,
  });
  res.end(response.body);
}
