import { describe, expect, it } from "vitest";
import { ageInDays, agingOf } from "./aging";
import { ledgerRow } from "@/lib/testing/ledger-rows";

const unpaid = (fecha: string, restaAbonarCentavos: number) =>
  ledgerRow({ fecha, restaAbonarCentavos });

/** The bucket key a single unpaid comprobante of `fecha` lands in on `today`. */
function bucketOf(fecha: string, today: string): string | undefined {
  return agingOf([unpaid(fecha, 100)], today).buckets.find((b) => b.comprobantes === 1)?.key;
}

describe("ageInDays", () => {
  it.each([
    ["2025-03-01", "2025-03-01", 0],
    ["2025-02-28", "2025-03-01", 1],
    ["2024-02-28", "2024-03-01", 2],
    ["2023-12-31", "2024-12-31", 366],
    ["2025-03-29", "2025-03-31", 2],
    ["2025-10-04", "2025-10-06", 2],
    ["2025-03-10", "2025-03-01", 0],
  ])("%s → %s is %i days", (fecha, today, days) => {
    expect(ageInDays(fecha, today)).toBe(days);
  });
});

describe("agingOf", () => {
  it.each([
    ["2025-05-01", "2025-05-31", "0-30"],
    ["2025-04-30", "2025-05-31", "31-60"],
    ["2025-04-01", "2025-05-31", "31-60"],
    ["2025-03-31", "2025-05-31", "61-90"],
    ["2025-03-02", "2025-05-31", "61-90"],
    ["2025-03-01", "2025-05-31", "90+"],
    // Leap year: 30 days back from 2024-03-01 crosses 29 February.
    ["2024-01-31", "2024-03-01", "0-30"],
    ["2024-01-30", "2024-03-01", "31-60"],
    // Month ends: 31 March to 30 April is 30 days, to 1 May is 31.
    ["2025-03-31", "2025-04-30", "0-30"],
    ["2025-03-31", "2025-05-01", "31-60"],
    ["2024-12-31", "2025-03-31", "61-90"],
    ["2024-12-31", "2025-04-01", "90+"],
    ["2026-01-15", "2025-12-31", "0-30"],
  ])("%s on %s is in %s", (fecha, today, key) => {
    expect(bucketOf(fecha, today)).toBe(key);
  });

  it("adds only what is unpaid, counts comprobantes and finds the oldest", () => {
    const aging = agingOf(
      [
        ledgerRow({ fecha: "2024-12-01", haberCentavos: 5000 }),
        unpaid("2025-01-10", 0),
        unpaid("2025-02-01", 1050),
        unpaid("2025-03-10", 2000),
        unpaid("2025-03-20", 300),
        unpaid("2025-05-30", 12345),
        unpaid("2025-06-01", 5),
      ],
      "2025-06-01",
    );
    expect(aging.buckets).toEqual([
      { key: "0-30", label: "Al día (0–30 días)", centavos: 12350, comprobantes: 2 },
      { key: "31-60", label: "31–60 días", centavos: 0, comprobantes: 0 },
      { key: "61-90", label: "61–90 días", centavos: 2300, comprobantes: 2 },
      { key: "90+", label: "Más de 90 días", centavos: 1050, comprobantes: 1 },
    ]);
    expect(aging.totalCentavos).toBe(15700);
    expect(aging.oldestUnpaidFecha).toBe("2025-02-01");
  });

  it("has four empty buckets and no oldest date when nothing is owed", () => {
    const aging = agingOf([ledgerRow({ fecha: "2025-01-01" })], "2025-06-01");
    expect(aging.buckets.map((b) => [b.key, b.centavos, b.comprobantes])).toEqual([
      ["0-30", 0, 0],
      ["31-60", 0, 0],
      ["61-90", 0, 0],
      ["90+", 0, 0],
    ]);
    expect(aging).toMatchObject({ totalCentavos: 0, oldestUnpaidFecha: null });
  });

  it("rejects a today that is not an ISO date", () => {
    expect(() => agingOf([], "01/06/2025")).toThrow(RangeError);
  });
});
