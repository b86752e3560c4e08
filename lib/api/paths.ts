/**
 * Where the browser reads through GET (app/api): one function per route, used by the hooks
 * that fetch it and by the routes' tests.
 */

/** A business's consumo: the stored copy, refreshed first only as a visit of the page would. */
export function consumoPath(businessId: string): string {
  return `/api/empresas/${businessId}/consumo`;
}

/** A client's ledger view (figures and snapshot, not the movements). */
export function cuentaCorrientePath({
  businessId,
  cuit,
  stored = false,
}: {
  businessId: string;
  cuit: string;
  /** Only the stored copy: the read never asks TusFacturas, whoever makes it. */
  stored?: boolean;
}) {
  const path = `/api/empresas/${businessId}/clientes/${cuit}/cuenta-corriente`;
  return stored ? `${path}?guardado=1` : path;
}

/** One stored copy of a client's ledger: every movement, packed. */
export function movimientosPath({
  businessId,
  cuit,
  snapshot,
}: {
  businessId: string;
  cuit: string;
  snapshot: string;
}): string {
  return `/api/empresas/${businessId}/clientes/${cuit}/movimientos?snapshot=${snapshot}`;
}

/** An IVA run of the signed-in user's, with each business's outcome so far. */
export function ivaBatchPath(batchId: string): string {
  return `/api/iva/lotes/${batchId}`;
}

/** The command palette's results ("Ir a…") for `query`. */
export function navigationSearchPath(query: string): string {
  return `/api/navegacion?${new URLSearchParams({ query }).toString()}`;
}

/** A business's latest «Importar clientes desde TusFacturas», with its progress and findings. */
export function clientImportPath(businessId: string): string {
  return `/api/empresas/${businessId}/clientes/importacion`;
}
