/**
 * Where the browser fetches a stored copy's movements (see the route under app/api, which
 * checks its input with `movimientosInput`).
 */
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
