import type { Ledger } from "./ledger";

/**
 * Ledgers already built, by key, the most recently used kept while they hold `maxRows` rows in
 * all (a built row takes about 400 bytes: 50 000 rows are about 20 MB). For what cannot change
 * under its key, like a stored copy's movements.
 */
export function createLedgerCache(maxRows: number) {
  // A Map iterates in insertion order: reading an entry moves it to the end.
  const entries = new Map<string, Ledger>();
  let rows = 0;
  return {
    get(key: string): Ledger | undefined {
      const ledger = entries.get(key);
      if (ledger) {
        entries.delete(key);
        entries.set(key, ledger);
      }
      return ledger;
    },
    /** Keeps `ledger` unless it alone is over the limit; drops the least recently used. */
    set(key: string, ledger: Ledger): void {
      if (entries.has(key) || ledger.rows.length > maxRows) return;
      entries.set(key, ledger);
      rows += ledger.rows.length;
      for (const [oldest, { rows: dropped }] of entries) {
        if (rows <= maxRows) break;
        entries.delete(oldest);
        rows -= dropped.length;
      }
    },
  };
}
