import type { VencimientosView } from "@/lib/vencimientos/refs";

/** What the ledger page receives; plain data, safe to send to the browser. */
export type CuentaCorrienteView = {
  cliente: { id: string; cuit: string; nombre: string };
  /**
   * The stored copy shown, without its movements: those are megabytes, so the page sends a
   * first screen computed from them and the browser fetches them apart (`movimientosPath` in
   * lib/api/paths.ts).
   */
  snapshot: { id: string; fetchedAt: string; movimientos: number } | null;
  /** The last failed attempt after the snapshot, with the message shown to the user. */
  lastError: { message: string; at: string } | null;
  credentials: "missing" | "verified" | "unverified";
  /** The stored due dates of the latest copy's unpaid comprobantes (lib/vencimientos). */
  vencimientos: VencimientosView;
};

/** One row of the cartera: the client and what its last stored ledger says. */
export type CarteraRow = {
  id: string;
  cuit: string;
  nombre: string;
  ledger: {
    fetchedAt: string;
    movimientos: number;
    saldoCentavos: number;
    restaAbonarCentavos: number;
    oldestUnpaidFecha: string | null;
    /**
     * What is past its due date (the issue date where TusFacturas gives none), or null for a
     * copy stored before Tablero kept its unpaid comprobantes.
     */
    vencidoCentavos: number | null;
  } | null;
};
