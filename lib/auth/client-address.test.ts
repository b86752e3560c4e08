import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "./client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  it("with no trusted proxy is the connection's address, whatever X-Forwarded-For says", () => {
    expect(
      clientAddress(headers({ [PEER_HEADER]: "198.51.100.4", "x-forwarded-for": "1.2.3.4" }), 0),
    ).toBe("198.51.100.4");
    expect(clientAddress(headers({ [PEER_HEADER]: "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
  });

  it("behind trusted proxies takes the entry they appended, never what the client wrote", () => {
    // The client forged "6.6.6.6"; the proxy (10.0.0.2, the connection) appended the real one.
    const viaOne = headers({
      [PEER_HEADER]: "10.0.0.2",
      "x-forwarded-for": "6.6.6.6, 203.0.113.9",
    });
    expect(clientAddress(viaOne, 1)).toBe("203.0.113.9");
    const viaTwo = headers({
      [PEER_HEADER]: "10.0.0.3",
      "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2",
    });
    expect(clientAddress(viaTwo, 2)).toBe("203.0.113.9");
  });

  it("with more hops configured than entries, is the leftmost; unknown without the stamp", () => {
    expect(clientAddress(headers({ [PEER_HEADER]: "10.0.0.2" }), 3)).toBe("10.0.0.2");
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBeNull();
  });
});
