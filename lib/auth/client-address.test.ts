import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER, stampPeerAddresses } from "./client-address";

const headers = (values: Record<string, string>) => new Headers(values);

/**
 * A server with the hook installed, as `next start` has it: answers what `clientAddress` makes
 * of the request (with `?hops=`) and what reached the app under `PEER_HEADER`.
 */
let server: http.Server;
let base: string;
beforeAll(async () => {
  stampPeerAddresses();
  server = http.createServer((request, response) => {
    const hops = Number(new URL(request.url ?? "/", "http://x").searchParams.get("hops") ?? 0);
    const seen = new Headers(request.headers as Record<string, string>);
    response.end(
      JSON.stringify({ address: clientAddress(seen, hops), peer: seen.get(PEER_HEADER) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function ask(hops: number, sent: Record<string, string> = {}) {
  const response = await fetch(`${base}/?hops=${hops}`, { headers: sent });
  return (await response.json()) as { address: string | null; peer: string };
}

describe("clientAddress", () => {
  it("with no trusted proxy is the connection's address, whatever the client wrote", async () => {
    const answer = await ask(0, { "x-forwarded-for": "1.2.3.4", [PEER_HEADER]: "6.6.6.6" });
    expect(answer.address).toBe("127.0.0.1");
  });

  it("behind trusted proxies takes the entry they appended, never what the client wrote", async () => {
    // The client forged "6.6.6.6"; the proxy (the connection) appended the real one.
    expect((await ask(1, { "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).address).toBe(
      "203.0.113.9",
    );
    const viaTwo = { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" };
    expect((await ask(2, viaTwo)).address).toBe("203.0.113.9");
  });

  it("with more hops configured than entries, is the leftmost", async () => {
    expect((await ask(3, { "x-forwarded-for": "10.0.0.2" })).address).toBe("10.0.0.2");
    expect((await ask(3)).address).toBe("127.0.0.1");
  });

  it("is unknown for a value the hook did not write (a request served before it was installed)", async () => {
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBeNull();
    // What a client writes under the header's name, as a request held while the server
    // started would bring it, and the stamp's form with another secret.
    expect(clientAddress(headers({ [PEER_HEADER]: "6.6.6.6" }), 0)).toBeNull();
    const { peer } = await ask(0);
    const secret = peer.slice(0, peer.indexOf(" "));
    const forged = `${"0".repeat(secret.length)} 6.6.6.6`;
    expect(clientAddress(headers({ [PEER_HEADER]: forged }), 0)).toBeNull();
    expect(clientAddress(headers({ [PEER_HEADER]: `${secret} 6.6.6.6` }), 0)).toBe("6.6.6.6");
  });
});
