"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  ledgerFiltersToSearch,
  parseLedgerFilters,
  type LedgerFilters,
} from "@/lib/cuenta-corriente/filters";

/** The ledger's filters, read from and written to the URL so a view can be shared. */
export function useLedgerFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(
    () => parseLedgerFilters(new URLSearchParams(searchParams.toString())),
    [searchParams],
  );
  const setFilters = useCallback(
    (next: Partial<LedgerFilters>) => {
      const search = ledgerFiltersToSearch({ ...filters, ...next });
      router.replace(search ? `${pathname}?${search.replace(/^\?/, "")}` : pathname, {
        scroll: false,
      });
    },
    [filters, pathname, router],
  );
  return { filters, setFilters };
}
