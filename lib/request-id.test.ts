import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { isValidRequestId, requestIdFrom } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("request ids", () => {
  it("accepts only short plain ids", () => {
    expect(isValidRequestId("req-1234.abc_DEF")).toBe(true);
    expect(isValidRequestId(crypto.randomUUID())).toBe(true);
    for (const invalid of [null, "", "short", "has spaces 1234", "a".repeat(65), "x\ny-12345678"])
      expect(isValidRequestId(invalid)).toBe(false);
  });

  it("makes a new random id when the incoming one is missing or invalid", () => {
    expect(requestIdFrom("req-12345678")).toBe("req-12345678");
    expect(requestIdFrom(null)).toMatch(UUID);
    expect(requestIdFrom('{"level":"fatal"}')).toMatch(UUID);
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

describe("proxy", () => {
  function send(requestId?: string) {
    const headers = new Headers(requestId === undefined ? {} : { "x-request-id": requestId });
    return proxy(new NextRequest("http://localhost:3000/empresas", { headers }));
  }

  /** The request header the app will see (how NextResponse.next passes request headers on). */
  const forwarded = (response: Response) =>
    response.headers.get("x-middleware-request-x-request-id");

  it("echoes a valid incoming id to the app and on the response", () => {
    const response = send("req-12345678");
    expect(response.headers.get("x-request-id")).toBe("req-12345678");
    expect(forwarded(response)).toBe("req-12345678");
  });

  it.each([
    ["missing", undefined],
    ["with spaces", "not a valid id"],
    ["200 characters long", "a".repeat(200)],
  ])("replaces an id that is %s with a new one, the same for the app and the response", (_, id) => {
    const response = send(id);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(UUID);
    expect(forwarded(response)).toBe(requestId);
  });
});
