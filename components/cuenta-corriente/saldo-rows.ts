"use client";

import { createContext } from "react";
import type { LedgerRow } from "@/lib/cuenta-corriente/ledger";

/**
 * The rows the saldo series was built from, for the chart's tooltip to name each point's
 * comprobante once they have arrived. A context rather than a prop: their arrival reaches the
 * tooltip alone, not the chart's drawing.
 */
export const SaldoRows = createContext<readonly LedgerRow[] | undefined>(undefined);
