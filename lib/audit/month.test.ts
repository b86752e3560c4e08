import { describe, expect, it } from "vitest";
import { startOfMonth } from "./month";

/** Instants in UTC; Buenos Aires is UTC−3 all year, so its midnight is 03:00 UTC. */
const start = (now: string) => startOfMonth(new Date(now)).toISOString();

describe("startOfMonth (Buenos Aires)", () => {
  it("is the 1st at 00:00 in Buenos Aires, 03:00 UTC", () => {
    expect(start("2026-11-20T12:00:00.000Z")).toBe("2026-11-01T03:00:00.000Z");
    expect(start("2026-11-01T03:00:00.000Z")).toBe("2026-11-01T03:00:00.000Z");
    expect(start("2026-11-30T23:59:59.999Z")).toBe("2026-11-01T03:00:00.000Z");
  });

  it("keeps the previous month until midnight in Buenos Aires, not in UTC", () => {
    // 1 March 00:00–02:59 UTC is still 28 February in Buenos Aires.
    expect(start("2026-03-01T00:00:00.000Z")).toBe("2026-02-01T03:00:00.000Z");
    expect(start("2026-03-01T02:30:00.000Z")).toBe("2026-02-01T03:00:00.000Z");
    expect(start("2026-03-01T02:59:59.999Z")).toBe("2026-02-01T03:00:00.000Z");
    expect(start("2026-03-01T03:00:00.000Z")).toBe("2026-03-01T03:00:00.000Z");
    // The last instant of a month in Buenos Aires is already the next month in UTC.
    expect(start("2026-05-01T02:59:59.999Z")).toBe("2026-04-01T03:00:00.000Z");
  });

  it("crosses the year in Buenos Aires time", () => {
    expect(start("2027-01-01T00:30:00.000Z")).toBe("2026-12-01T03:00:00.000Z");
    expect(start("2027-01-01T02:59:59.999Z")).toBe("2026-12-01T03:00:00.000Z");
    expect(start("2027-01-01T03:00:00.000Z")).toBe("2027-01-01T03:00:00.000Z");
    expect(start("2026-12-31T23:59:59.999Z")).toBe("2026-12-01T03:00:00.000Z");
    expect(start("2027-01-31T12:00:00.000Z")).toBe("2027-01-01T03:00:00.000Z");
  });

  it("handles February in leap and common years", () => {
    expect(start("2028-02-29T12:00:00.000Z")).toBe("2028-02-01T03:00:00.000Z");
    expect(start("2028-03-01T02:00:00.000Z")).toBe("2028-02-01T03:00:00.000Z");
    expect(start("2027-02-28T23:00:00.000Z")).toBe("2027-02-01T03:00:00.000Z");
  });

  it("is the same for every instant of a month and never after now", () => {
    const first = Date.parse("2026-07-01T03:00:00.000Z");
    const next = Date.parse("2026-08-01T03:00:00.000Z");
    for (let t = first; t < next; t += 7 * 3_600_000 + 123) {
      const s = startOfMonth(new Date(t));
      expect(s.getTime()).toBe(first);
      expect(s.getTime()).toBeLessThanOrEqual(t);
    }
    expect(startOfMonth(new Date(next)).getTime()).toBe(next);
  });
});
