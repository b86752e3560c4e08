import { describe, expect, it } from "vitest";
import { buildLedger, type Ledger } from "./ledger";
import { createLedgerCache } from "./ledger-cache";
import { movimiento } from "@/lib/testing/ledger-rows";

function ledgerOf(rows: number): Ledger {
  return buildLedger(
    Array.from({ length: rows }, (_, i) =>
      movimiento({ fecha: "2026-01-05", debeCentavos: 100, orden: i }),
    ),
  );
}

describe("createLedgerCache", () => {
  it("keeps what it was given, the least recently used dropped first past the rows' limit", () => {
    const cache = createLedgerCache(10);
    const [a, b, c] = [ledgerOf(4), ledgerOf(4), ledgerOf(4)];
    cache.set("a", a);
    cache.set("b", b);
    expect(cache.get("a")).toBe(a);
    // 12 rows: "b" was used least recently.
    cache.set("c", c);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(a);
    expect(cache.get("c")).toBe(c);
  });

  it("never keeps a ledger over the limit by itself, nor replaces a key", () => {
    const cache = createLedgerCache(10);
    const small = ledgerOf(2);
    cache.set("small", small);
    cache.set("big", ledgerOf(11));
    expect(cache.get("big")).toBeUndefined();
    cache.set("small", ledgerOf(3));
    expect(cache.get("small")).toBe(small);
  });
});
