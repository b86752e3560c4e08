"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { getQueryClient } from "@/lib/query-client";

/**
 * The query cache for the parts of a page that keep one (consumo, a ledger, IVA progress, the
 * palette's search…). Placed around those parts rather than in the root layout, so a page that
 * keeps no cache does not download react-query; every provider in the browser shares one client.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(getQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
