import { describe, expect, it } from "vitest";
import { createFailureLimiter } from "./rate-limit";

describe("createFailureLimiter", () => {
  const windowMs = 60_000;

  it("blocks a key after `max` failures within the window, and only that key", () => {
    const limiter = createFailureLimiter({ max: 3, windowMs });
    for (let i = 0; i < 2; i++) limiter.fail("ana@example.com", 1000 + i);
    expect(limiter.blocked("ana@example.com", 2000)).toBe(false);
    limiter.fail("ana@example.com", 3000);
    expect(limiter.blocked("ana@example.com", 3001)).toBe(true);
    expect(limiter.blocked("beto@example.com", 3001)).toBe(false);
  });

  it("lets the key in again once its oldest failure leaves the window", () => {
    const limiter = createFailureLimiter({ max: 2, windowMs });
    limiter.fail("k", 0);
    limiter.fail("k", 10_000);
    expect(limiter.blocked("k", 59_999)).toBe(true);
    expect(limiter.blocked("k", 60_000)).toBe(false);
  });

  it("forgets a key's failures after a success", () => {
    const limiter = createFailureLimiter({ max: 2, windowMs });
    limiter.fail("k", 0);
    limiter.fail("k", 1);
    limiter.clear("k");
    expect(limiter.blocked("k", 2)).toBe(false);
  });
});
