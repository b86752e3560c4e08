"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { getJson } from "@/lib/api/client";
import { movimientosPath } from "@/lib/api/paths";
import { buildLedger, type Ledger } from "@/lib/cuenta-corriente/ledger";
import { unpackMovimientos, type PackedMovimientos } from "@/lib/cuenta-corriente/packed";
import { queryKeys } from "@/lib/query-keys";

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
    queryFn: () =>
      getJson<PackedMovimientos>(movimientosPath({ businessId, cuit, snapshot: snapshotId! })),
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
