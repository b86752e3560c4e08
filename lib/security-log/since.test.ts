import { describe, expect, it } from "vitest";
import { parseSince } from "./since";

const now = new Date("2026-11-30T12:00:00.000Z");

describe("parseSince", () => {
  it("reads minutes, hours, days and dates, and nothing else", () => {
    expect(parseSince("24h", now)?.toISOString()).toBe("2026-11-29T12:00:00.000Z");
    expect(parseSince("7d", now)?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
    expect(parseSince("30m", now)?.toISOString()).toBe("2026-11-30T11:30:00.000Z");
    expect(parseSince("2026-11-01T03:00:00Z", now)?.toISOString()).toBe("2026-11-01T03:00:00.000Z");
    expect(parseSince("ayer", now)).toBeNull();
    expect(parseSince("24", now)).toBeNull();
    expect(parseSince("2026-13-45", now)).toBeNull();
  });
});
