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
  } | null;
};
