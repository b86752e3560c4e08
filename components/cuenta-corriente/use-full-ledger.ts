"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { buildLedger, type Ledger } from "@/lib/cuenta-corriente/ledger";
import { unpackMovimientos, type PackedMovimientos } from "@/lib/cuenta-corriente/packed";
import { movimientosPath } from "@/lib/cuenta-corriente/movimientos-path";
import { queryKeys } from "@/lib/query-keys";

async function fetchMovimientos(path: string): Promise<PackedMovimientos> {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  // A lapsed session is redirected to the sign-in page: that is not the movements either.
  if (!response.ok || response.redirected) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as PackedMovimientos;
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
    queryFn: () => fetchMovimientos(movimientosPath({ businessId, cuit, snapshot: snapshotId! })),
    enabled: enabled && idle && snapshotId !== undefined,
    placeholderData: keepPreviousData,
  });
  const ledger = useMemo(
    () => (query.data ? buildLedger(unpackMovimientos(query.data)) : undefined),
    [query.data],
  );
  return {
    ledger,
    current: ledger !== undefined && !query.isPlaceholderData,
    failed: query.isError,
  };
}
