/** What the consumo page shows; plain data, safe to send to the browser. */
export type ConsumoView = {
  snapshot: {
    abonosPendientes: number;
    comprobantesGenerados: number;
    comprobantesCupo: number;
    comprobantesDisponibles: number;
    /** ISO timestamp of when TusFacturas gave these figures. */
    fetchedAt: string;
  } | null;
  /** The last failed attempt after the snapshot, with the message shown to the user. */
  lastError: { message: string; at: string } | null;
  credentials: {
    status: "missing" | "verified" | "unverified";
    detail: string | null;
    lastVerifiedAt: string | null;
  };
};
