"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { getJson } from "@/lib/api/client";
import { movimientosPath } from "@/lib/api/paths";
import { buildLedgerInSlices, type Ledger } from "@/lib/cuenta-corriente/ledger";
import { unpackMovimientos, type PackedMovimientos } from "@/lib/cuenta-corriente/packed";
import { queryKeys } from "@/lib/query-keys";

/**
 * Resolves in a task of its own, after what the browser has waiting (input, rendering): with
 * `scheduler.yield()` where there is one, which resumes ahead of other queued tasks, otherwise
 * a timer.
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** False until the browser is first idle after mounting. */
function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback !== "function") {
      const timer = setTimeout(() => setIdle(true), 50);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(() => setIdle(true), { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }, []);
  return idle;
}

/**
 * Every movement of a stored copy, fetched once the page is on screen (the page itself carries
 * only the first screen). While another copy's movements are being fetched after a refresh,
 * the previous ledger stays, marked as not `current`.
 */
export function useFullLedger({
  businessId,
  cuit,
  snapshotId,
  enabled,
}: {
  businessId: string;
  cuit: string;
  snapshotId: string | undefined;
  enabled: boolean;
}): { ledger: Ledger | undefined; current: boolean; failed: boolean } {
  // What the page brought is drawn first: the charts render in the few frames after hydration,
  // and a megabyte of movements arriving among them would hold them back.
  const idle = useIdle();
  const query = useQuery({
    queryKey: queryKeys.cuentaCorrienteMovimientos(businessId, cuit, snapshotId ?? ""),
    queryFn: async ({ signal }): Promise<Ledger> => {
      const packed = await getJson<PackedMovimientos>(
        movimientosPath({ businessId, cuit, snapshot: snapshotId! }),
        signal,
      );
      // Reading a megabyte, unpacking 20 000 movements and building the ledger a slice at a
      // time are short tasks rather than one long one: a tap or a key in between is answered.
      await nextTask();
      const movimientos = unpackMovimientos(packed);
      return buildLedgerInSlices(movimientos, nextTask);
    },
    enabled: enabled && idle && snapshotId !== undefined,
    placeholderData: keepPreviousData,
  });
  return {
    ledger: query.data,
    current: query.data !== undefined && !query.isPlaceholderData,
    failed: query.isError,
  };
}
